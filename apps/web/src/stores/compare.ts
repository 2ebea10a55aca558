import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

export const COMPARE_STORAGE_KEY = 'factoryspace.compare';
/** At most this many units side by side. */
export const COMPARE_MAX = 4;

/** A unit chosen for comparison; the code/name (when known) label it in the tray. */
export interface CompareEntry {
  id: string;
  code?: string;
  name?: string;
}

export type CompareAddResult = 'added' | 'present' | 'full';

function isEntry(value: unknown): value is CompareEntry {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as CompareEntry).id === 'string' &&
    (value as CompareEntry).id.length > 0
  );
}

function readStored(): CompareEntry[] {
  try {
    const raw = globalThis.localStorage?.getItem(COMPARE_STORAGE_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const seen = new Set<string>();
    const entries: CompareEntry[] = [];
    for (const value of parsed) {
      const entry: CompareEntry | null =
        typeof value === 'string' && value ? { id: value } : isEntry(value) ? value : null;
      if (!entry || seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push({ id: entry.id, code: entry.code, name: entry.name });
    }
    return entries.slice(0, COMPARE_MAX);
  } catch {
    return [];
  }
}

/**
 * The units chosen for comparison (at most four), kept in localStorage for visitors and firms
 * alike so the choice survives reloads and sign-in.
 */
export const useCompareStore = defineStore('compare', () => {
  const entries = ref<CompareEntry[]>(readStored());
  const ids = computed(() => entries.value.map((entry) => entry.id));
  const count = computed(() => entries.value.length);
  const isFull = computed(() => entries.value.length >= COMPARE_MAX);

  function persist(): void {
    try {
      globalThis.localStorage?.setItem(COMPARE_STORAGE_KEY, JSON.stringify(entries.value));
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }

  function has(id: string): boolean {
    return entries.value.some((entry) => entry.id === id);
  }

  function add(id: string, label: { code?: string; name?: string } = {}): CompareAddResult {
    if (has(id)) {
      describe(id, label);
      return 'present';
    }
    if (isFull.value) return 'full';
    entries.value = [...entries.value, { id, ...label }];
    persist();
    return 'added';
  }

  function remove(id: string): void {
    if (!has(id)) return;
    entries.value = entries.value.filter((entry) => entry.id !== id);
    persist();
  }

  /** Adds or removes; 'removed' when it was there, else the result of `add`. */
  function toggle(
    id: string,
    label: { code?: string; name?: string } = {},
  ): CompareAddResult | 'removed' {
    if (has(id)) {
      remove(id);
      return 'removed';
    }
    return add(id, label);
  }

  /** Records a unit's code/name once known (the tray shows them). */
  function describe(id: string, label: { code?: string; name?: string }): void {
    if (!label.code && !label.name) return;
    let changed = false;
    entries.value = entries.value.map((entry) => {
      if (entry.id !== id) return entry;
      if (entry.code === label.code && entry.name === label.name) return entry;
      changed = true;
      return { ...entry, code: label.code ?? entry.code, name: label.name ?? entry.name };
    });
    if (changed) persist();
  }

  function clear(): void {
    entries.value = [];
    persist();
  }

  /** Re-reads localStorage (another tab may have changed it). */
  function reload(): void {
    entries.value = readStored();
  }

  return { entries, ids, count, isFull, has, add, remove, toggle, describe, clear, reload };
});
