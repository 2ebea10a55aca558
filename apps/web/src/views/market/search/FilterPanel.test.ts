import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import type { Locale } from '@factoryspace/domain';
import type { SearchFacets } from '@/api/search';
import { createAppI18n } from '@/i18n';
import { emptyFilters, type SearchFilters } from '@/stores/unit-search';
import FilterPanel from './FilterPanel.vue';
import { checkDraft, draftChanges, draftFromFilters, parseNumberBox } from './filter-form';

const ZONE = '11111111-1111-4111-8111-111111111111';
const PARK_A = '22222222-2222-4222-8222-222222222222';
const PARK_B = '33333333-3333-4333-8333-333333333333';

const FACETS: SearchFacets = {
  total: { value: 42, exact: true },
  zones: [{ id: ZONE, name: '高平经济技术开发区', count: 42 }],
  parks: [
    { id: PARK_A, name: '装备制造园', zoneName: '高平经济技术开发区', count: 30 },
    { id: PARK_B, name: '食品产业园', zoneName: '高平经济技术开发区', count: 12 },
  ],
  unitClasses: [
    { value: 'quality', count: 20 },
    { value: 'general', count: 22 },
    { value: 'difficult', count: 0 },
  ],
  areaBands: [
    { band: 'lt500', min: 0, max: 500, count: 5 },
    { band: '500_1000', min: 500, max: 1000, count: 9 },
    { band: '1000_2000', min: 1000, max: 2000, count: 14 },
    { band: '2000_5000', min: 2000, max: 5000, count: 10 },
    { band: '5000_10000', min: 5000, max: 10000, count: 3 },
    { band: 'gte10000', min: 10000, max: null, count: 1 },
  ],
};

/** Mounted like the page does: each change comes back as the new filters (through the URL). */
function render(filters: Partial<SearchFilters> = {}, locale: Locale = 'zh-CN') {
  const wrapper = mount(FilterPanel, {
    props: {
      filters: { ...emptyFilters(), ...filters },
      facets: FACETS,
      facetsStatus: 'ready',
      mapCentre: { lat: 35.791234567, lng: 112.9234567 },
      onUpdate: (changes: Partial<SearchFilters>) =>
        void wrapper.setProps({ filters: { ...wrapper.props('filters'), ...changes } }),
    },
    global: { plugins: [createAppI18n(locale)] },
  });
  return wrapper;
}

type Wrapper = ReturnType<typeof render>;

function updates(wrapper: Wrapper): Partial<SearchFilters>[] {
  return (wrapper.emitted('update') ?? []).map((args) => args[0] as Partial<SearchFilters>);
}

async function type(wrapper: Wrapper, testid: string, value: string): Promise<void> {
  const input = wrapper.find(`[data-testid="${testid}"]`);
  await input.setValue(value); // input + change, as when the user leaves the box
}

describe('FilterPanel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows an inverted area range as an error in Chinese and does not send it', async () => {
    const wrapper = render();
    await type(wrapper, 'filter-min-area', '5000');
    await type(wrapper, 'filter-max-area', '1000');
    const error = wrapper.find('[data-testid="filter-error-maxArea"]');
    expect(error.text()).toBe('最小面积不能大于最大面积');
    expect(wrapper.find('[data-testid="filter-max-area"]').attributes('aria-invalid')).toBe('true');
    // 5000 alone was sent before the maximum was typed; the inverted pair never was.
    const sent = updates(wrapper);
    expect(sent).toEqual([{ minArea: 5000 }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(updates(wrapper)).toEqual([{ minArea: 5000 }]);
  });

  it('shows the same error in English', async () => {
    const wrapper = render({}, 'en');
    await type(wrapper, 'filter-min-area', '800');
    await type(wrapper, 'filter-max-area', '200');
    expect(wrapper.find('[data-testid="filter-error-maxArea"]').text()).toBe(
      'The minimum area must not exceed the maximum',
    );
  });

  it('sends the pair once it is put right, and the other boxes meanwhile', async () => {
    const wrapper = render();
    await type(wrapper, 'filter-max-area', '1000');
    await type(wrapper, 'filter-min-area', '5000');
    await type(wrapper, 'filter-min-floor-load', '30');
    expect(updates(wrapper).at(-1)).toEqual({ minFloorLoad: 30 });
    await type(wrapper, 'filter-max-area', '8000');
    expect(updates(wrapper).at(-1)).toEqual({ minArea: 5000, maxArea: 8000 });
    expect(wrapper.find('[data-testid="filter-error-maxArea"]').text()).toBe('');
  });

  it('refuses what is not a number, or below zero', async () => {
    const wrapper = render();
    await type(wrapper, 'filter-min-power', 'abc');
    expect(wrapper.find('[data-testid="filter-error-minPower"]').text()).toBe('请输入数字');
    await type(wrapper, 'filter-min-floor-height', '-2');
    expect(wrapper.find('[data-testid="filter-error-minFloorHeight"]').text()).toBe('不能小于 0');
    expect(updates(wrapper)).toEqual([]);
  });

  it('takes the rent in yuan and sends fen', async () => {
    const wrapper = render();
    await type(wrapper, 'filter-max-rent', '18.5');
    expect(updates(wrapper)).toEqual([{ maxRentFen: 1850 }]);
  });

  it('applies a box after a pause in typing, without leaving it', async () => {
    const wrapper = render();
    const input = wrapper.find('[data-testid="filter-min-floor-height"]');
    (input.element as HTMLInputElement).value = '8';
    await input.trigger('input');
    expect(updates(wrapper)).toEqual([]);
    await vi.advanceTimersByTimeAsync(700);
    expect(updates(wrapper)).toEqual([{ minFloorHeight: 8 }]);
  });

  it('shows the floor load in tonnes as well', async () => {
    const wrapper = render();
    await type(wrapper, 'filter-min-floor-load', '49.03');
    expect(wrapper.text()).toContain('≈ 5 吨/㎡');
  });

  it('shows facet counts per zone, park, class and area band', () => {
    const wrapper = render();
    const countNear = (testid: string) =>
      wrapper.find(`[data-testid="${testid}"]`).element.closest('label, button')!.textContent;
    expect(countNear(`filter-zone-${ZONE}`)).toContain('42');
    expect(countNear(`filter-park-${PARK_A}`)).toContain('30');
    expect(countNear(`filter-park-${PARK_B}`)).toContain('12');
    expect(countNear('filter-class-general')).toContain('22');
    expect(wrapper.find('[data-testid="filter-band-1000_2000"]').text()).toContain('14');
  });

  it('toggles choices at once', async () => {
    const wrapper = render({ utility: ['water'] });
    await wrapper.find('[data-testid="filter-utility-gas"]').setValue(true);
    await wrapper.find(`[data-testid="filter-park-${PARK_B}"]`).setValue(true);
    await wrapper.find('[data-testid="filter-crane"]').setValue(true);
    expect(updates(wrapper)).toEqual([
      { utility: ['water', 'gas'] },
      { parkId: [PARK_B] },
      { crane: true },
    ]);
  });

  it('sets and clears an area band ([min, max): max − 0.01, as the facet counts)', async () => {
    const wrapper = render();
    await wrapper.find('[data-testid="filter-band-1000_2000"]').trigger('click');
    await wrapper.find('[data-testid="filter-band-gte10000"]').trigger('click');
    await wrapper.find('[data-testid="filter-band-lt500"]').trigger('click');
    expect(updates(wrapper)).toEqual([
      { minArea: 1000, maxArea: 1999.99 },
      { minArea: 10000, maxArea: null },
      { minArea: null, maxArea: 499.99 },
    ]);
    const active = render({ minArea: 1000, maxArea: 1999.99 });
    const band = active.find('[data-testid="filter-band-1000_2000"]');
    expect(band.attributes('aria-pressed')).toBe('true');
    await band.trigger('click');
    expect(updates(active)).toEqual([{ minArea: null, maxArea: null }]);
  });

  it('follows filters changed elsewhere (back button, chips)', async () => {
    const wrapper = render({ minArea: 1000 });
    expect(
      (wrapper.find('[data-testid="filter-min-area"]').element as HTMLInputElement).value,
    ).toBe('1000');
    await wrapper.setProps({ filters: { ...emptyFilters(), minArea: 2500 } });
    expect(
      (wrapper.find('[data-testid="filter-min-area"]').element as HTMLInputElement).value,
    ).toBe('2500');
  });

  it('uses the map centre as the point and sorts by distance', async () => {
    const wrapper = render();
    await wrapper.find('[data-testid="filter-map-centre"]').trigger('click');
    expect(updates(wrapper)).toEqual([
      { near: { lat: 35.79123, lng: 112.92346 }, sort: 'distance' },
    ]);
  });

  it('uses the browser location, and says so when it is refused', async () => {
    const getCurrentPosition = vi.fn();
    vi.stubGlobal('navigator', { geolocation: { getCurrentPosition } });
    try {
      const wrapper = render({ sort: 'rent_asc' });
      await wrapper.find('[data-testid="filter-near-me"]').trigger('click');
      getCurrentPosition.mock.calls[0]![0]({ coords: { latitude: 35.5, longitude: 112.5 } });
      expect(updates(wrapper)).toEqual([{ near: { lat: 35.5, lng: 112.5 }, sort: 'rent_asc' }]);
      await wrapper.vm.$nextTick();
      await wrapper.find('[data-testid="filter-near-me"]').trigger('click');
      getCurrentPosition.mock.calls[1]![1]({ code: 1, PERMISSION_DENIED: 1 });
      await wrapper.vm.$nextTick();
      expect(wrapper.text()).toContain('浏览器未允许定位');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('chooses a radius once there is a point', async () => {
    const wrapper = render({ near: { lat: 35.8, lng: 112.9 } });
    await wrapper.find('[data-testid="filter-within-km"]').setValue('20');
    await wrapper.find('[data-testid="filter-clear-point"]').trigger('click');
    expect(updates(wrapper)).toEqual([{ withinKm: 20 }, { near: null }]);
  });
});

describe('filter-form', () => {
  it('reads full-width digits and thousands separators', () => {
    expect(parseNumberBox('１，２００', 'minArea')).toEqual({ value: 1200 });
    expect(parseNumberBox('  ', 'minArea')).toEqual({ value: null });
    expect(parseNumberBox('12.345', 'maxRent')).toEqual({ error: { key: 'decimals' } });
    expect(parseNumberBox('2000', 'minFloorHeight')).toMatchObject({ error: { key: 'tooLarge' } });
  });

  it('holds back both area bounds when inverted, and only those', () => {
    const check = checkDraft({
      ...draftFromFilters(emptyFilters()),
      minArea: '5000',
      maxArea: '100',
      minPower: '400',
    });
    expect(check.errors).toEqual({ maxArea: { key: 'areaRange' } });
    expect(check.values).toEqual({
      minFloorLoad: null,
      minFloorHeight: null,
      minPower: 400,
      maxRentFen: null,
    });
  });

  it('sends only what changed', () => {
    const filters = { ...emptyFilters(), minArea: 1000, maxRentFen: 1500 };
    expect(draftChanges(draftFromFilters(filters), filters)).toBeNull();
    expect(draftChanges({ ...draftFromFilters(filters), maxRent: '' }, filters)).toEqual({
      maxRentFen: null,
    });
  });
});
