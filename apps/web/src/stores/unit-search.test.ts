import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '@/api/http';
import { getSearchFacets, searchUnits, type PublicUnitCard, type SearchFacets } from '@/api/search';
import {
  clearedFilters,
  countActiveFilters,
  emptyFilters,
  filtersToApiQuery,
  filtersToRouteQuery,
  filtersToSearchQuery,
  formatSearchTotal,
  parseBBox,
  parseSearchFilters,
  parseSearchQuery,
  savedSearchQueryString,
  searchQueryToRoute,
  useUnitSearchStore,
  withFilterChanges,
  type SearchFilters,
} from './unit-search';

vi.mock('@/api/search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/search')>()),
  searchUnits: vi.fn(),
  getSearchFacets: vi.fn(),
}));

const ZONE = '0d9f3c3e-1111-4a6b-9c55-000000000001';
const PARK = '0d9f3c3e-2222-4a6b-9c55-000000000002';
const PARK_2 = '0D9F3C3E-3333-4A6B-9C55-000000000003';

describe('parseSearchFilters: route query → typed filters', () => {
  it('reads every filter under the API parameter names', () => {
    const filters = parseSearchFilters({
      q: ' 食品 ',
      zoneId: ZONE,
      parkId: [PARK, PARK_2],
      minArea: '1000',
      maxArea: '5000.5',
      minFloorLoad: '30',
      minFloorHeight: '8',
      minPower: '630',
      utility: ['gas', 'water'],
      unitClass: 'quality',
      acceptanceStatus: ['accepted'],
      groundFloor: 'true',
      crane: 'true',
      maxRentFen: '2500',
      moveInReady: 'true',
      industry: ['food_processing', 'biomedicine'],
      nearLat: '35.79',
      nearLng: '112.92',
      withinKm: '20',
      bbox: '112.5,35.5,113.2,36.1',
      sort: 'distance',
    });
    expect(filters).toEqual<SearchFilters>({
      q: '食品',
      zoneId: [ZONE],
      parkId: [PARK, PARK_2.toLowerCase()],
      minArea: 1000,
      maxArea: 5000.5,
      minFloorLoad: 30,
      minFloorHeight: 8,
      minPower: 630,
      utility: ['gas', 'water'],
      unitClass: ['quality'],
      acceptanceStatus: ['accepted'],
      groundFloor: true,
      crane: true,
      maxRentFen: 2500,
      moveInReady: true,
      industry: ['food_processing', 'biomedicine'],
      near: { lat: 35.79, lng: 112.92 },
      withinKm: 20,
      bbox: [112.5, 35.5, 113.2, 36.1],
      sort: 'distance',
    });
  });

  it('gives the empty search for an empty query', () => {
    expect(parseSearchFilters({})).toEqual(emptyFilters());
  });

  it('drops invalid values one by one instead of failing', () => {
    const filters = parseSearchFilters({
      zoneId: ['not-a-uuid', ZONE, ZONE],
      parkId: "1' OR '1'='1",
      minArea: 'abc',
      maxArea: '-5',
      minFloorLoad: '1e3',
      minFloorHeight: 'Infinity',
      minPower: '',
      utility: ['gas', 'steam', 'gas'],
      unitClass: ['QUALITY', 'general'],
      acceptanceStatus: 'maybe',
      groundFloor: 'yes',
      crane: ['false'],
      maxRentFen: '12.5',
      industry: ['rockets'],
      withinKm: '10',
      bbox: '113,35,112,36',
      sort: 'cheapest',
      q: 'x'.repeat(300),
    });
    expect(filters).toEqual({
      ...emptyFilters(),
      zoneId: [ZONE],
      utility: ['gas'],
      unitClass: ['general'],
      q: 'x'.repeat(100),
    });
  });

  it('keeps the minimum area and drops a maximum below it', () => {
    const filters = parseSearchFilters({ minArea: '5000', maxArea: '1000' });
    expect(filters.minArea).toBe(5000);
    expect(filters.maxArea).toBeNull();
  });

  it('needs both coordinates for a point, and the point for a radius or the distance sort', () => {
    expect(parseSearchFilters({ nearLat: '35.8', withinKm: '5', sort: 'distance' })).toEqual(
      emptyFilters(),
    );
    expect(parseSearchFilters({ nearLat: '95', nearLng: '112' }).near).toBeNull();
    const point = parseSearchFilters({ nearLat: '35.8', nearLng: '112.9', withinKm: '5000' });
    expect(point.near).toEqual({ lat: 35.8, lng: 112.9 });
    expect(point.withinKm).toBeNull(); // outside 0.1–1000 km
  });

  it('reads comma-separated lists too, as a hand-written link might have them', () => {
    expect(parseSearchFilters({ utility: 'gas,fibre' }).utility).toEqual(['gas', 'fibre']);
  });

  it('reads a bounding box only when it is a real one', () => {
    expect(parseBBox('112.5,35.5,113.2,36.1')).toEqual([112.5, 35.5, 113.2, 36.1]);
    for (const bad of ['1,2,3', '181,0,182,1', '1,2,3,x', '1,50,2,40', '', null]) {
      expect(parseBBox(bad), String(bad)).toBeNull();
    }
  });
});

describe('filters → route query → filters', () => {
  const full: SearchFilters = {
    ...emptyFilters(),
    q: '注塑',
    zoneId: [ZONE],
    parkId: [PARK],
    minArea: 800,
    maxArea: 3000,
    minFloorLoad: 20,
    minFloorHeight: 7.5,
    minPower: 400,
    utility: ['water', 'fibre'],
    unitClass: ['quality', 'general'],
    acceptanceStatus: ['accepted'],
    groundFloor: true,
    crane: true,
    maxRentFen: 1800,
    moveInReady: true,
    industry: ['electronics'],
    near: { lat: 35.791234, lng: 112.923456 },
    withinKm: 15,
    bbox: [112.8, 35.7, 113.0, 35.9],
    sort: 'rent_asc',
  };

  it('round-trips every filter', () => {
    expect(parseSearchFilters(filtersToRouteQuery(full))).toEqual(full);
  });

  it('leaves defaults out, so the empty search is a bare /search', () => {
    expect(filtersToRouteQuery(emptyFilters())).toEqual({});
    expect(filtersToRouteQuery({ ...emptyFilters(), q: '   ' })).toEqual({});
  });

  it('writes numbers without float noise or exponents', () => {
    const query = filtersToRouteQuery({ ...emptyFilters(), minFloorHeight: 0.1 + 0.2 });
    expect(query.minFloorHeight).toBe('0.3');
    expect(filtersToRouteQuery({ ...emptyFilters(), minArea: 1e7 }).minArea).toBe('10000000');
  });

  it('keeps view and map position beside the filters', () => {
    const route = searchQueryToRoute({
      filters: { ...emptyFilters(), crane: true },
      view: 'map',
      map: { lat: 35.8, lng: 112.92, zoom: 12.5 },
    });
    expect(route).toEqual({ crane: 'true', view: 'map', center: '35.8,112.92', zoom: '12.5' });
    expect(parseSearchQuery(route)).toEqual({
      filters: { ...emptyFilters(), crane: true },
      view: 'map',
      map: { lat: 35.8, lng: 112.92, zoom: 12.5 },
    });
    expect(parseSearchQuery({ view: 'globe', center: '35.8', zoom: '40' })).toEqual({
      filters: emptyFilters(),
      view: 'auto',
      map: null,
    });
  });

  it('saves a search as the search parameters only (no view, no map position)', () => {
    const text = savedSearchQueryString({
      ...emptyFilters(),
      q: '食品',
      minArea: 1000,
      utility: ['gas', 'water'],
    });
    expect(text).toBe(
      new URLSearchParams('q=食品&minArea=1000&utility=gas&utility=water').toString(),
    );
    expect(text).not.toMatch(/view|center|zoom/);
  });
});

describe('the API query', () => {
  it('uses the API parameter names and leaves out what is not set', () => {
    expect(
      filtersToApiQuery({
        ...emptyFilters(),
        unitClass: ['quality'],
        groundFloor: true,
        near: { lat: 35.8, lng: 112.9 },
        bbox: [112, 35, 113, 36],
      }),
    ).toEqual({
      unitClass: ['quality'],
      groundFloor: true,
      nearLat: 35.8,
      nearLng: 112.9,
      bbox: '112,35,113,36',
    });
  });

  it('adds sort (not the default), the cursor and the page size for the list', () => {
    expect(filtersToSearchQuery(emptyFilters())).toEqual({ limit: 20 });
    expect(filtersToSearchQuery({ ...emptyFilters(), sort: 'area_desc' }, 'c2')).toEqual({
      sort: 'area_desc',
      cursor: 'c2',
      limit: 20,
    });
  });
});

describe('filter helpers', () => {
  it('drops the radius and the distance sort with the point', () => {
    const near = {
      ...emptyFilters(),
      near: { lat: 35, lng: 112 },
      withinKm: 10,
      sort: 'distance' as const,
    };
    expect(withFilterChanges(near, { near: null })).toEqual(emptyFilters());
  });

  it('clears the filters but keeps keyword and sort', () => {
    const filters = { ...emptyFilters(), q: '仓储', sort: 'newest' as const, crane: true };
    expect(clearedFilters(filters)).toEqual({ ...emptyFilters(), q: '仓储', sort: 'newest' });
  });

  it('counts the filters set', () => {
    expect(countActiveFilters(emptyFilters())).toBe(0);
    expect(
      countActiveFilters({
        ...emptyFilters(),
        minArea: 100,
        maxArea: 200,
        utility: ['gas', 'water'],
        crane: true,
      }),
    ).toBe(4);
  });

  it('shows the total honestly: "10,000+" when it is not exact', () => {
    expect(formatSearchTotal({ value: 10000, exact: false }, 'zh-CN')).toBe('10,000+');
    expect(formatSearchTotal({ value: 253, exact: true }, 'en')).toBe('253');
  });
});

function card(id: string, extra: Partial<PublicUnitCard> = {}): PublicUnitCard {
  return {
    id,
    code: `U-${id}`,
    name: `厂房 ${id}`,
    zoneId: ZONE,
    zoneName: '高平经济技术开发区',
    parkId: PARK,
    parkName: '装备制造园',
    latitude: 35.8,
    longitude: 112.92,
    grossArea: 1200,
    floorFrom: 1,
    floorTo: 1,
    buildingFloors: 3,
    floorHeightM: 8,
    floorLoadKnM2: 30,
    powerCapacityKva: 630,
    craneCapacityT: null,
    hasWater: true,
    hasGas: false,
    hasHeating: false,
    hasSewage: true,
    hasFibre: true,
    unitClass: 'quality',
    acceptanceStatus: 'accepted',
    fireSafetyStatus: 'passed',
    occupancyStatus: 'vacant',
    vacantSince: '2025-01-01',
    idleMonths: 10,
    listRentFen: 1500,
    suitableIndustries: [],
    publishedAt: '2025-01-02T00:00:00Z',
    distanceKm: null,
    ...extra,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const FACETS: SearchFacets = {
  total: { value: 2, exact: true },
  zones: [{ id: ZONE, name: '高平经济技术开发区', count: 2 }],
  parks: [{ id: PARK, name: '装备制造园', zoneName: '高平经济技术开发区', count: 2 }],
  unitClasses: [{ value: 'quality', count: 2 }],
  areaBands: [],
};

describe('useUnitSearchStore', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.mocked(searchUnits).mockReset();
    vi.mocked(getSearchFacets).mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('loads the first page and does not ask again for the same filters', async () => {
    vi.mocked(searchUnits).mockResolvedValue({
      items: [card('a')],
      nextCursor: 'c1',
      total: { value: 10000, exact: false },
    });
    const store = useUnitSearchStore();
    const filters = { ...emptyFilters(), crane: true };
    await store.search(filters);
    expect(searchUnits).toHaveBeenCalledWith({ crane: true, limit: 20 }, expect.any(AbortSignal));
    expect(store.items.map((item) => item.id)).toEqual(['a']);
    expect(store.total).toEqual({ value: 10000, exact: false });
    expect(store.status).toBe('ready');
    expect(store.parkNames[PARK]).toBe('装备制造园');
    await store.search({ ...filters });
    expect(searchUnits).toHaveBeenCalledTimes(1);
    await store.search(filters, true);
    expect(searchUnits).toHaveBeenCalledTimes(2);
  });

  it('aborts the request in flight when the filters change; the stale answer is dropped', async () => {
    const slow = deferred<Awaited<ReturnType<typeof searchUnits>>>();
    vi.mocked(searchUnits)
      .mockImplementationOnce(() => slow.promise)
      .mockResolvedValueOnce({
        items: [card('new')],
        nextCursor: null,
        total: { value: 1, exact: true },
      });
    const store = useUnitSearchStore();
    const first = store.search({ ...emptyFilters(), crane: true });
    const signal = vi.mocked(searchUnits).mock.calls[0]![1]!;
    await store.search({ ...emptyFilters(), groundFloor: true });
    expect(signal.aborted).toBe(true);
    slow.resolve({ items: [card('old')], nextCursor: null, total: { value: 1, exact: true } });
    await first;
    expect(store.items.map((item) => item.id)).toEqual(['new']);
  });

  it('appends the next page without duplicates', async () => {
    vi.mocked(searchUnits)
      .mockResolvedValueOnce({
        items: [card('a'), card('b')],
        nextCursor: 'c1',
        total: { value: 3, exact: true },
      })
      .mockResolvedValueOnce({
        items: [card('b'), card('c')],
        nextCursor: null,
        total: { value: 3, exact: true },
      });
    const store = useUnitSearchStore();
    const filters = { ...emptyFilters(), sort: 'area_desc' as const };
    await store.search(filters);
    await store.loadMore(filters);
    expect(vi.mocked(searchUnits).mock.calls[1]![0]).toEqual({
      sort: 'area_desc',
      cursor: 'c1',
      limit: 20,
    });
    expect(store.items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(store.nextCursor).toBeNull();
  });

  it('keeps the API error message and code', async () => {
    vi.mocked(searchUnits).mockRejectedValue(
      new ApiError(400, { code: 'INVALID_RANGE', message: '最小面积不能大于最大面积' }),
    );
    const store = useUnitSearchStore();
    await store.search(emptyFilters());
    expect(store.status).toBe('error');
    expect(store.error).toBe('最小面积不能大于最大面积');
    expect(store.errorCode).toBe('INVALID_RANGE');
  });

  it('loads facets without the sort, and remembers zone and park names', async () => {
    vi.mocked(getSearchFacets).mockResolvedValue(FACETS);
    const store = useUnitSearchStore();
    await store.loadFacets({ ...emptyFilters(), sort: 'newest', minArea: 500 });
    expect(getSearchFacets).toHaveBeenCalledWith({ minArea: 500 }, expect.any(AbortSignal));
    // Only the sort changed: the counts are the same.
    await store.loadFacets({ ...emptyFilters(), sort: 'rent_asc', minArea: 500 });
    expect(getSearchFacets).toHaveBeenCalledTimes(1);
    expect(store.zoneNames[ZONE]).toBe('高平经济技术开发区');
    expect(store.facetsStatus).toBe('ready');
  });

  it('debounces a burst of changes into one request', async () => {
    vi.useFakeTimers();
    vi.mocked(searchUnits).mockResolvedValue({
      items: [],
      nextCursor: null,
      total: { value: 0, exact: true },
    });
    vi.mocked(getSearchFacets).mockResolvedValue(FACETS);
    const store = useUnitSearchStore();
    store.schedule({ ...emptyFilters(), crane: true });
    store.schedule({ ...emptyFilters(), crane: true, groundFloor: true });
    await vi.advanceTimersByTimeAsync(200);
    expect(searchUnits).toHaveBeenCalledTimes(1);
    expect(vi.mocked(searchUnits).mock.calls[0]![0]).toEqual({
      crane: true,
      groundFloor: true,
      limit: 20,
    });
  });
});
