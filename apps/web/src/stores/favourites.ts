import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import * as market from '@/api/market';
import type { FavouriteItem } from '@/api/market';
import { ApiError, isAbortError } from '@/api/http';
import { useSessionStore } from './session';

export const FAVOURITES_STORAGE_KEY = 'factoryspace.favourites';
/** The server keeps at most 200 (409 FAVOURITES_FULL); the local list keeps the same limit. */
export const FAVOURITES_MAX = 200;

interface LocalFavourite {
  unitId: string;
  /** ISO time, or '' when not known (lists stored by older versions). */
  addedAt: string;
}

/** Why the last change did not go through (shown next to the heart). */
export type FavouriteError = 'full' | 'gone' | 'failed';

function readLocal(): LocalFavourite[] {
  try {
    const raw = globalThis.localStorage?.getItem(FAVOURITES_STORAGE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const seen = new Set<string>();
    const list: LocalFavourite[] = [];
    for (const value of parsed) {
      const item =
        typeof value === 'string'
          ? { unitId: value, addedAt: '' }
          : (value as Partial<LocalFavourite> | null);
      if (!item || typeof item.unitId !== 'string' || !item.unitId || seen.has(item.unitId)) {
        continue;
      }
      seen.add(item.unitId);
      list.push({
        unitId: item.unitId,
        addedAt: typeof item.addedAt === 'string' ? item.addedAt : '',
      });
    }
    return list.slice(0, FAVOURITES_MAX);
  } catch {
    return [];
  }
}

function writeLocal(list: LocalFavourite[]): void {
  try {
    if (list.length === 0) globalThis.localStorage?.removeItem(FAVOURITES_STORAGE_KEY);
    else globalThis.localStorage?.setItem(FAVOURITES_STORAGE_KEY, JSON.stringify(list));
  } catch {
    // Storage disabled: the list lasts as long as the page.
  }
}

function errorOf(error: unknown): FavouriteError {
  if (error instanceof ApiError) {
    if (error.status === 409) return 'full';
    if (error.status === 404) return 'gone';
  }
  return 'failed';
}

/** Whether a failed merge of one local favourite should be tried again at the next sign-in. */
function worthRetrying(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** Fetches `ids` with at most `limit` requests in flight, keeping the order. */
async function mapLimited<T, R>(values: T[], limit: number, fn: (value: T) => Promise<R>) {
  const results: R[] = new Array<R>(values.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < values.length) {
      const index = next++;
      results[index] = await fn(values[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}

/**
 * Favourite units. Visitors (and signed-in users who are not firms) keep them in localStorage;
 * a signed-in firm user's favourites are the server's list. When a firm user signs in, the local
 * favourites are added to the server list once and the local list is cleared.
 */
export const useFavouritesStore = defineStore('favourites', () => {
  const session = useSessionStore();
  const local = ref<LocalFavourite[]>(readLocal());
  const serverIds = ref<string[]>([]);
  /** The server list with its unit cards, or the local one resolved to units (see loadItems). */
  const items = shallowRef<FavouriteItem[]>([]);
  const itemsStatus = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const serverStatus = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<FavouriteError | null>(null);
  const pendingIds = ref<string[]>([]);
  /** The user whose local favourites were merged (so it happens once per sign-in). */
  let syncedUser: string | null = null;
  let syncing: Promise<void> | null = null;

  const mode = computed<'server' | 'local'>(() =>
    session.user?.role === 'firm' ? 'server' : 'local',
  );
  const ids = computed<string[]>(() =>
    mode.value === 'server' ? serverIds.value : local.value.map((item) => item.unitId),
  );
  const count = computed(() => ids.value.length);

  function has(unitId: string): boolean {
    return ids.value.includes(unitId);
  }

  function isPending(unitId: string): boolean {
    return pendingIds.value.includes(unitId);
  }

  function setLocal(list: LocalFavourite[]): void {
    local.value = list;
    writeLocal(list);
  }

  async function loadServer(): Promise<void> {
    serverStatus.value = 'loading';
    try {
      const list = await market.listFavourites();
      serverIds.value = list.items.map((item) => item.unitId);
      items.value = list.items;
      itemsStatus.value = 'ready';
      serverStatus.value = 'ready';
    } catch (e) {
      if (isAbortError(e)) return;
      serverStatus.value = 'error';
    }
  }

  /** Adds the local favourites to the server list (once per sign-in) and clears them. */
  async function mergeLocal(): Promise<void> {
    const pending = readLocal();
    if (pending.length === 0) return;
    const keep: LocalFavourite[] = [];
    let full = false;
    for (const item of pending) {
      if (full) break;
      try {
        await market.addFavourite(item.unitId);
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) full = true;
        else if (worthRetrying(e)) keep.push(item);
      }
    }
    if (full) error.value = 'full';
    setLocal(keep);
  }

  /** Called when the signed-in user changes: firm users merge, then load the server list. */
  function syncForUser(): Promise<void> {
    const user = session.user;
    if (!user || user.role !== 'firm') {
      syncedUser = null;
      serverIds.value = [];
      serverStatus.value = 'idle';
      items.value = [];
      itemsStatus.value = 'idle';
      local.value = readLocal();
      return Promise.resolve();
    }
    if (syncedUser === user.id && syncing) return syncing;
    if (syncedUser === user.id) return Promise.resolve();
    syncedUser = user.id;
    syncing = (async () => {
      await mergeLocal();
      await loadServer();
    })();
    return syncing;
  }

  watch(
    () => [session.user?.id ?? null, session.user?.role ?? null] as const,
    () => void syncForUser(),
    { immediate: true },
  );

  /** Resolves once a firm user's list is known (the merge done); at once for visitors. */
  function ready(): Promise<void> {
    return mode.value === 'server' ? syncForUser() : Promise.resolve();
  }

  async function add(unitId: string): Promise<boolean> {
    error.value = null;
    if (has(unitId)) return true;
    if (mode.value === 'local') {
      if (local.value.length >= FAVOURITES_MAX) {
        error.value = 'full';
        return false;
      }
      setLocal([{ unitId, addedAt: new Date().toISOString() }, ...local.value]);
      return true;
    }
    serverIds.value = [unitId, ...serverIds.value];
    pendingIds.value = [...pendingIds.value, unitId];
    try {
      await market.addFavourite(unitId);
      return true;
    } catch (e) {
      serverIds.value = serverIds.value.filter((id) => id !== unitId);
      error.value = errorOf(e);
      return false;
    } finally {
      pendingIds.value = pendingIds.value.filter((id) => id !== unitId);
    }
  }

  async function remove(unitId: string): Promise<boolean> {
    error.value = null;
    if (mode.value === 'local') {
      setLocal(local.value.filter((item) => item.unitId !== unitId));
      items.value = items.value.filter((item) => item.unitId !== unitId);
      return true;
    }
    const before = serverIds.value;
    const beforeItems = items.value;
    serverIds.value = before.filter((id) => id !== unitId);
    items.value = beforeItems.filter((item) => item.unitId !== unitId);
    pendingIds.value = [...pendingIds.value, unitId];
    try {
      await market.removeFavourite(unitId);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return true;
      serverIds.value = before;
      items.value = beforeItems;
      error.value = errorOf(e);
      return false;
    } finally {
      pendingIds.value = pendingIds.value.filter((id) => id !== unitId);
    }
  }

  function toggle(unitId: string): Promise<boolean> {
    return has(unitId) ? remove(unitId) : add(unitId);
  }

  /**
   * The favourites with their units, newest first, for the favourites page: the server list for
   * firm users; for visitors, each local favourite's public page (null unit: off the market).
   */
  async function loadItems(): Promise<void> {
    itemsStatus.value = 'loading';
    try {
      if (mode.value === 'server') {
        await ready();
        await loadServer();
        if (serverStatus.value === 'error') itemsStatus.value = 'error';
        return;
      }
      const list = [...local.value].sort((a, b) => b.addedAt.localeCompare(a.addedAt));
      const resolved = await mapLimited(list, 4, async (item): Promise<FavouriteItem> => {
        try {
          const unit = await market.getPublicUnit(item.unitId);
          return {
            unitId: item.unitId,
            addedAt: item.addedAt,
            unit: market.cardOf(unit),
          };
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) {
            return { unitId: item.unitId, addedAt: item.addedAt, unit: null };
          }
          throw e;
        }
      });
      if (mode.value !== 'local') return;
      items.value = resolved;
      itemsStatus.value = 'ready';
    } catch {
      itemsStatus.value = 'error';
    }
  }

  function clearError(): void {
    error.value = null;
  }

  return {
    mode,
    ids,
    count,
    items,
    itemsStatus,
    serverStatus,
    error,
    has,
    isPending,
    add,
    remove,
    toggle,
    ready,
    loadItems,
    clearError,
  };
});
