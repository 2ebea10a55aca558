import { onBeforeUnmount, ref, shallowRef, watch, type WatchSource } from 'vue';
import { isAbortError, type Page } from '@/api/http';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One page of a keyset-paged list that reloads whenever `source` changes (its value is passed to
 * `fetchPage`). A new load aborts the one in flight, so a slow, stale answer never overwrites a
 * newer one.
 */
export function useKeysetList<P extends Page<unknown>, Q>(
  source: WatchSource<Q>,
  fetchPage: (query: Q, signal: AbortSignal) => Promise<P>,
  options: { immediate?: boolean } = {},
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
  let lastQuery: Q | undefined;

  async function load(query: Q): Promise<void> {
    lastQuery = query;
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

  function reload(): Promise<void> {
    return lastQuery === undefined ? Promise.resolve() : load(lastQuery);
  }

  /** Replaces one item in place (after an update), matched by `same`. */
  function replace(item: T, same: (a: T, b: T) => boolean): void {
    items.value = items.value.map((existing) => (same(existing, item) ? item : existing));
  }

  watch(
    source,
    (query, previous) => {
      if (previous !== undefined && JSON.stringify(query) === JSON.stringify(previous)) return;
      void load(query);
    },
    { immediate: options.immediate ?? true },
  );
  onBeforeUnmount(() => controller?.abort());

  return { items, lastPage, nextCursor, total, status, error, load, reload, replace };
}
