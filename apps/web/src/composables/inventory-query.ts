/**
 * The staff inventory's filter, sort and page state, and its two faces: the URL query (shareable,
 * the back button works) and the list API's query. Pure functions; the view wires them up.
 */
import {
  ACCEPTANCE_STATUSES,
  OCCUPANCY_STATUSES,
  UNIT_CLASSES,
  isOneOf,
  type AcceptanceStatus,
  type OccupancyStatus,
  type UnitClass,
} from '@factoryspace/domain';
import { UNIT_SORT_FIELDS, type UnitListQuery, type UnitSort } from '@/api/types';

export interface InventoryState {
  zoneId: string | null;
  parkId: string | null;
  unitClass: UnitClass[];
  occupancyStatus: OccupancyStatus[];
  acceptanceStatus: AcceptanceStatus[];
  q: string;
  sort: UnitSort;
  /** Keyset cursors of the pages before this one; the last is this page's cursor. */
  cursors: string[];
}

export const DEFAULT_SORT: UnitSort = 'code';
export const PAGE_SIZE = 20;
export const MAX_KEYWORD_LENGTH = 100;

/** Query keys in the URL. */
export const QUERY_KEYS = {
  zoneId: 'zone',
  parkId: 'park',
  unitClass: 'class',
  occupancyStatus: 'status',
  acceptanceStatus: 'acceptance',
  q: 'q',
  sort: 'sort',
  cursors: 'c',
} as const;

type RawQueryValue = string | null | (string | null)[] | undefined;
export type RawQuery = Record<string, RawQueryValue>;

export function emptyState(): InventoryState {
  return {
    zoneId: null,
    parkId: null,
    unitClass: [],
    occupancyStatus: [],
    acceptanceStatus: [],
    q: '',
    sort: DEFAULT_SORT,
    cursors: [],
  };
}

function all(value: RawQueryValue): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );
}

function first(value: RawQueryValue): string | null {
  return all(value)[0] ?? null;
}

function enumList<T extends string>(values: readonly T[], raw: RawQueryValue): T[] {
  const picked = all(raw).filter((item): item is T => isOneOf(values, item));
  return [...new Set(picked)];
}

export function isUnitSort(value: unknown): value is UnitSort {
  if (typeof value !== 'string') return false;
  const field = value.startsWith('-') ? value.slice(1) : value;
  return isOneOf(UNIT_SORT_FIELDS, field);
}

/** Reads the state from a route query; anything unknown or malformed falls back to defaults. */
export function queryToState(query: RawQuery): InventoryState {
  const sort = first(query[QUERY_KEYS.sort]);
  return {
    zoneId: first(query[QUERY_KEYS.zoneId]),
    parkId: first(query[QUERY_KEYS.parkId]),
    unitClass: enumList(UNIT_CLASSES, query[QUERY_KEYS.unitClass]),
    occupancyStatus: enumList(OCCUPANCY_STATUSES, query[QUERY_KEYS.occupancyStatus]),
    acceptanceStatus: enumList(ACCEPTANCE_STATUSES, query[QUERY_KEYS.acceptanceStatus]),
    q: (first(query[QUERY_KEYS.q]) ?? '').slice(0, MAX_KEYWORD_LENGTH),
    sort: isUnitSort(sort) ? sort : DEFAULT_SORT,
    cursors: all(query[QUERY_KEYS.cursors]),
  };
}

/** The route query for a state; defaults are left out so URLs stay short. */
export function stateToQuery(state: InventoryState): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (state.zoneId) query[QUERY_KEYS.zoneId] = state.zoneId;
  if (state.parkId) query[QUERY_KEYS.parkId] = state.parkId;
  if (state.unitClass.length) query[QUERY_KEYS.unitClass] = [...state.unitClass];
  if (state.occupancyStatus.length) query[QUERY_KEYS.occupancyStatus] = [...state.occupancyStatus];
  if (state.acceptanceStatus.length)
    query[QUERY_KEYS.acceptanceStatus] = [...state.acceptanceStatus];
  const q = state.q.trim();
  if (q) query[QUERY_KEYS.q] = q;
  if (state.sort !== DEFAULT_SORT) query[QUERY_KEYS.sort] = state.sort;
  if (state.cursors.length) query[QUERY_KEYS.cursors] = [...state.cursors];
  return query;
}

/** The list API query for a state (this page only). */
export function stateToListQuery(state: InventoryState, limit = PAGE_SIZE): UnitListQuery {
  const query: UnitListQuery = { sort: state.sort, limit };
  if (state.zoneId) query.zoneId = state.zoneId;
  if (state.parkId) query.parkId = state.parkId;
  if (state.unitClass.length) query.unitClass = state.unitClass;
  if (state.occupancyStatus.length) query.occupancyStatus = state.occupancyStatus;
  if (state.acceptanceStatus.length) query.acceptanceStatus = state.acceptanceStatus;
  const q = state.q.trim();
  if (q) query.q = q;
  const cursor = state.cursors[state.cursors.length - 1];
  if (cursor) query.cursor = cursor;
  return query;
}

/** A filter or sort change starts again from the first page. */
export function withChanges(
  state: InventoryState,
  changes: Partial<Omit<InventoryState, 'cursors'>>,
): InventoryState {
  const next = { ...state, ...changes, cursors: [] };
  // A park belongs to one zone: changing the zone drops the park filter.
  if (changes.zoneId !== undefined && changes.zoneId !== state.zoneId && !('parkId' in changes)) {
    next.parkId = null;
  }
  return next;
}

export function nextPage(state: InventoryState, nextCursor: string): InventoryState {
  return { ...state, cursors: [...state.cursors, nextCursor] };
}

export function previousPage(state: InventoryState): InventoryState {
  return { ...state, cursors: state.cursors.slice(0, -1) };
}

/** Clicking a column: first ascending, again descending. */
export function toggleSort(current: UnitSort, field: UnitSort): UnitSort {
  const base = (field.startsWith('-') ? field.slice(1) : field) as UnitSort;
  if (current === base) return `-${base}` as UnitSort;
  return base;
}

export function hasFilters(state: InventoryState): boolean {
  return Boolean(
    state.parkId ||
    state.unitClass.length ||
    state.occupancyStatus.length ||
    state.acceptanceStatus.length ||
    state.q.trim(),
  );
}

/** "10,000+" when the API could not count exactly. */
export function formatTotal(total: { value: number; exact: boolean }, locale: string): string {
  const text = total.value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en');
  return total.exact ? text : `${text}+`;
}
