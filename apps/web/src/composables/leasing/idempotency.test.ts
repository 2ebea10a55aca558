import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/http';
import { idempotentAction, outcomeUnknown } from './idempotency';

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('idempotentAction', () => {
  it('reuses the key when the first attempt may have happened, a new one after an answer', async () => {
    const action = idempotentAction(keys());
    const seen: string[] = [];
    await expect(
      action.run(async (key) => {
        seen.push(key);
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow();
    await expect(
      action.run(async (key) => {
        seen.push(key);
        throw new ApiError(503, { code: 'UNAVAILABLE', message: 'down' });
      }),
    ).rejects.toThrow();
    await action.run(async (key) => seen.push(key));
    await action.run(async (key) => seen.push(key));
    expect(seen).toEqual(['key-1', 'key-1', 'key-1', 'key-2']);
  });

  it('starts over after a refusal or a reset', async () => {
    const action = idempotentAction(keys());
    await expect(
      action.run(async () => {
        throw new ApiError(400, { code: 'VALIDATION_FAILED', message: 'bad' });
      }),
    ).rejects.toThrow();
    expect(action.key).toBeNull();
    await expect(
      action.run(async () => {
        throw new TypeError('offline');
      }),
    ).rejects.toThrow();
    expect(action.key).toBe('key-2');
    action.reset();
    expect(action.key).toBeNull();
  });

  it('treats a request still in progress as unknown', () => {
    expect(
      outcomeUnknown(new ApiError(409, { code: 'IDEMPOTENCY_KEY_IN_PROGRESS', message: '' })),
    ).toBe(true);
    expect(outcomeUnknown(new ApiError(409, { code: 'INVALID_TRANSITION', message: '' }))).toBe(
      false,
    );
  });
});
