import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import { createAppI18n } from '@/i18n';
import * as market from '@/api/market';
import { useCompareStore } from '@/stores/compare';
import { FAVOURITES_STORAGE_KEY } from '@/stores/favourites';
import FavouriteButton from './FavouriteButton.vue';
import CompareToggle from './CompareToggle.vue';
import CompareTray from './CompareTray.vue';

vi.mock('@/api/market', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/api/market')>();
  return { ...actual, getPublicUnit: vi.fn(), listFavourites: vi.fn(), addFavourite: vi.fn() };
});

let pinia: Pinia;

function router() {
  const r = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/units/:id', component: { render: () => null } },
      { path: '/compare', name: 'compare', component: { render: () => null } },
    ],
  });
  return r;
}

function global(locale: 'zh-CN' | 'en' = 'zh-CN') {
  return { plugins: [pinia, createAppI18n(locale), router()] };
}

beforeEach(() => {
  localStorage.clear();
  pinia = createPinia();
  setActivePinia(pinia);
  vi.mocked(market.getPublicUnit).mockReset();
});

describe('FavouriteButton', () => {
  it('toggles a visitor favourite with aria-pressed and a named label', async () => {
    const wrapper = mount(FavouriteButton, {
      props: { unitId: 'u-1', label: 'GP-001' },
      global: global('en'),
    });
    const button = wrapper.get('button');
    expect(button.attributes('aria-pressed')).toBe('false');
    expect(button.attributes('aria-label')).toBe('Save GP-001 to favourites');
    await button.trigger('click');
    await flushPromises();
    expect(button.attributes('aria-pressed')).toBe('true');
    expect(button.attributes('aria-label')).toBe('Remove GP-001 from favourites');
    expect(localStorage.getItem(FAVOURITES_STORAGE_KEY)).toContain('u-1');
    expect(wrapper.text()).toContain('Saved to favourites');
    await button.trigger('click');
    await flushPromises();
    expect(button.attributes('aria-pressed')).toBe('false');
  });
});

describe('CompareToggle', () => {
  it('adds and removes, and says so when four are already chosen', async () => {
    const compare = useCompareStore();
    for (const id of ['a', 'b', 'c']) compare.add(id);
    const first = mount(CompareToggle, {
      props: { unitId: 'd', code: 'GP-004' },
      global: global(),
    });
    await first.get('button').trigger('click');
    expect(first.get('button').attributes('aria-pressed')).toBe('true');
    expect(compare.entries[3]).toMatchObject({ id: 'd', code: 'GP-004' });

    const fifth = mount(CompareToggle, { props: { unitId: 'e' }, global: global() });
    await fifth.get('button').trigger('click');
    expect(fifth.get('button').attributes('aria-pressed')).toBe('false');
    expect(fifth.get('[role="alert"]').text()).toContain('最多同时对比 4 个厂房');
    expect(compare.has('e')).toBe(false);
  });
});

describe('CompareTray', () => {
  it('is hidden when empty', () => {
    const wrapper = mount(CompareTray, { global: global() });
    expect(wrapper.find('[data-testid="compare-tray"]').exists()).toBe(false);
  });

  it('lists the chosen units and links to /compare once two are chosen', async () => {
    vi.mocked(market.getPublicUnit).mockResolvedValue({
      id: 'b',
      code: 'GP-002',
      name: '二号厂房',
    } as market.PublicUnitDetail);
    const compare = useCompareStore();
    compare.add('a', { code: 'GP-001' });
    const wrapper = mount(CompareTray, { global: global() });
    await flushPromises();
    expect(wrapper.get('[data-testid="compare-tray"]').text()).toContain('GP-001');
    expect(wrapper.find('[data-testid="compare-open"]').exists()).toBe(false);

    compare.add('b');
    await flushPromises();
    expect(market.getPublicUnit).toHaveBeenCalledWith('b', expect.any(AbortSignal));
    expect(wrapper.text()).toContain('GP-002');
    const link = wrapper.get('[data-testid="compare-open"]');
    expect(link.attributes('href')).toBe('/compare?ids=a,b');

    await wrapper.get('button[aria-label="移出 GP-001"]').trigger('click');
    expect(compare.ids).toEqual(['b']);
  });
});
