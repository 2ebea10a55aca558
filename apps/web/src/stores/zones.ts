import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listZones } from '@/api/zones';
import type { Zone } from '@/api/types';

const SELECTED_ZONE_KEY = 'factoryspace.zoneId';

/** The zones the user can work in, and the one currently selected. */
export const useZonesStore = defineStore('zones', () => {
  const zones = ref<Zone[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<string | null>(null);
  const selectedZoneId = ref<string | null>(readSelected());
  let pending: Promise<void> | null = null;

  const selectedZone = computed(
    () => zones.value.find((zone) => zone.id === selectedZoneId.value) ?? null,
  );

  function readSelected(): string | null {
    try {
      return globalThis.localStorage?.getItem(SELECTED_ZONE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  function select(id: string | null): void {
    selectedZoneId.value = id;
    try {
      if (id) globalThis.localStorage?.setItem(SELECTED_ZONE_KEY, id);
    } catch {
      // ignore
    }
  }

  /** Loads the zones once; picks the first when none (or an unknown one) is selected. */
  function ensureLoaded(force = false): Promise<void> {
    if (!force && status.value === 'ready') return Promise.resolve();
    if (pending) return pending;
    status.value = 'loading';
    error.value = null;
    pending = listZones({ sort: 'code' })
      .then((page) => {
        zones.value = page.items;
        status.value = 'ready';
        if (!zones.value.some((zone) => zone.id === selectedZoneId.value)) {
          select(zones.value[0]?.id ?? null);
        }
      })
      .catch((e: unknown) => {
        status.value = 'error';
        error.value = (e as Error).message;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  return { zones, status, error, selectedZoneId, selectedZone, select, ensureLoaded };
});
