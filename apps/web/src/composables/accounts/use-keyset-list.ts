import { onBeforeUnmount, watch, type WatchSource } from 'vue';
import type { Page } from '@/api/http';
import { createPageLoader } from '@/composables/page-loader';

/**
 * One page of a keyset-paged list that reloads whenever `source` changes (its value is passed to
 * `fetchPage`; while it is null nothing is loaded). A new load aborts the one in flight, so a
 * slow, stale answer never overwrites a newer one.
 */
export function useKeysetList<P extends Page<unknown>, Q>(
  source: WatchSource<Q | null>,
  fetchPage: (query: Q, signal: AbortSignal) => Promise<P>,
  options: { immediate?: boolean } = {},
) {
  type T = P['items'][number];
  const loader = createPageLoader(fetchPage);
  let lastQuery: Q | undefined;

  function load(query: Q): Promise<void> {
    lastQuery = query;
    return loader.load(query);
  }

  function reload(): Promise<void> {
    return lastQuery === undefined ? Promise.resolve() : load(lastQuery);
  }

  /** Replaces one item in place (after an update), matched by `same`. */
  function replace(item: T, same: (a: T, b: T) => boolean): void {
    loader.items.value = loader.items.value.map((existing) =>
      same(existing, item) ? item : existing,
    );
  }

  watch(
    source,
    (query, previous) => {
      if (previous !== undefined && JSON.stringify(query) === JSON.stringify(previous)) return;
      if (query === null) loader.cancel();
      else void load(query);
    },
    { immediate: options.immediate ?? true },
  );
  onBeforeUnmount(loader.cancel);

  const { items, lastPage, nextCursor, total, status, error } = loader;
  return { items, lastPage, nextCursor, total, status, error, load, reload, replace };
}
