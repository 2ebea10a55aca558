import { defineStore } from 'pinia';
import { listUnits } from '@/api/units';
import { createPageLoader } from '@/composables/page-loader';

/**
 * The staff inventory list: one page of units and its request state. A new load aborts the one
 * in flight, so a slow, stale answer never overwrites a newer one.
 */
export const useUnitInventoryStore = defineStore('unit-inventory', () => {
  const { items, nextCursor, total, status, error, load, cancel } = createPageLoader(listUnits);
  return { items, nextCursor, total, status, error, load, cancel };
});
