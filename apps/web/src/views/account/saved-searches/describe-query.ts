/**
 * A saved search's query string in words ("关键词"食品" · 面积 ≥ 1000 ㎡ · 天然气"), so a firm
 * recognises its searches without opening them. Unknown parameters are left out.
 */
import {
  INDUSTRY_LABELS,
  UNIT_CLASS_LABELS,
  UTILITY_LABELS,
  ACCEPTANCE_STATUS_LABELS,
  formatRentPerM2,
  type Labels,
  type Locale,
} from '@factoryspace/domain';
import { enumLabel, formatNumber } from '@/composables/use-labels';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The parameters that belong to the map view, not to the search itself. */
export const VIEW_KEYS = ['view', 'center', 'zoom', 'cursor'];

export function describeQuery(query: string, locale: Locale, t: Translate): string[] {
  const params = new URLSearchParams(query);
  const parts: string[] = [];
  const key = (name: string) => `market.saved.summary.${name}`;
  const num = (value: string) => {
    const n = Number(value);
    return Number.isFinite(n) ? formatNumber(n, locale) : value;
  };
  const labels = <T extends string>(name: string, table: Labels<T>) => {
    for (const value of params.getAll(name)) parts.push(enumLabel(table, value as T, locale));
  };

  const q = params.get('q')?.trim();
  if (q) parts.push(t(key('q'), { q }));
  for (const name of ['minArea', 'maxArea', 'minFloorLoad', 'minFloorHeight', 'minPower']) {
    const value = params.get(name);
    if (value) parts.push(t(key(name), { n: num(value) }));
  }
  const maxRent = Number(params.get('maxRentFen'));
  if (params.get('maxRentFen') && Number.isFinite(maxRent)) {
    parts.push(t(key('maxRent'), { rent: formatRentPerM2(maxRent, locale) }));
  }
  labels('utility', UTILITY_LABELS);
  labels('unitClass', UNIT_CLASS_LABELS);
  labels('acceptanceStatus', ACCEPTANCE_STATUS_LABELS);
  labels('industry', INDUSTRY_LABELS);
  for (const flag of ['groundFloor', 'crane', 'moveInReady']) {
    if (params.get(flag) === 'true') parts.push(t(key(flag)));
  }
  const zones = params.getAll('zoneId').length;
  if (zones) parts.push(t(key('zones'), { n: zones }));
  const parks = params.getAll('parkId').length;
  if (parks) parts.push(t(key('parks'), { n: parks }));
  const within = params.get('withinKm');
  if (within && params.get('nearLat')) parts.push(t(key('near'), { km: num(within) }));
  if (params.get('bbox')) parts.push(t(key('area')));
  return parts;
}

/** The search page's address for a saved query (view keys dropped: they are not saved). */
export function searchLink(query: string): string {
  const params = new URLSearchParams(query);
  for (const name of VIEW_KEYS) params.delete(name);
  const text = params.toString();
  return text ? `/search?${text}` : '/search';
}
