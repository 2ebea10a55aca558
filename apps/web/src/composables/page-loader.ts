import { ref, shallowRef } from 'vue';
import { isAbortError, type Page } from '@/api/http';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One page of a keyset-paged list and its request state. A new load aborts the one in flight,
 * so a slow, stale answer never overwrites a newer one. Needs no component: the stores use it
 * as it is, components through `useKeysetList` (composables/accounts/use-keyset-list.ts).
 */
export function createPageLoader<P extends Page<unknown>, Q>(
  fetchPage: (query: Q, signal: AbortSignal) => Promise<P>,
) {
  type T = P['items'][number];
  /** The last page as the API sent it (for fields beyond the items, e.g. smtpConfigured). */
  const lastPage = shallowRef<P | null>(null);
  const items = shallowRef<T[]>([]);
  const nextCursor = ref<string | null>(null);
  const total = ref<P['total']>({ value: 0, exact: true });
  const status = ref<LoadStatus>('idle');
  const error = ref<string | null>(null);
  let controller: AbortController | null = null;

  async function load(query: Q): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    status.value = 'loading';
    error.value = null;
    try {
      const page = await fetchPage(query, current.signal);
      if (controller !== current) return;
      lastPage.value = page;
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      total.value = page.total;
      status.value = 'ready';
    } catch (e) {
      if (isAbortError(e) || controller !== current) return;
      status.value = 'error';
      error.value = (e as Error).message;
    }
  }

  /** Aborts the load in flight (its answer is dropped). */
  function cancel(): void {
    controller?.abort();
    controller = null;
  }

  return { items, lastPage, nextCursor, total, status, error, load, cancel };
}
