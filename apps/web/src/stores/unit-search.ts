/**
 * The public search: its state in the URL and the results, facets and request state.
 *
 * The URL is the one source of the filters (shareable, the back button works). Its parameters are
 * exactly the search API's (so a saved search's query string is the page's query minus `view`,
 * `center` and `zoom`). `parseSearchQuery` reads a route query into typed filters and drops what
 * it cannot use (an unknown class, "abc" as an area, a maximum below its minimum) instead of
 * failing; `searchQueryToRoute` writes them back, leaving defaults out. Both are pure.
 *
 * The store holds data only (never Leaflet objects): the cards, the facet counts, the names of
 * zones and parks seen so far and which unit the list or the map points at.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import {
  ACCEPTANCE_STATUSES,
  INDUSTRIES,
  UNIT_CLASSES,
  UTILITIES,
  isOneOf,
  type AcceptanceStatus,
  type Industry,
  type UnitClass,
  type Utility,
} from '@factoryspace/domain';
import { ApiError, isAbortError, type Page } from '@/api/http';
import {
  SEARCH_SORTS,
  bboxParam,
  getSearchFacets,
  searchUnits,
  type BBoxTuple,
  type PublicUnitCard,
  type SearchFacets,
  type SearchSort,
  type SearchTotal,
  type UnitSearchFilterQuery,
  type UnitSearchQuery,
} from '@/api/search';

// --- The filters and their URL form ----------------------------------------------------------

export interface LatLngPoint {
  lat: number;
  lng: number;
}

export interface SearchFilters {
  q: string;
  zoneId: string[];
  parkId: string[];
  /** m² */
  minArea: number | null;
  maxArea: number | null;
  /** kN/m² */
  minFloorLoad: number | null;
  /** m */
  minFloorHeight: number | null;
  /** kVA */
  minPower: number | null;
  /** All of them required. */
  utility: Utility[];
  unitClass: UnitClass[];
  acceptanceStatus: AcceptanceStatus[];
  groundFloor: boolean;
  crane: boolean;
  /** Integer fen per m² per month. */
  maxRentFen: number | null;
  moveInReady: boolean;
  industry: Industry[];
  /** WGS-84; alone it enables the distance sort and the distance on each card. */
  near: LatLngPoint | null;
  /** Only with `near`. */
  withinKm: number | null;
  /** "Search this area": [west, south, east, north]. */
  bbox: BBoxTuple | null;
  sort: SearchSort;
}

/** `auto`: list and map side by side where there is room, else the list. */
export const VIEW_MODES = ['auto', 'list', 'map'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export interface MapPosition {
  lat: number;
  lng: number;
  zoom: number;
}

/** Everything the search page keeps in its URL. */
export interface SearchPageState {
  filters: SearchFilters;
  view: ViewMode;
  /** The map's centre and zoom, when the map has been moved (WGS-84). */
  map: MapPosition | null;
}

export const DEFAULT_SORT: SearchSort = 'relevance';
export const PAGE_SIZE = 20;
export const MAX_KEYWORD_LENGTH = 100;

/** The accepted range of each number filter (the panel checks the same ranges). */
export const NUMBER_LIMITS = {
  minArea: { min: 0, max: 10_000_000 },
  maxArea: { min: 0, max: 10_000_000 },
  minFloorLoad: { min: 0, max: 1_000 },
  minFloorHeight: { min: 0, max: 100 },
  minPower: { min: 0, max: 1_000_000 },
  maxRentFen: { min: 0, max: 100_000_000 },
  withinKm: { min: 0.1, max: 1_000 },
} as const;
export type NumberFilter = keyof typeof NUMBER_LIMITS;

/** Page keys in the URL that are not search parameters (a saved search leaves them out). */
export const PAGE_ONLY_KEYS = ['view', 'center', 'zoom'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function emptyFilters(): SearchFilters {
  return {
    q: '',
    zoneId: [],
    parkId: [],
    minArea: null,
    maxArea: null,
    minFloorLoad: null,
    minFloorHeight: null,
    minPower: null,
    utility: [],
    unitClass: [],
    acceptanceStatus: [],
    groundFloor: false,
    crane: false,
    maxRentFen: null,
    moveInReady: false,
    industry: [],
    near: null,
    withinKm: null,
    bbox: null,
    sort: DEFAULT_SORT,
  };
}

type RawQueryValue = string | null | (string | null)[] | undefined;
export type RawQuery = Record<string, RawQueryValue>;

function all(value: RawQueryValue): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item.trim() !== '',
  );
}

function first(value: RawQueryValue): string | null {
  return all(value)[0]?.trim() ?? null;
}

function enumList<T extends string>(values: readonly T[], raw: RawQueryValue): T[] {
  const picked = all(raw)
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter((item): item is T => isOneOf(values, item));
  return [...new Set(picked)];
}

function uuidList(raw: RawQueryValue): string[] {
  const ids = all(raw)
    .flatMap((item) => item.split(','))
    .map((item) => item.trim().toLowerCase())
    .filter((item) => UUID.test(item));
  return [...new Set(ids)];
}

/** A finite decimal number ("12", "12.5"; not "", "1e3", "12abc" or "Infinity"). */
function parseDecimal(raw: string | null): number | null {
  if (raw === null || !/^-?\d+(\.\d+)?$/.test(raw)) return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

function inRange(value: number | null, name: NumberFilter): number | null {
  if (value === null) return null;
  const { min, max } = NUMBER_LIMITS[name];
  return value >= min && value <= max ? value : null;
}

function numberParam(query: RawQuery, name: NumberFilter): number | null {
  return inRange(parseDecimal(first(query[name])), name);
}

function flag(raw: RawQueryValue): boolean {
  const value = first(raw);
  return value === 'true' || value === '1';
}

function parseLatLng(latRaw: string | null, lngRaw: string | null): LatLngPoint | null {
  const lat = parseDecimal(latRaw);
  const lng = parseDecimal(lngRaw);
  if (lat === null || lng === null) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/** "west,south,east,north" inside [-180,180] × [-90,90], west < east and south < north. */
export function parseBBox(raw: string | null): BBoxTuple | null {
  if (!raw) return null;
  const parts = raw.split(',').map((part) => parseDecimal(part.trim()));
  if (parts.length !== 4 || parts.some((part) => part === null)) return null;
  const [west, south, east, north] = parts as BBoxTuple;
  if (Math.abs(west) > 180 || Math.abs(east) > 180) return null;
  if (Math.abs(south) > 90 || Math.abs(north) > 90) return null;
  if (west >= east || south >= north) return null;
  return [west, south, east, north];
}

/** Reads the filters from a route query; whatever is unknown or malformed is dropped. */
export function parseSearchFilters(query: RawQuery): SearchFilters {
  const filters = emptyFilters();
  filters.q = (first(query.q) ?? '').slice(0, MAX_KEYWORD_LENGTH);
  filters.zoneId = uuidList(query.zoneId);
  filters.parkId = uuidList(query.parkId);
  filters.minArea = numberParam(query, 'minArea');
  filters.maxArea = numberParam(query, 'maxArea');
  // A maximum below its minimum cannot be met: keep the minimum, drop the maximum.
  if (filters.minArea !== null && filters.maxArea !== null && filters.maxArea < filters.minArea) {
    filters.maxArea = null;
  }
  filters.minFloorLoad = numberParam(query, 'minFloorLoad');
  filters.minFloorHeight = numberParam(query, 'minFloorHeight');
  filters.minPower = numberParam(query, 'minPower');
  filters.utility = enumList(UTILITIES, query.utility);
  filters.unitClass = enumList(UNIT_CLASSES, query.unitClass);
  filters.acceptanceStatus = enumList(ACCEPTANCE_STATUSES, query.acceptanceStatus);
  filters.groundFloor = flag(query.groundFloor);
  filters.crane = flag(query.crane);
  const rent = numberParam(query, 'maxRentFen');
  filters.maxRentFen = rent !== null && Number.isInteger(rent) ? rent : null;
  filters.moveInReady = flag(query.moveInReady);
  filters.industry = enumList(INDUSTRIES, query.industry);
  filters.near = parseLatLng(first(query.nearLat), first(query.nearLng));
  filters.withinKm = filters.near ? numberParam(query, 'withinKm') : null;
  filters.bbox = parseBBox(first(query.bbox));
  const sort = first(query.sort);
  if (isOneOf(SEARCH_SORTS, sort) && (sort !== 'distance' || filters.near)) filters.sort = sort;
  return filters;
}

function parseView(raw: RawQueryValue): ViewMode {
  const value = first(raw);
  return isOneOf(VIEW_MODES, value) ? value : 'auto';
}

function parseMapPosition(center: RawQueryValue, zoom: RawQueryValue): MapPosition | null {
  const parts = (first(center) ?? '').split(',');
  if (parts.length !== 2) return null;
  const point = parseLatLng(parts[0]!.trim(), parts[1]!.trim());
  const z = parseDecimal(first(zoom));
  if (!point || z === null || z < 0 || z > 22) return null;
  return { ...point, zoom: z };
}

/** Reads the whole page state (filters, view, map position) from a route query. */
export function parseSearchQuery(query: RawQuery): SearchPageState {
  return {
    filters: parseSearchFilters(query),
    view: parseView(query.view),
    map: parseMapPosition(query.center, query.zoom),
  };
}

/** A number as the URL shows it: no exponent, no float noise (at most 6 decimals). */
function num(value: number): string {
  return String(Number(value.toFixed(6)));
}

/**
 * The route query of the filters: the API's parameter names, defaults left out, keys in a fixed
 * order (so equal searches give equal URLs).
 */
export function filtersToRouteQuery(filters: SearchFilters): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const q = filters.q.trim().slice(0, MAX_KEYWORD_LENGTH);
  if (q) query.q = q;
  if (filters.zoneId.length) query.zoneId = [...filters.zoneId];
  if (filters.parkId.length) query.parkId = [...filters.parkId];
  if (filters.minArea !== null) query.minArea = num(filters.minArea);
  if (filters.maxArea !== null) query.maxArea = num(filters.maxArea);
  if (filters.minFloorLoad !== null) query.minFloorLoad = num(filters.minFloorLoad);
  if (filters.minFloorHeight !== null) query.minFloorHeight = num(filters.minFloorHeight);
  if (filters.minPower !== null) query.minPower = num(filters.minPower);
  if (filters.utility.length) query.utility = [...filters.utility];
  if (filters.unitClass.length) query.unitClass = [...filters.unitClass];
  if (filters.acceptanceStatus.length) query.acceptanceStatus = [...filters.acceptanceStatus];
  if (filters.groundFloor) query.groundFloor = 'true';
  if (filters.crane) query.crane = 'true';
  if (filters.maxRentFen !== null) query.maxRentFen = String(Math.round(filters.maxRentFen));
  if (filters.moveInReady) query.moveInReady = 'true';
  if (filters.industry.length) query.industry = [...filters.industry];
  if (filters.near) {
    query.nearLat = num(filters.near.lat);
    query.nearLng = num(filters.near.lng);
    if (filters.withinKm !== null) query.withinKm = num(filters.withinKm);
  }
  if (filters.bbox) query.bbox = bboxParam(filters.bbox);
  if (filters.sort !== DEFAULT_SORT && (filters.sort !== 'distance' || filters.near)) {
    query.sort = filters.sort;
  }
  return query;
}

/** The route query of the whole page state. */
export function searchQueryToRoute(state: SearchPageState): Record<string, string | string[]> {
  const query = filtersToRouteQuery(state.filters);
  if (state.view !== 'auto') query.view = state.view;
  if (state.map) {
    query.center = `${num(state.map.lat)},${num(state.map.lng)}`;
    query.zoom = num(state.map.zoom);
  }
  return query;
}

/** The query string a saved search keeps: the search parameters, without view and map keys. */
export function savedSearchQueryString(filters: SearchFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filtersToRouteQuery(filters))) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  return params.toString();
}

/** The filters as the search, facets and map endpoints take them (no sort, cursor or limit). */
export function filtersToApiQuery(filters: SearchFilters): UnitSearchFilterQuery {
  const query: UnitSearchFilterQuery = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.zoneId.length) query.zoneId = filters.zoneId;
  if (filters.parkId.length) query.parkId = filters.parkId;
  if (filters.minArea !== null) query.minArea = filters.minArea;
  if (filters.maxArea !== null) query.maxArea = filters.maxArea;
  if (filters.minFloorLoad !== null) query.minFloorLoad = filters.minFloorLoad;
  if (filters.minFloorHeight !== null) query.minFloorHeight = filters.minFloorHeight;
  if (filters.minPower !== null) query.minPower = filters.minPower;
  if (filters.utility.length) query.utility = filters.utility;
  if (filters.unitClass.length) query.unitClass = filters.unitClass;
  if (filters.acceptanceStatus.length) query.acceptanceStatus = filters.acceptanceStatus;
  if (filters.groundFloor) query.groundFloor = true;
  if (filters.crane) query.crane = true;
  if (filters.maxRentFen !== null) query.maxRentFen = Math.round(filters.maxRentFen);
  if (filters.moveInReady) query.moveInReady = true;
  if (filters.industry.length) query.industry = filters.industry;
  if (filters.near) {
    query.nearLat = filters.near.lat;
    query.nearLng = filters.near.lng;
    if (filters.withinKm !== null) query.withinKm = filters.withinKm;
  }
  if (filters.bbox) query.bbox = bboxParam(filters.bbox);
  return query;
}

/** The list request: the filters, the sort (left out when it is the default) and the page. */
export function filtersToSearchQuery(
  filters: SearchFilters,
  cursor?: string | null,
  limit = PAGE_SIZE,
): UnitSearchQuery {
  const query: UnitSearchQuery = { ...filtersToApiQuery(filters), limit };
  if (filters.sort !== DEFAULT_SORT && (filters.sort !== 'distance' || filters.near)) {
    query.sort = filters.sort;
  }
  if (cursor) query.cursor = cursor;
  return query;
}

/** How many filters are set (the badge on the phone's filter button); sort and q not counted. */
export function countActiveFilters(filters: SearchFilters): number {
  let count = 0;
  count += filters.zoneId.length + filters.parkId.length;
  if (filters.minArea !== null || filters.maxArea !== null) count += 1;
  for (const value of [
    filters.minFloorLoad,
    filters.minFloorHeight,
    filters.minPower,
    filters.maxRentFen,
  ]) {
    if (value !== null) count += 1;
  }
  count += filters.utility.length + filters.unitClass.length + filters.acceptanceStatus.length;
  count += filters.industry.length;
  for (const value of [filters.groundFloor, filters.crane, filters.moveInReady]) {
    if (value) count += 1;
  }
  if (filters.near) count += 1;
  if (filters.bbox) count += 1;
  return count;
}

/** Applies changes; a distance sort without a point falls back to the default. */
export function withFilterChanges(
  filters: SearchFilters,
  changes: Partial<SearchFilters>,
): SearchFilters {
  const next = { ...filters, ...changes };
  if (!next.near) {
    next.withinKm = null;
    if (next.sort === 'distance') next.sort = DEFAULT_SORT;
  }
  return next;
}

/** The same filters after clearing everything but the keyword and sort. */
export function clearedFilters(filters: SearchFilters): SearchFilters {
  return withFilterChanges(emptyFilters(), { q: filters.q, sort: filters.sort });
}

/** "10,000+" when the API could not count exactly. */
export function formatSearchTotal(total: SearchTotal, locale: string): string {
  const text = total.value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en');
  return total.exact ? text : `${text}+`;
}

// --- The store ---------------------------------------------------------------------------------

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

function requestKey(query: object): string {
  return JSON.stringify(query);
}

function errorText(error: unknown): { message: string; code: string | null } {
  if (error instanceof ApiError) return { message: error.message, code: error.code };
  return { message: (error as Error)?.message ?? String(error), code: null };
}

export const useUnitSearchStore = defineStore('unit-search', () => {
  // Results of the list.
  const items = shallowRef<PublicUnitCard[]>([]);
  const nextCursor = ref<string | null>(null);
  const total = ref<SearchTotal>({ value: 0, exact: true });
  const status = ref<LoadStatus>('idle');
  const error = ref<string | null>(null);
  const errorCode = ref<string | null>(null);
  const loadingMore = ref(false);
  const moreError = ref<string | null>(null);
  /** The filters of the results shown (JSON of the request without cursor). */
  const resultsKey = ref<string | null>(null);

  // Facet counts.
  const facets = shallowRef<SearchFacets | null>(null);
  const facetsStatus = ref<LoadStatus>('idle');
  let facetsKey: string | null = null;

  /** Names of zones and parks seen in facets and cards, for the chips of chosen ones. */
  const zoneNames = ref<Record<string, string>>({});
  const parkNames = ref<Record<string, string>>({});

  /** The unit the pointer (or focus) is on, in the list or on the map; and the chosen one. */
  const hoveredUnitId = ref<string | null>(null);
  const selectedUnitId = ref<string | null>(null);

  let listController: AbortController | null = null;
  let moreController: AbortController | null = null;
  let facetsController: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function rememberNames(cards: PublicUnitCard[]): void {
    const zones = { ...zoneNames.value };
    const parks = { ...parkNames.value };
    for (const card of cards) {
      zones[card.zoneId] = card.zoneName;
      parks[card.parkId] = card.parkName;
    }
    zoneNames.value = zones;
    parkNames.value = parks;
  }

  /**
   * Loads the first page for the filters. The same filters as the results shown are not asked
   * again (coming back from a unit page keeps the pages loaded) unless `force`.
   */
  async function search(filters: SearchFilters, force = false): Promise<void> {
    const query = filtersToSearchQuery(filters);
    const key = requestKey(query);
    if (!force && key === resultsKey.value && status.value === 'ready') return;
    if (!force && key === resultsKey.value && status.value === 'loading') return;
    listController?.abort();
    moreController?.abort();
    loadingMore.value = false;
    moreError.value = null;
    const controller = new AbortController();
    listController = controller;
    resultsKey.value = key;
    status.value = 'loading';
    error.value = null;
    errorCode.value = null;
    try {
      const page: Page<PublicUnitCard> = await searchUnits(query, controller.signal);
      if (listController !== controller) return;
      items.value = page.items;
      nextCursor.value = page.nextCursor;
      total.value = page.total;
      status.value = 'ready';
      rememberNames(page.items);
    } catch (e) {
      if (isAbortError(e) || listController !== controller) return;
      const { message, code } = errorText(e);
      status.value = 'error';
      error.value = message;
      errorCode.value = code;
    }
  }

  /** The next page, appended. */
  async function loadMore(filters: SearchFilters): Promise<void> {
    const cursor = nextCursor.value;
    if (!cursor || loadingMore.value || status.value !== 'ready') return;
    const query = filtersToSearchQuery(filters, cursor);
    const controller = new AbortController();
    moreController = controller;
    loadingMore.value = true;
    moreError.value = null;
    try {
      const page = await searchUnits(query, controller.signal);
      if (moreController !== controller) return;
      const seen = new Set(items.value.map((item) => item.id));
      items.value = [...items.value, ...page.items.filter((item) => !seen.has(item.id))];
      nextCursor.value = page.nextCursor;
      total.value = page.total;
      rememberNames(page.items);
    } catch (e) {
      if (isAbortError(e) || moreController !== controller) return;
      const { message, code } = errorText(e);
      if (code === 'INVALID_CURSOR') {
        // The list changed under the cursor: start again from the first page.
        loadingMore.value = false;
        moreController = null;
        await search(filters, true);
        return;
      }
      moreError.value = message;
    } finally {
      if (moreController === controller) loadingMore.value = false;
    }
  }

  /** The facet counts for the filters (not asked again for the same filters). */
  async function loadFacets(filters: SearchFilters, force = false): Promise<void> {
    const query = filtersToApiQuery(filters);
    const key = requestKey(query);
    if (!force && key === facetsKey && facetsStatus.value !== 'error') return;
    facetsController?.abort();
    const controller = new AbortController();
    facetsController = controller;
    facetsKey = key;
    facetsStatus.value = 'loading';
    try {
      const result = await getSearchFacets(query, controller.signal);
      if (facetsController !== controller) return;
      facets.value = result;
      facetsStatus.value = 'ready';
      const zones = { ...zoneNames.value };
      for (const zone of result.zones) zones[zone.id] = zone.name;
      zoneNames.value = zones;
      const parks = { ...parkNames.value };
      for (const park of result.parks) parks[park.id] = park.name;
      parkNames.value = parks;
    } catch (e) {
      if (isAbortError(e) || facetsController !== controller) return;
      facetsStatus.value = 'error';
    }
  }

  /**
   * Results and facets for the filters after `delay` ms of quiet: a burst of changes (ticking
   * several boxes) makes one request; a new change aborts the request in flight.
   */
  function schedule(filters: SearchFilters, delay = 150): void {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void search(filters);
      void loadFacets(filters);
    }, delay);
  }

  function cancel(): void {
    clearTimeout(timer);
    listController?.abort();
    moreController?.abort();
    facetsController?.abort();
    listController = null;
    moreController = null;
    facetsController = null;
    // An aborted load leaves nothing trustworthy: ask again next time.
    if (status.value === 'loading') {
      resultsKey.value = null;
      status.value = items.value.length ? 'ready' : 'idle';
    }
    loadingMore.value = false;
    if (facetsStatus.value === 'loading') {
      facetsKey = null;
      facetsStatus.value = 'idle';
    }
  }

  return {
    items,
    nextCursor,
    total,
    status,
    error,
    errorCode,
    loadingMore,
    moreError,
    resultsKey,
    facets,
    facetsStatus,
    zoneNames,
    parkNames,
    hoveredUnitId,
    selectedUnitId,
    search,
    loadMore,
    loadFacets,
    schedule,
    cancel,
  };
});
