import { onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue';
import { isAbortError } from '@/api/http';
import { quoteFailureOf, type QuoteFailure } from '@/api/pricing';

export type QuoteStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Follows a request (null: nothing to ask) with debounced, abortable calls: each change waits
 * `delay` ms of quiet, aborts the call in flight and asks again; only the latest answer counts.
 * The last result stays shown (stale) while the next one loads.
 */
export function useQuoteRequest<Req, Res>(
  request: Ref<Req | null>,
  fetcher: (request: Req, signal: AbortSignal) => Promise<Res>,
  delay = 300,
) {
  const result = shallowRef<Res | null>(null);
  const status = ref<QuoteStatus>('idle');
  const failure = ref<QuoteFailure | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  async function run(value: Req): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    status.value = 'loading';
    try {
      const answer = await fetcher(value, current.signal);
      if (controller !== current) return;
      result.value = answer;
      failure.value = null;
      status.value = 'ready';
    } catch (error) {
      if (isAbortError(error) || controller !== current) return;
      failure.value = quoteFailureOf(error);
      status.value = 'error';
    }
  }

  function schedule(value: Req | null, wait = delay): void {
    clearTimeout(timer);
    if (value === null) {
      controller?.abort();
      controller = null;
      status.value = 'idle';
      return;
    }
    status.value = 'loading';
    timer = setTimeout(() => void run(value), wait);
  }

  watch(request, (value) => schedule(value), { deep: true, immediate: true });

  /** Asks again now (the retry button). */
  function refresh(): void {
    schedule(request.value, 0);
  }

  onBeforeUnmount(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  return { result, status, failure, refresh };
}
