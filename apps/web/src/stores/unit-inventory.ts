import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { listUnits } from '@/api/units';
import { isAbortError, type Page } from '@/api/http';
import type { Unit, UnitListQuery } from '@/api/types';

/**
 * One page of the unit list and its request state. A new load aborts the one in flight, so a
 * slow, stale answer never overwrites a newer one.
 */
export function createUnitListStore(id: string) {
  return defineStore(id, () => {
    const items = shallowRef<Unit[]>([]);
    const nextCursor = ref<string | null>(null);
    const total = ref<Page<Unit>['total']>({ value: 0, exact: true });
    const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
    const error = ref<string | null>(null);
    let controller: AbortController | null = null;

    async function load(query: UnitListQuery): Promise<void> {
      controller?.abort();
      const current = new AbortController();
      controller = current;
      status.value = 'loading';
      error.value = null;
      try {
        const page = await listUnits(query, current.signal);
        if (controller !== current) return;
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

    function cancel(): void {
      controller?.abort();
      controller = null;
    }

    return { items, nextCursor, total, status, error, load, cancel };
  });
}

/** The staff inventory list. */
export const useUnitInventoryStore = createUnitListStore('unit-inventory');
/** The public list of available units for firms. */
export const useAvailableUnitsStore = createUnitListStore('available-units');
