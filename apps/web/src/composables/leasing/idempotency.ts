/**
 * One `Idempotency-Key` per user action (docs/leasing.md): the key is made on the first attempt
 * and kept while the outcome is unknown (network failure, 5xx, the first request still running),
 * so pressing the button again retries the same action and the API replays its answer instead of
 * acting twice. After a success or a definite refusal (4xx) the next press is a new action with
 * a new key; `reset()` also starts over (e.g. when the form's content changed).
 */
import { ApiError } from '@/api/http';

/** Whether a failed attempt may still have happened (so a retry must reuse its key). */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.code === 'IDEMPOTENCY_KEY_IN_PROGRESS';
}

export interface IdempotentAction {
  run<T>(attempt: (key: string) => Promise<T>): Promise<T>;
  reset(): void;
  readonly key: string | null;
}

export function idempotentAction(
  newKey: () => string = () => globalThis.crypto.randomUUID(),
): IdempotentAction {
  let key: string | null = null;
  return {
    async run<T>(attempt: (key: string) => Promise<T>): Promise<T> {
      key ??= newKey();
      try {
        const result = await attempt(key);
        key = null;
        return result;
      } catch (error) {
        if (!outcomeUnknown(error)) key = null;
        throw error;
      }
    },
    reset() {
      key = null;
    },
    get key() {
      return key;
    },
  };
}
