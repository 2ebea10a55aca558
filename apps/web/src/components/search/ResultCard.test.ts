import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Locale } from '@factoryspace/domain';
import type { PublicUnitCard } from '@/api/search';
import { createAppI18n } from '@/i18n';
import ResultCard from './ResultCard.vue';

const NOW = Date.parse('2026-03-01T00:00:00Z');

const UNIT: PublicUnitCard = {
  id: '7b1e2c44-0000-4000-8000-000000000001',
  code: 'GP-A1-101',
  name: '高平装备园 1 号厂房',
  zoneId: '7b1e2c44-0000-4000-8000-0000000000aa',
  zoneName: '高平经济技术开发区',
  parkId: '7b1e2c44-0000-4000-8000-0000000000bb',
  parkName: '装备制造园',
  latitude: 35.8,
  longitude: 112.92,
  grossArea: 2400,
  floorFrom: 1,
  floorTo: 1,
  buildingFloors: 2,
  floorHeightM: 9.5,
  floorLoadKnM2: 29.42,
  powerCapacityKva: 800,
  craneCapacityT: 10,
  hasWater: true,
  hasGas: true,
  hasHeating: false,
  hasSewage: true,
  hasFibre: false,
  unitClass: 'quality',
  acceptanceStatus: 'accepted',
  fireSafetyStatus: 'passed',
  occupancyStatus: 'vacant',
  vacantSince: '2025-05-01',
  idleMonths: 10,
  listRentFen: 1850,
  suitableIndustries: ['equipment_manufacturing', 'new_materials', 'electronics'],
  publishedAt: '2026-02-25T08:00:00Z',
  distanceKm: 3.46,
};

function render(unit: Partial<PublicUnitCard> = {}, locale: Locale = 'zh-CN', highlighted = false) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:pathMatch(.*)*', component: { render: () => null } }],
  });
  return mount(ResultCard, {
    props: { unit: { ...UNIT, ...unit }, now: NOW, highlighted },
    global: { plugins: [createPinia(), router, createAppI18n(locale)] },
  });
}

function fact(wrapper: ReturnType<typeof render>, name: string): string {
  return wrapper.find(`[data-fact="${name}"]`).text();
}

describe('ResultCard', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
  });

  it('shows the five key industrial facts at a glance', () => {
    const wrapper = render();
    expect(fact(wrapper, 'area')).toBe('2,400 ㎡');
    expect(fact(wrapper, 'rent')).toBe('18.50 元/㎡·月');
    expect(fact(wrapper, 'floorLoad')).toContain('29.4 kN/㎡');
    expect(fact(wrapper, 'floorLoad')).toContain('≈ 3 t/㎡');
    expect(fact(wrapper, 'floorHeight')).toBe('9.5 m');
    expect(fact(wrapper, 'power')).toBe('800 kVA');
  });

  it('links the name to the unit page', () => {
    const link = render().find('[data-testid="result-link"]');
    expect(link.attributes('href')).toBe(`/units/${UNIT.id}`);
    expect(link.text()).toBe(UNIT.name);
  });

  it('tags ground floor, crane, move-in ready, idle time, new listings and the distance', () => {
    const wrapper = render();
    const tags = (name: string) => wrapper.find(`[data-tag="${name}"]`);
    expect(tags('ground-floor').text()).toBe('一层');
    expect(tags('crane').text()).toBe('行车 10 吨');
    expect(tags('move-in-ready').exists()).toBe(true);
    expect(tags('idle').text()).toBe('闲置 10 个月');
    expect(tags('new').exists()).toBe(true);
    expect(tags('distance').text()).toContain('3.5 公里');
  });

  it('leaves out what does not apply', () => {
    const wrapper = render({
      floorFrom: 3,
      floorTo: 4,
      craneCapacityT: null,
      unitClass: 'general',
      publishedAt: '2025-01-01T00:00:00Z',
      distanceKm: null,
      idleMonths: null,
    });
    for (const tag of ['ground-floor', 'crane', 'move-in-ready', 'new', 'distance', 'idle']) {
      expect(wrapper.find(`[data-tag="${tag}"]`).exists(), tag).toBe(false);
    }
    expect(wrapper.find('.tags').text()).toContain('3–4 层 · 共 2 层');
  });

  it('says "negotiable" for a missing rent and "not given" for missing power', () => {
    const wrapper = render({ listRentFen: null, powerCapacityKva: null });
    expect(fact(wrapper, 'rent')).toBe('面议');
    expect(fact(wrapper, 'power')).toBe('未填');
  });

  it('shows every utility, with what is missing spelled out for screen readers', () => {
    const wrapper = render();
    const gas = wrapper.find('[data-utility="gas"]');
    const heating = wrapper.find('[data-utility="heating"]');
    expect(gas.attributes('data-has')).toBe('true');
    expect(gas.text()).toContain('有天然气');
    expect(heating.attributes('data-has')).toBe('false');
    expect(heating.classes()).not.toContain('on');
    expect(heating.find('.visually-hidden').text()).toMatch(/^无/);
  });

  it('lists two suitable industries and counts the rest', () => {
    expect(render().find('.industries').text()).toContain('等 1 个');
  });

  it('speaks English', () => {
    const wrapper = render({ listRentFen: null }, 'en');
    expect(fact(wrapper, 'area')).toBe('2,400 ㎡');
    expect(fact(wrapper, 'rent')).toBe('Negotiable');
    expect(wrapper.find('[data-tag="crane"]').text()).toBe('Crane 10 t');
    expect(wrapper.find('[data-tag="ground-floor"]').text()).toBe('Ground floor');
  });

  it('reports pointer and focus for the map, and shows the map highlight', async () => {
    const wrapper = render();
    await wrapper.trigger('mouseenter');
    await wrapper.trigger('mouseleave');
    expect(wrapper.emitted('hover')).toEqual([[UNIT.id], [null]]);
    expect(render({}, 'zh-CN', true).classes()).toContain('highlighted');
  });

  it('carries the favourite and compare buttons', () => {
    const wrapper = render();
    expect(wrapper.find('[data-testid="favourite-button"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="compare-toggle"]').exists()).toBe(true);
  });
});
