import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { RouterView, createMemoryHistory, createRouter, type Router } from 'vue-router';
import { ApiError } from '@/api/http';
import { createSavedSearch } from '@/api/market';
import { getSearchFacets, searchUnits, type PublicUnitCard, type SearchFacets } from '@/api/search';
import { createAppI18n } from '@/i18n';
import { useSessionStore } from '@/stores/session';
import SearchView from './index.vue';

vi.mock('@/api/search', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/search')>()),
  searchUnits: vi.fn(),
  getSearchFacets: vi.fn(),
}));
vi.mock('@/api/market', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/market')>()),
  createSavedSearch: vi.fn(),
  getPublicUnit: vi.fn(),
}));

const ZONE = '0d9f3c3e-1111-4a6b-9c55-000000000001';
const PARK = '0d9f3c3e-2222-4a6b-9c55-000000000002';

function card(id: string): PublicUnitCard {
  return {
    id,
    code: `GP-${id}`,
    name: `厂房 ${id}`,
    zoneId: ZONE,
    zoneName: '高平经济技术开发区',
    parkId: PARK,
    parkName: '装备制造园',
    latitude: 35.8,
    longitude: 112.92,
    grossArea: 1500,
    floorFrom: 1,
    floorTo: 1,
    buildingFloors: 1,
    floorHeightM: 9,
    floorLoadKnM2: 30,
    powerCapacityKva: 630,
    craneCapacityT: 10,
    hasWater: true,
    hasGas: true,
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
    suitableIndustries: ['equipment_manufacturing'],
    publishedAt: '2025-01-02T00:00:00Z',
    distanceKm: null,
  };
}

const FACETS: SearchFacets = {
  total: { value: 10000, exact: false },
  zones: [{ id: ZONE, name: '高平经济技术开发区', count: 10000 }],
  parks: [{ id: PARK, name: '装备制造园', zoneName: '高平经济技术开发区', count: 5000 }],
  unitClasses: [{ value: 'quality', count: 6000 }],
  areaBands: [],
};

let router: Router;

async function open(path: string) {
  router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/search', component: SearchView },
      { path: '/:other(.*)*', component: { render: () => null } },
    ],
  });
  await router.push(path);
  await router.isReady();
  const wrapper = mount(RouterView, {
    global: { plugins: [router, createAppI18n('zh-CN')] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

function lastSearch() {
  return vi.mocked(searchUnits).mock.calls.at(-1)![0];
}

describe('/search', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    useSessionStore().status = 'ready';
    localStorage.clear();
    vi.mocked(searchUnits).mockReset();
    vi.mocked(getSearchFacets).mockReset();
    vi.mocked(createSavedSearch).mockReset();
    vi.mocked(searchUnits).mockResolvedValue({
      items: [card('a'), card('b')],
      nextCursor: 'next',
      total: { value: 10000, exact: false },
    });
    vi.mocked(getSearchFacets).mockResolvedValue(FACETS);
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('searches with the filters of the URL and shows the total honestly', async () => {
    const wrapper = await open('/search?minArea=1000&utility=gas&unitClass=bogus&sort=rent_asc');
    expect(lastSearch()).toEqual({ minArea: 1000, utility: ['gas'], sort: 'rent_asc', limit: 20 });
    expect(wrapper.find('[data-testid="search-total"]').text()).toBe('10,000+ 个厂房');
    expect(wrapper.findAll('[data-testid="result-card"]')).toHaveLength(2);
    expect(wrapper.find('[data-testid="filter-min-area"]').element).toHaveProperty('value', '1000');
  });

  it('puts a filter change into the URL (a history step) and searches again', async () => {
    const wrapper = await open('/search');
    await wrapper.find('[data-testid="filter-crane"]').setValue(true);
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ crane: 'true' }));
    await vi.waitFor(() => expect(lastSearch()).toEqual({ crane: true, limit: 20 }));
    router.back();
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
  });

  it('removes a filter from its chip', async () => {
    const wrapper = await open(`/search?parkId=${PARK}&crane=true`);
    expect(wrapper.find(`[data-chip="park-${PARK}"]`).text()).toContain('装备制造园');
    await wrapper.find('[data-chip="crane"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.query.crane).toBeUndefined());
    expect(String(router.currentRoute.value.query.parkId)).toBe(PARK);
  });

  it('searches the keyword on submit', async () => {
    const wrapper = await open('/search');
    await wrapper.find('[data-testid="filter-keyword"]').setValue(' 注塑 ');
    await wrapper.find('form[role="search"]').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ q: '注塑' }));
  });

  it('appends the next page', async () => {
    const wrapper = await open('/search');
    vi.mocked(searchUnits).mockResolvedValueOnce({
      items: [card('c')],
      nextCursor: null,
      total: { value: 3, exact: true },
    });
    await wrapper.find('[data-testid="load-more"]').trigger('click');
    await flushPromises();
    expect(lastSearch()).toEqual({ cursor: 'next', limit: 20 });
    expect(wrapper.findAll('[data-testid="result-card"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="load-more"]').exists()).toBe(false);
  });

  it('shows the empty state with a way out', async () => {
    vi.mocked(searchUnits).mockResolvedValue({
      items: [],
      nextCursor: null,
      total: { value: 0, exact: true },
    });
    const wrapper = await open('/search?minArea=999999');
    expect(wrapper.find('[data-testid="search-empty"]').text()).toContain('没有符合条件的厂房');
    await wrapper.find('[data-testid="search-empty"] button').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({}));
  });

  it('shows the error of the API and retries', async () => {
    vi.mocked(searchUnits).mockRejectedValueOnce(
      new ApiError(400, { code: 'INVALID_BBOX', message: '地图范围无效' }),
    );
    const wrapper = await open('/search');
    expect(wrapper.find('[data-testid="search-error"]').text()).toContain('地图范围无效');
    await wrapper.find('[data-testid="search-error"] button').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="result-card"]')).toHaveLength(2);
  });

  it('switches to the map view through the URL', async () => {
    const wrapper = await open('/search');
    await wrapper.find('[data-testid="view-toggle"] [data-view="map"]').trigger('click');
    await vi.waitFor(() => expect(router.currentRoute.value.query).toEqual({ view: 'map' }));
    expect(wrapper.find('[data-testid="search-map"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="result-card"]').exists()).toBe(false);
  });

  it('tells visitors to sign in to save a search', async () => {
    const wrapper = await open('/search?crane=true');
    await wrapper.find('[data-testid="save-search"]').trigger('click');
    const link = wrapper.find('[data-testid="save-search-login"]');
    const target = router.resolve(link.attributes('href')!);
    expect(target.path).toBe('/login');
    expect(target.query.redirect).toBe('/search?crane=true');
    expect(createSavedSearch).not.toHaveBeenCalled();
  });

  it('saves the search of a firm user, with alerts', async () => {
    useSessionStore().user = {
      id: 'u1',
      email: 'li@example.cn',
      mobile: null,
      displayName: '李娜',
      role: 'firm',
      zoneId: null,
      zoneName: null,
      firmId: 'f1',
      firmName: '精工机械',
      firmRole: 'owner',
      emailVerified: true,
    };
    vi.mocked(createSavedSearch).mockResolvedValue({
      id: 's1',
      name: '带行车',
      query: 'crane=true',
      alertsEnabled: true,
      lastAlertedAt: null,
      createdAt: '2026-01-01T00:00:00Z',
    });
    const wrapper = await open('/search?crane=true&view=list');
    await wrapper.find('[data-testid="save-search"]').trigger('click');
    expect(
      (wrapper.find('[data-testid="save-search-name"]').element as HTMLInputElement).value,
    ).toBe('带行车');
    await wrapper.find('[data-testid="save-search-submit"]').trigger('submit');
    await flushPromises();
    expect(createSavedSearch).toHaveBeenCalledWith({
      name: '带行车',
      query: 'crane=true',
      alertsEnabled: true,
    });
    expect(wrapper.find('[data-testid="save-search-done"]').text()).toContain('已保存');
  });

  it('says so when twenty searches are saved already', async () => {
    useSessionStore().user = {
      id: 'u1',
      email: 'li@example.cn',
      mobile: null,
      displayName: '李娜',
      role: 'firm',
      zoneId: null,
      zoneName: null,
      firmId: 'f1',
      firmName: '精工机械',
      firmRole: 'owner',
      emailVerified: true,
    };
    vi.mocked(createSavedSearch).mockRejectedValue(
      new ApiError(409, { code: 'SAVED_SEARCHES_FULL', message: 'full' }),
    );
    const wrapper = await open('/search');
    await wrapper.find('[data-testid="save-search"]').trigger('click');
    await wrapper.find('[data-testid="save-search-alerts"]').setValue(false);
    await wrapper.find('[data-testid="save-search-panel"] form').trigger('submit');
    await flushPromises();
    expect(createSavedSearch).toHaveBeenCalledWith(
      expect.objectContaining({ name: '厂房搜索', query: '', alertsEnabled: false }),
    );
    expect(wrapper.find('[data-testid="save-search-error"]').text()).toContain('最多保存 20 个');
  });
});
