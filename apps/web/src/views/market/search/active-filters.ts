/**
 * The filters that are set, as short removable chips ("1000–5000 ㎡", "天然气", "5 公里内"), and
 * the default name of a saved search made of them.
 */
import {
  ACCEPTANCE_STATUS_LABELS,
  INDUSTRY_LABELS,
  UNIT_CLASS_LABELS,
  UTILITY_LABELS,
  fenToYuan,
  type Labels,
  type Locale,
} from '@factoryspace/domain';
import type { SearchFilters } from '@/stores/unit-search';

export interface FilterChip {
  /** Stable (for v-for and tests). */
  key: string;
  text: string;
  /** The change that removes it. */
  remove: Partial<SearchFilters>;
}

export interface DescribeContext {
  t: (key: string, params?: Record<string, unknown>) => string;
  locale: Locale;
  zoneNames: Record<string, string>;
  parkNames: Record<string, string>;
}

function num(value: number, locale: Locale): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

function labelOf<T extends string>(table: Labels<T>, value: T, locale: Locale): string {
  return table[value]?.[locale] ?? value;
}

export function activeFilterChips(filters: SearchFilters, ctx: DescribeContext): FilterChip[] {
  const { t, locale } = ctx;
  const chips: FilterChip[] = [];
  for (const id of filters.zoneId) {
    chips.push({
      key: `zone-${id}`,
      text: ctx.zoneNames[id] ?? t('search.filters.zone'),
      remove: { zoneId: filters.zoneId.filter((item) => item !== id) },
    });
  }
  for (const id of filters.parkId) {
    chips.push({
      key: `park-${id}`,
      text: ctx.parkNames[id] ?? t('search.filters.park'),
      remove: { parkId: filters.parkId.filter((item) => item !== id) },
    });
  }
  const { minArea, maxArea } = filters;
  if (minArea !== null || maxArea !== null) {
    const text =
      minArea !== null && maxArea !== null
        ? `${num(minArea, locale)}–${num(maxArea, locale)} ㎡`
        : minArea !== null
          ? `≥ ${num(minArea, locale)} ㎡`
          : `≤ ${num(maxArea!, locale)} ㎡`;
    chips.push({
      key: 'area',
      text: `${t('search.card.area')} ${text}`,
      remove: { minArea: null, maxArea: null },
    });
  }
  if (filters.maxRentFen !== null) {
    const yuan = fenToYuan(filters.maxRentFen).toFixed(2);
    chips.push({
      key: 'rent',
      text: `${t('search.card.rent')} ${locale === 'zh-CN' ? `≤ ${yuan} 元/㎡·月` : `≤ ¥${yuan} /m²/month`}`,
      remove: { maxRentFen: null },
    });
  }
  if (filters.minFloorLoad !== null) {
    chips.push({
      key: 'load',
      text: `${t('search.card.floorLoad')} ≥ ${num(filters.minFloorLoad, locale)} kN/㎡`,
      remove: { minFloorLoad: null },
    });
  }
  if (filters.minFloorHeight !== null) {
    chips.push({
      key: 'height',
      text: `${t('search.card.floorHeight')} ≥ ${num(filters.minFloorHeight, locale)} m`,
      remove: { minFloorHeight: null },
    });
  }
  if (filters.minPower !== null) {
    chips.push({
      key: 'power',
      text: `${t('search.card.power')} ≥ ${num(filters.minPower, locale)} kVA`,
      remove: { minPower: null },
    });
  }
  for (const value of filters.utility) {
    chips.push({
      key: `utility-${value}`,
      text: labelOf(UTILITY_LABELS, value, locale),
      remove: { utility: filters.utility.filter((item) => item !== value) },
    });
  }
  if (filters.moveInReady) {
    chips.push({
      key: 'move-in',
      text: t('search.filters.moveInReady'),
      remove: { moveInReady: false },
    });
  }
  if (filters.groundFloor) {
    chips.push({
      key: 'ground',
      text: t('search.filters.groundFloor'),
      remove: { groundFloor: false },
    });
  }
  if (filters.crane) {
    chips.push({ key: 'crane', text: t('search.filters.crane'), remove: { crane: false } });
  }
  for (const value of filters.unitClass) {
    chips.push({
      key: `class-${value}`,
      text: labelOf(UNIT_CLASS_LABELS, value, locale),
      remove: { unitClass: filters.unitClass.filter((item) => item !== value) },
    });
  }
  for (const value of filters.acceptanceStatus) {
    chips.push({
      key: `acceptance-${value}`,
      text: labelOf(ACCEPTANCE_STATUS_LABELS, value, locale),
      remove: { acceptanceStatus: filters.acceptanceStatus.filter((item) => item !== value) },
    });
  }
  for (const value of filters.industry) {
    chips.push({
      key: `industry-${value}`,
      text: labelOf(INDUSTRY_LABELS, value, locale),
      remove: { industry: filters.industry.filter((item) => item !== value) },
    });
  }
  if (filters.near) {
    chips.push({
      key: 'near',
      text:
        filters.withinKm !== null
          ? t('search.filters.nearChip', { km: num(filters.withinKm, locale) })
          : t('search.filters.nearChipAny'),
      remove: { near: null },
    });
  }
  if (filters.bbox) {
    chips.push({ key: 'bbox', text: t('search.filters.bbox'), remove: { bbox: null } });
  }
  return chips;
}

export const SAVED_NAME_MAX = 60;

/** "食品 · 1000–5000 ㎡ · 天然气", at most 60 characters; the generic name when nothing is set. */
export function defaultSearchName(filters: SearchFilters, ctx: DescribeContext): string {
  const parts = [filters.q.trim(), ...activeFilterChips(filters, ctx).map((chip) => chip.text)];
  const text = parts.filter(Boolean).join(' · ');
  if (!text) return ctx.t('search.save.defaultName');
  return text.length > SAVED_NAME_MAX ? `${text.slice(0, SAVED_NAME_MAX - 1)}…` : text;
}
