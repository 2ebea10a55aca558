import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { mount } from '@vue/test-utils';
import { ApiError } from '@/api/http';
import { useQuoteRequest } from './use-quote-request';

/** Mounts a component that uses the composable, to get its lifecycle. */
function setup(fetcher: (value: number, signal: AbortSignal) => Promise<string>) {
  const request = ref<number | null>(null);
  let state!: ReturnType<typeof useQuoteRequest<number, string>>;
  const wrapper = mount(
    defineComponent({
      setup() {
        state = useQuoteRequest(request, fetcher, 300);
        return () => h('div');
      },
    }),
  );
  return { request, state: () => state, wrapper };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useQuoteRequest', () => {
  it('waits for a quiet moment and asks once for a burst of changes', async () => {
    const fetcher = vi.fn(async (value: number) => `quote ${value}`);
    const { request, state } = setup(fetcher);
    for (const value of [12, 24, 36]) {
      request.value = value;
      await nextTick();
      vi.advanceTimersByTime(100);
    }
    expect(fetcher).not.toHaveBeenCalled();
    expect(state().status.value).toBe('loading');
    await vi.advanceTimersByTimeAsync(300);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(fetcher.mock.calls[0]![0]).toBe(36);
    expect(state().result.value).toBe('quote 36');
    expect(state().status.value).toBe('ready');
  });

  it('aborts the request in flight when the inputs change, keeping only the latest answer', async () => {
    const signals: AbortSignal[] = [];
    const resolvers: ((value: string) => void)[] = [];
    const fetcher = vi.fn(
      (_value: number, signal: AbortSignal) =>
        new Promise<string>((resolve) => {
          signals.push(signal);
          resolvers.push(resolve);
        }),
    );
    const { request, state } = setup(fetcher);
    request.value = 12;
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    request.value = 24;
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[1]!.aborted).toBe(false);
    resolvers[1]!('second');
    resolvers[0]!('first (late)');
    await vi.runAllTimersAsync();
    expect(state().result.value).toBe('second');
  });

  it('keeps the last result while failing, with the server message sorted', async () => {
    const fetcher = vi.fn(async (value: number) => {
      if (value > 60) {
        throw new ApiError(400, {
          code: 'TERM_OUT_OF_RANGE',
          message: '租期须在 12–60 个月之间',
          details: { min: 12, max: 60 },
        });
      }
      return `quote ${value}`;
    });
    const { request, state } = setup(fetcher);
    request.value = 36;
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    request.value = 72;
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    expect(state().status.value).toBe('error');
    expect(state().failure.value).toMatchObject({ kind: 'term', min: 12, max: 60 });
    expect(state().failure.value?.message).toBe('租期须在 12–60 个月之间');
    expect(state().result.value).toBe('quote 36');
  });

  it('aborts on unmount and goes idle without a request', async () => {
    const signals: AbortSignal[] = [];
    const fetcher = vi.fn(
      (_value: number, signal: AbortSignal) =>
        new Promise<string>(() => {
          signals.push(signal);
        }),
    );
    const { request, state, wrapper } = setup(fetcher);
    expect(state().status.value).toBe('idle');
    request.value = 12;
    await nextTick();
    await vi.advanceTimersByTimeAsync(300);
    wrapper.unmount();
    expect(signals[0]!.aborted).toBe(true);
  });
});
