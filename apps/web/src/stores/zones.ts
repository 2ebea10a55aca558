import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listZones } from '@/api/zones';
import type { Zone } from '@/api/types';
import { useSessionStore } from './session';

const SELECTED_ZONE_KEY = 'factoryspace.zoneId';

/**
 * The zones the user can work in, and the one currently selected. Staff and zone administrators
 * belong to one zone: for them `zones` holds only that zone and `selectedZoneId` is always it.
 * Super administrators, firms and visitors choose any zone (the choice is kept in localStorage).
 */
export const useZonesStore = defineStore('zones', () => {
  const session = useSessionStore();
  const allZones = ref<Zone[]>([]);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const error = ref<string | null>(null);
  const chosenZoneId = ref<string | null>(readSelected());
  let pending: Promise<void> | null = null;

  /** The user's own zone when the role is bound to one (staff, zone_admin), else null. */
  const lockedZoneId = computed(() =>
    session.hasRole('staff', 'zone_admin') ? (session.user?.zoneId ?? null) : null,
  );

  const zones = computed(() =>
    lockedZoneId.value
      ? allZones.value.filter((zone) => zone.id === lockedZoneId.value)
      : allZones.value,
  );

  const selectedZoneId = computed(() => lockedZoneId.value ?? chosenZoneId.value);

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

  /** Chooses a zone; ignored for users bound to their own zone. */
  function select(id: string | null): void {
    if (lockedZoneId.value) return;
    chosenZoneId.value = id;
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
        allZones.value = page.items;
        status.value = 'ready';
        if (!allZones.value.some((zone) => zone.id === chosenZoneId.value)) {
          select(allZones.value[0]?.id ?? null);
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

  return {
    zones,
    status,
    error,
    selectedZoneId,
    selectedZone,
    lockedZoneId,
    select,
    ensureLoaded,
  };
});
