/**
 * Checks a rent policy document (any JSON, e.g. a request body or a jsonb column) and lists every
 * problem found, each with a stable UPPER_SNAKE code, the JSON path of the offending value
 * (`floorTiers[1].fromFloor`; '' for the document itself) and a message in Chinese and English
 * that a zone administrator understands. Never throws; an empty list means the policy is valid.
 *
 * Relational checks (contiguous tiers, term limits) only run on values that passed their own
 * checks, so one mistake does not produce a cascade of follow-on issues.
 */
import { SPECIALISED_LEVELS } from '../accounts';
import { formatAreaCenti, toHundredths } from './money';
import { AREA_TIER_MODES, QUALIFICATIONS } from './types';
import type { PolicyIssue, Qualification } from './types';
import { QUALIFICATION_LABELS } from './labels';

/** Longest term any policy may allow, months (20 years). */
export const MAX_POLICY_TERM_MONTHS = 240;
/** Highest minimum rent, fen per m² per month (¥1,000), the units table's list-rent ceiling. */
export const MAX_MIN_RENT_FEN_PER_M2 = 100_000;
/** Most lease years a yearly discount schedule may list. */
export const MAX_YEAR_DISCOUNTS = 20;
/** Largest area a band boundary may have, m² (1,000万㎡). */
export const MAX_BAND_M2 = 10_000_000;

/** Every code `validateRentPolicy` may return. */
export const POLICY_ISSUE_CODES = [
  'WRONG_TYPE',
  'MISSING_FIELD',
  'UNKNOWN_FIELD',
  'NOT_INTEGER',
  'NOT_FINITE',
  'PCT_OUT_OF_RANGE',
  'PCT_TOO_PRECISE',
  'AREA_OUT_OF_RANGE',
  'AREA_TOO_PRECISE',
  'FLOOR_TIERS_EMPTY',
  'FLOOR_TIER_RANGE_INVALID',
  'FLOOR_TIER_FIRST_NOT_ONE',
  'FLOOR_TIER_GAP',
  'FLOOR_TIER_OVERLAP',
  'FLOOR_TIER_OPEN_NOT_LAST',
  'FLOOR_TIER_LAST_NOT_OPEN',
  'AREA_MODE_INVALID',
  'AREA_BANDS_EMPTY',
  'AREA_BAND_RANGE_INVALID',
  'AREA_BAND_FIRST_NOT_ZERO',
  'AREA_BAND_GAP',
  'AREA_BAND_OVERLAP',
  'AREA_BAND_OPEN_NOT_LAST',
  'AREA_BAND_LAST_NOT_OPEN',
  'STACKING_MODE_INVALID',
  'CAP_NOT_POSITIVE',
  'QUALIFICATION_INVALID',
  'QUALIFICATION_DUPLICATE',
  'SPECIALISED_LEVELS_REQUIRED',
  'SPECIALISED_LEVELS_NOT_ALLOWED',
  'SPECIALISED_LEVEL_INVALID',
  'SPECIALISED_LEVEL_DUPLICATE',
  'YEAR_DISCOUNTS_TOO_MANY',
  'RENT_FREE_OUT_OF_RANGE',
  'DEFERRAL_MONTHS_OUT_OF_RANGE',
  'DEFERRAL_REPAY_OUT_OF_RANGE',
  'DEFERRAL_TOO_LONG',
  'MAX_TERM_BELOW_STANDARD',
  'MAX_TERM_TOO_LONG',
  'MIN_TERM_OUT_OF_RANGE',
  'STANDARD_MAX_TERM_OUT_OF_RANGE',
  'TERMS_INVERTED',
  'MIN_RENT_OUT_OF_RANGE',
] as const;
export type PolicyIssueCode = (typeof POLICY_ISSUE_CODES)[number];

/** Where a value sits: its JSON path and how to name it to a person. */
interface Place {
  path: string;
  zh: string;
  en: string;
}

type Json = Record<string, unknown>;

class Issues {
  readonly list: PolicyIssue[] = [];

  add(place: Place | string, code: PolicyIssueCode, zh: string, en: string): void {
    this.list.push({ path: typeof place === 'string' ? place : place.path, code, zh, en });
  }
}

const ROOT: Place = { path: '', zh: '', en: '' };

/** A named field of an object place ("楼层阶梯第2档的起始楼层" / "Floor tier 2, first floor"). */
function field(parent: Place, key: string, zh: string, en: string): Place {
  return {
    path: parent.path ? `${parent.path}.${key}` : key,
    zh: parent.zh ? `${parent.zh}的${zh}` : zh,
    en: parent.en ? `${parent.en}, ${en}` : en,
  };
}

/** An element of a list place, with its own name ("楼层阶梯第2档" / "Floor tier 2"). */
function item(parent: Place, index: number, zh: string, en: string): Place {
  return { path: `${parent.path}[${index}]`, zh, en };
}

export function validateRentPolicy(rules: unknown): PolicyIssue[] {
  const issues = new Issues();
  const root = object(rules, { ...ROOT, zh: '租金政策', en: 'The rent policy' }, issues, [
    'floorTiers',
    'areaTiers',
    'incentives',
    'stacking',
    'minRentFenPerM2',
    'minTermMonths',
    'standardMaxTermMonths',
  ]);
  if (!root) return issues.list;
  const place = (key: string, zh: string, en: string) => field(ROOT, key, zh, en);
  checkFloorTiers(root.floorTiers, place('floorTiers', '楼层阶梯', 'Floor tiers'), issues);
  if (root.areaTiers !== null && root.areaTiers !== undefined) {
    checkAreaTiers(root.areaTiers, place('areaTiers', '面积阶梯', 'Area tiers'), issues);
  }
  checkStacking(root.stacking, place('stacking', '叠加方式', 'Stacking'), issues);
  const minRent = integer(
    root.minRentFenPerM2,
    place('minRentFenPerM2', '最低租金', 'Minimum rent'),
    issues,
  );
  if (minRent !== null && (minRent < 0 || minRent > MAX_MIN_RENT_FEN_PER_M2)) {
    issues.add(
      'minRentFenPerM2',
      'MIN_RENT_OUT_OF_RANGE',
      `最低租金应在 0 至 ${MAX_MIN_RENT_FEN_PER_M2 / 100} 元/㎡·月之间(0 表示不设)`,
      `The minimum rent must be from 0 to ¥${MAX_MIN_RENT_FEN_PER_M2 / 100}/m²/month (0 = none)`,
    );
  }
  const standardMax = checkTerms(root, issues);
  checkIncentives(
    root.incentives,
    field(ROOT, 'incentives', '专项优惠', 'Incentives'),
    standardMax,
    issues,
  );
  return issues.list;
}

/** How each setting is named when it is missing. */
const KEY_LABELS: Record<string, [zh: string, en: string]> = {
  floorTiers: ['楼层阶梯', 'floor tiers'],
  areaTiers: ['面积阶梯', 'area tiers'],
  incentives: ['专项优惠', 'incentives'],
  stacking: ['叠加方式', 'stacking'],
  minRentFenPerM2: ['最低租金', 'minimum rent'],
  minTermMonths: ['最短租期', 'minimum term'],
  standardMaxTermMonths: ['标准最长租期', 'standard maximum term'],
  fromFloor: ['起始楼层', 'first floor'],
  toFloor: ['结束楼层', 'last floor'],
  discountPct: ['折扣', 'discount'],
  mode: ['计算方式', 'mode'],
  bands: ['档位', 'bands'],
  fromM2: ['起点面积', 'start'],
  toM2: ['终点面积', 'end'],
  capPct: ['叠加上限', 'cap'],
  qualification: ['资格类型', 'qualification'],
  yearDiscountPcts: ['逐年优惠', 'yearly discounts'],
  rentFreeMonths: ['免租月数', 'rent-free months'],
  deferral: ['租金缓交', 'deferral'],
  maxTermMonths: ['最长租期', 'longest term'],
  months: ['缓交月数', 'deferred months'],
  repayOverMonths: ['偿还月数', 'repayment months'],
};

// ---------------------------------------------------------------------------------------------
// Generic readers: each reports its own problem and returns null when the value is unusable.

function object(
  value: unknown,
  place: Place,
  issues: Issues,
  required: string[],
  optional: string[] = [],
): Json | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.add(
      place,
      'WRONG_TYPE',
      `${place.zh}应为一组设置(对象)`,
      `${place.en} must be an object`,
    );
    return null;
  }
  const record = value as Json;
  for (const key of required) {
    if (record[key] === undefined) {
      const at = place.path ? `${place.path}.${key}` : key;
      const [zh, en] = KEY_LABELS[key] ?? [key, key];
      issues.add(
        at,
        'MISSING_FIELD',
        `${place.zh}缺少“${zh}”设置`,
        `${place.en} is missing its ${en} setting`,
      );
    }
  }
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) {
      const at = place.path ? `${place.path}.${key}` : key;
      issues.add(
        at,
        'UNKNOWN_FIELD',
        `${place.zh}含有无法识别的设置“${key}”`,
        `${place.en} has an unknown setting "${key}"`,
      );
    }
  }
  return record;
}

function array(value: unknown, place: Place, issues: Issues): unknown[] | null {
  if (value === undefined) return null; // reported as MISSING_FIELD by the parent
  if (!Array.isArray(value)) {
    issues.add(place, 'WRONG_TYPE', `${place.zh}应为列表`, `${place.en} must be a list`);
    return null;
  }
  return value;
}

function finite(value: unknown, place: Place, issues: Issues): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number') {
    issues.add(place, 'WRONG_TYPE', `${place.zh}应为数字`, `${place.en} must be a number`);
    return null;
  }
  if (!Number.isFinite(value)) {
    issues.add(
      place,
      'NOT_FINITE',
      `${place.zh}应为有限的数字`,
      `${place.en} must be a finite number`,
    );
    return null;
  }
  return value;
}

function integer(value: unknown, place: Place, issues: Issues): number | null {
  const n = finite(value, place, issues);
  if (n === null) return null;
  if (!Number.isSafeInteger(n)) {
    issues.add(place, 'NOT_INTEGER', `${place.zh}应为整数`, `${place.en} must be a whole number`);
    return null;
  }
  return n;
}

/** A percentage 0..100 with at most two decimals. */
function percent(value: unknown, place: Place, issues: Issues): number | null {
  const n = finite(value, place, issues);
  if (n === null) return null;
  if (n < 0 || n > 100) {
    issues.add(
      place,
      'PCT_OUT_OF_RANGE',
      `${place.zh}应在 0% 至 100% 之间`,
      `${place.en} must be from 0% to 100%`,
    );
    return null;
  }
  if (toHundredths(n) === null) {
    issues.add(
      place,
      'PCT_TOO_PRECISE',
      `${place.zh}最多保留两位小数(如 12.5%)`,
      `${place.en} may have at most two decimals (e.g. 12.5%)`,
    );
    return null;
  }
  return n;
}

/** An area boundary in m², 0..MAX_BAND_M2, at most two decimals; returned in centi-m². */
function areaBound(value: unknown, place: Place, issues: Issues): bigint | null {
  const n = finite(value, place, issues);
  if (n === null) return null;
  if (n < 0 || n > MAX_BAND_M2) {
    issues.add(
      place,
      'AREA_OUT_OF_RANGE',
      `${place.zh}应在 0 至 1,000万㎡ 之间`,
      `${place.en} must be from 0 to 10,000,000 m²`,
    );
    return null;
  }
  const centi = toHundredths(n);
  if (centi === null) {
    issues.add(
      place,
      'AREA_TOO_PRECISE',
      `${place.zh}最多保留两位小数`,
      `${place.en} may have at most two decimals`,
    );
  }
  return centi;
}

// ---------------------------------------------------------------------------------------------
// Floor tiers

interface ParsedFloorTier {
  from: number;
  to: number | null;
}

function checkFloorTiers(value: unknown, place: Place, issues: Issues): void {
  const tiers = array(value, place, issues);
  if (!tiers) return;
  if (tiers.length === 0) {
    issues.add(
      place,
      'FLOOR_TIERS_EMPTY',
      '楼层阶梯至少需要一档(如“1层及以上 减0%”)',
      'Floor tiers need at least one tier (e.g. "floor 1 and above, 0% off")',
    );
    return;
  }
  const parsed = tiers.map((tier, i) =>
    parseFloorTier(tier, item(place, i, `楼层阶梯第${i + 1}档`, `Floor tier ${i + 1}`), issues),
  );
  if (parsed.some((t) => t === null)) return;
  checkFloorSequence(parsed as ParsedFloorTier[], place, issues);
}

function parseFloorTier(value: unknown, place: Place, issues: Issues): ParsedFloorTier | null {
  const tier = object(value, place, issues, ['fromFloor', 'toFloor', 'discountPct']);
  if (!tier) return null;
  const from = integer(
    tier.fromFloor,
    field(place, 'fromFloor', '起始楼层', 'first floor'),
    issues,
  );
  const toPlace = field(place, 'toFloor', '结束楼层', 'last floor');
  const to = tier.toFloor === null ? null : integer(tier.toFloor, toPlace, issues);
  const pct = percent(tier.discountPct, field(place, 'discountPct', '折扣', 'discount'), issues);
  if (from === null || (to === null && tier.toFloor !== null) || pct === null) return null;
  if (to !== null && to < from) {
    issues.add(
      toPlace,
      'FLOOR_TIER_RANGE_INVALID',
      `${place.zh}的结束楼层(${to}层)不能低于起始楼层(${from}层)`,
      `${place.en} ends (floor ${to}) below where it starts (floor ${from})`,
    );
    return null;
  }
  return { from, to };
}

function checkFloorSequence(tiers: ParsedFloorTier[], place: Place, issues: Issues): void {
  const at = (i: number, key: string) => `${place.path}[${i}].${key}`;
  if (tiers[0]!.from !== 1) {
    issues.add(
      at(0, 'fromFloor'),
      'FLOOR_TIER_FIRST_NOT_ONE',
      `楼层阶梯第1档应从1层开始,现为${tiers[0]!.from}层`,
      `Floor tier 1 must start at floor 1, not floor ${tiers[0]!.from}`,
    );
  }
  for (let i = 1; i < tiers.length; i += 1) {
    const prev = tiers[i - 1]!;
    const tier = tiers[i]!;
    if (prev.to === null) {
      issues.add(
        at(i - 1, 'toFloor'),
        'FLOOR_TIER_OPEN_NOT_LAST',
        `只有最后一档可以不设结束楼层(“及以上”),第${i}档后面还有档位`,
        `Only the last tier may be open-ended ("and above"); tier ${i} is followed by tier ${i + 1}`,
      );
      continue;
    }
    const expected = prev.to + 1;
    if (tier.from > expected) {
      issues.add(
        at(i, 'fromFloor'),
        'FLOOR_TIER_GAP',
        `楼层阶梯第${i + 1}档应从${expected}层开始(紧接第${i}档的${prev.to}层),现为${tier.from}层,中间有空档`,
        `Floor tier ${i + 1} must start at floor ${expected}, right after tier ${i} ends (floor ${prev.to}); starting at floor ${tier.from} leaves a gap`,
      );
    } else if (tier.from < expected) {
      issues.add(
        at(i, 'fromFloor'),
        'FLOOR_TIER_OVERLAP',
        `楼层阶梯第${i + 1}档应从${expected}层开始(紧接第${i}档的${prev.to}层),现为${tier.from}层,与上一档重叠`,
        `Floor tier ${i + 1} must start at floor ${expected}, right after tier ${i} ends (floor ${prev.to}); starting at floor ${tier.from} overlaps it`,
      );
    }
  }
  const last = tiers.length - 1;
  if (tiers[last]!.to !== null) {
    issues.add(
      at(last, 'toFloor'),
      'FLOOR_TIER_LAST_NOT_OPEN',
      `楼层阶梯最后一档应不设结束楼层(“${tiers[last]!.from}层及以上”),否则更高楼层没有对应档位`,
      `The last floor tier must be open-ended ("floor ${tiers[last]!.from} and above") so that every higher floor has a tier`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Area tiers

interface ParsedBand {
  from: bigint;
  to: bigint | null;
}

function checkAreaTiers(value: unknown, place: Place, issues: Issues): void {
  const tiers = object(value, place, issues, ['mode', 'bands']);
  if (!tiers) return;
  if (tiers.mode !== undefined && !(AREA_TIER_MODES as readonly unknown[]).includes(tiers.mode)) {
    issues.add(
      `${place.path}.mode`,
      'AREA_MODE_INVALID',
      '面积阶梯的计算方式应为“分段累进”(marginal)或“按整体面积”(whole)',
      'The area tier mode must be "marginal" or "whole"',
    );
  }
  const bandsPlace = field(place, 'bands', '档位', 'bands');
  const bands = array(tiers.bands, bandsPlace, issues);
  if (!bands) return;
  if (bands.length === 0) {
    issues.add(
      bandsPlace,
      'AREA_BANDS_EMPTY',
      '面积阶梯至少需要一档;不设面积优惠时请关闭面积阶梯',
      'Area tiers need at least one band; turn area tiers off if there is no area discount',
    );
    return;
  }
  const parsed = bands.map((band, i) =>
    parseBand(band, item(bandsPlace, i, `面积阶梯第${i + 1}档`, `Area band ${i + 1}`), issues),
  );
  if (parsed.some((b) => b === null)) return;
  checkBandSequence(parsed as ParsedBand[], bandsPlace, issues);
}

function parseBand(value: unknown, place: Place, issues: Issues): ParsedBand | null {
  const band = object(value, place, issues, ['fromM2', 'toM2', 'discountPct']);
  if (!band) return null;
  const from = areaBound(band.fromM2, field(place, 'fromM2', '起点面积', 'start'), issues);
  const toPlace = field(place, 'toM2', '终点面积', 'end');
  const to = band.toM2 === null ? null : areaBound(band.toM2, toPlace, issues);
  const pct = percent(band.discountPct, field(place, 'discountPct', '折扣', 'discount'), issues);
  if (from === null || (to === null && band.toM2 !== null) || pct === null) return null;
  if (to !== null && to <= from) {
    issues.add(
      toPlace,
      'AREA_BAND_RANGE_INVALID',
      `${place.zh}的终点(${formatAreaCenti(to, 'zh-CN')})应大于起点(${formatAreaCenti(from, 'zh-CN')})`,
      `${place.en} must end (${formatAreaCenti(to, 'en')}) above where it starts (${formatAreaCenti(from, 'en')})`,
    );
    return null;
  }
  return { from, to };
}

function checkBandSequence(bands: ParsedBand[], place: Place, issues: Issues): void {
  const at = (i: number, key: string) => `${place.path}[${i}].${key}`;
  if (bands[0]!.from !== 0n) {
    issues.add(
      at(0, 'fromM2'),
      'AREA_BAND_FIRST_NOT_ZERO',
      `面积阶梯第1档应从 0㎡ 开始,现为 ${formatAreaCenti(bands[0]!.from, 'zh-CN')}`,
      `Area band 1 must start at 0 m², not ${formatAreaCenti(bands[0]!.from, 'en')}`,
    );
  }
  for (let i = 1; i < bands.length; i += 1) {
    const prev = bands[i - 1]!;
    const band = bands[i]!;
    if (prev.to === null) {
      issues.add(
        at(i - 1, 'toM2'),
        'AREA_BAND_OPEN_NOT_LAST',
        `只有最后一档可以不设终点(“及以上”),第${i}档后面还有档位`,
        `Only the last band may be open-ended ("and above"); band ${i} is followed by band ${i + 1}`,
      );
      continue;
    }
    if (band.from === prev.to) continue;
    const code = band.from > prev.to ? 'AREA_BAND_GAP' : 'AREA_BAND_OVERLAP';
    const zhWhy = band.from > prev.to ? '中间有空档' : '与上一档重叠';
    const enWhy = band.from > prev.to ? 'leaves a gap' : 'overlaps it';
    issues.add(
      at(i, 'fromM2'),
      code,
      `面积阶梯第${i + 1}档的起点应等于上一档的终点 ${formatAreaCenti(prev.to, 'zh-CN')},现为 ${formatAreaCenti(band.from, 'zh-CN')},${zhWhy}`,
      `Area band ${i + 1} must start where band ${i} ends (${formatAreaCenti(prev.to, 'en')}); starting at ${formatAreaCenti(band.from, 'en')} ${enWhy}`,
    );
  }
  const last = bands.length - 1;
  if (bands[last]!.to !== null) {
    issues.add(
      at(last, 'toM2'),
      'AREA_BAND_LAST_NOT_OPEN',
      `面积阶梯最后一档应不设终点(“${formatAreaCenti(bands[last]!.from, 'zh-CN')}以上”),否则更大的面积没有对应档位`,
      `The last area band must be open-ended ("${formatAreaCenti(bands[last]!.from, 'en')} and above") so that every larger area has a band`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Stacking and terms

function checkStacking(value: unknown, place: Place, issues: Issues): void {
  if (value === undefined) return;
  const isRecord = value !== null && typeof value === 'object' && !Array.isArray(value);
  const mode = isRecord ? (value as Json).mode : undefined;
  if (isRecord && mode !== 'additive' && mode !== 'best_of') {
    issues.add(
      `${place.path}.mode`,
      'STACKING_MODE_INVALID',
      '叠加方式应为“相加封顶”(additive)或“取最优”(best_of)',
      'The stacking mode must be "additive" or "best_of"',
    );
    return;
  }
  const stacking = object(
    value,
    place,
    issues,
    mode === 'additive' ? ['mode', 'capPct'] : ['mode'],
  );
  if (!stacking || mode !== 'additive') return;
  const capPlace = field(place, 'capPct', '上限', 'cap');
  const cap = percent(stacking.capPct, capPlace, issues);
  if (cap === 0) {
    issues.add(
      capPlace,
      'CAP_NOT_POSITIVE',
      '叠加上限应大于 0%,否则所有楼层、面积、年度优惠都不生效',
      'The stacking cap must be above 0%, otherwise no floor, area or yearly discount applies',
    );
  }
}

/** Checks the term fields; returns the standard maximum when it is usable. */
function checkTerms(root: Json, issues: Issues): number | null {
  const minTerm = integer(
    root.minTermMonths,
    field(ROOT, 'minTermMonths', '最短租期', 'Minimum term'),
    issues,
  );
  const stdPlace = field(ROOT, 'standardMaxTermMonths', '标准最长租期', 'Standard maximum term');
  const standardMax = integer(root.standardMaxTermMonths, stdPlace, issues);
  const range = `1 至 ${MAX_POLICY_TERM_MONTHS} 个月`;
  const rangeEn = `from 1 to ${MAX_POLICY_TERM_MONTHS} months`;
  let minOk = minTerm !== null;
  if (minTerm !== null && (minTerm < 1 || minTerm > MAX_POLICY_TERM_MONTHS)) {
    issues.add(
      'minTermMonths',
      'MIN_TERM_OUT_OF_RANGE',
      `最短租期应为${range}`,
      `The minimum term must be ${rangeEn}`,
    );
    minOk = false;
  }
  if (standardMax === null) return null;
  if (standardMax < 1 || standardMax > MAX_POLICY_TERM_MONTHS) {
    issues.add(
      stdPlace,
      'STANDARD_MAX_TERM_OUT_OF_RANGE',
      `标准最长租期应为${range}`,
      `The standard maximum term must be ${rangeEn}`,
    );
    return null;
  }
  if (minOk && minTerm! > standardMax) {
    issues.add(
      stdPlace,
      'TERMS_INVERTED',
      `标准最长租期(${standardMax}个月)不能短于最短租期(${minTerm}个月)`,
      `The standard maximum term (${standardMax} months) cannot be shorter than the minimum term (${minTerm} months)`,
    );
  }
  return standardMax;
}

// ---------------------------------------------------------------------------------------------
// Incentive groups

function checkIncentives(
  value: unknown,
  place: Place,
  standardMax: number | null,
  issues: Issues,
): void {
  const groups = array(value, place, issues);
  if (!groups) return;
  const seen = new Set<Qualification>();
  groups.forEach((group, i) => {
    const q = isRecordWith(group, 'qualification');
    const name = (QUALIFICATIONS as readonly unknown[]).includes(q)
      ? QUALIFICATION_LABELS[q as Qualification]
      : null;
    const groupPlace = item(
      place,
      i,
      `专项优惠第${i + 1}组${name ? `(${name['zh-CN']})` : ''}`,
      `Incentive group ${i + 1}${name ? ` (${name.en})` : ''}`,
    );
    checkGroup(group, groupPlace, standardMax, seen, issues);
  });
}

function isRecordWith(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)[key]
    : undefined;
}

function checkGroup(
  value: unknown,
  place: Place,
  standardMax: number | null,
  seen: Set<Qualification>,
  issues: Issues,
): void {
  const group = object(
    value,
    place,
    issues,
    ['qualification', 'yearDiscountPcts', 'rentFreeMonths', 'deferral', 'maxTermMonths'],
    ['specialisedLevels'],
  );
  if (!group) return;
  const qualification = checkQualification(group.qualification, place, seen, issues);
  checkSpecialisedLevels(group, qualification, place, issues);
  checkYearDiscounts(
    group.yearDiscountPcts,
    field(place, 'yearDiscountPcts', '逐年优惠', 'yearly discounts'),
    issues,
  );
  const rentFreePlace = field(place, 'rentFreeMonths', '免租月数', 'rent-free months');
  const rentFree = integer(group.rentFreeMonths, rentFreePlace, issues);
  if (rentFree !== null) checkRentFree(rentFree, rentFreePlace, standardMax, issues);
  const maxTerm = checkGroupMaxTerm(
    group.maxTermMonths,
    field(place, 'maxTermMonths', '最长租期', 'longest term'),
    standardMax,
    issues,
  );
  if (group.deferral !== null && group.deferral !== undefined) {
    checkDeferral(
      group.deferral,
      field(place, 'deferral', '租金缓交', 'deferral'),
      maxTerm,
      rentFree !== null && rentFree > 0 ? rentFree : 0,
      issues,
    );
  }
}

/** 0 ≤ rent-free months ≤ standard maximum term − 1 (the upper bound only when that term is usable). */
function checkRentFree(
  months: number,
  place: Place,
  standardMax: number | null,
  issues: Issues,
): void {
  if (months < 0) {
    issues.add(
      place,
      'RENT_FREE_OUT_OF_RANGE',
      `${place.zh}不能为负数`,
      `${place.en} cannot be negative`,
    );
  } else if (standardMax !== null && months > standardMax - 1) {
    issues.add(
      place,
      'RENT_FREE_OUT_OF_RANGE',
      `${place.zh}应在 0 至 ${standardMax - 1} 个月之间(短于标准最长租期 ${standardMax} 个月)`,
      `${place.en} must be from 0 to ${standardMax - 1} (shorter than the standard maximum term of ${standardMax} months)`,
    );
  }
}

function checkQualification(
  value: unknown,
  place: Place,
  seen: Set<Qualification>,
  issues: Issues,
): Qualification | null {
  if (value === undefined) return null;
  const at = field(place, 'qualification', '资格类型', 'qualification');
  if (!(QUALIFICATIONS as readonly unknown[]).includes(value)) {
    issues.add(
      at,
      'QUALIFICATION_INVALID',
      `${place.zh}的资格类型应为三大主导产业项目、高新技术企业或专精特新企业之一`,
      `${place.en}: the qualification must be one of ${QUALIFICATIONS.join(', ')}`,
    );
    return null;
  }
  const q = value as Qualification;
  if (seen.has(q)) {
    issues.add(
      at,
      'QUALIFICATION_DUPLICATE',
      `“${QUALIFICATION_LABELS[q]['zh-CN']}”已有一组优惠,每种资格只能设一组`,
      `There is already a group for "${QUALIFICATION_LABELS[q].en}"; each qualification may have only one group`,
    );
  }
  seen.add(q);
  return q;
}

function checkSpecialisedLevels(
  group: Json,
  qualification: Qualification | null,
  place: Place,
  issues: Issues,
): void {
  const levelsPlace = field(place, 'specialisedLevels', '专精特新等级', 'specialised levels');
  const levels = group.specialisedLevels;
  if (qualification !== 'specialised') {
    if (levels !== undefined && qualification !== null) {
      issues.add(
        levelsPlace,
        'SPECIALISED_LEVELS_NOT_ALLOWED',
        `${place.zh}不是专精特新优惠,不应设置专精特新等级`,
        `${place.en} is not the specialised-SME group and must not list specialised levels`,
      );
    }
    return;
  }
  const list = levels === undefined ? [] : array(levels, levelsPlace, issues);
  if (!list) return;
  if (list.length === 0) {
    issues.add(
      levelsPlace,
      'SPECIALISED_LEVELS_REQUIRED',
      '专精特新优惠至少要选择一个适用等级(市级、省级、国家级“小巨人”)',
      'The specialised-SME group must name at least one qualifying level (municipal, provincial, national little giant)',
    );
    return;
  }
  const seen = new Set<unknown>();
  list.forEach((level, k) => {
    const at = `${levelsPlace.path}[${k}]`;
    if (!(SPECIALISED_LEVELS as readonly unknown[]).includes(level)) {
      issues.add(
        at,
        'SPECIALISED_LEVEL_INVALID',
        `专精特新等级第${k + 1}项应为市级、省级或国家级“小巨人”`,
        `Specialised level ${k + 1} must be one of ${SPECIALISED_LEVELS.join(', ')}`,
      );
    } else if (seen.has(level)) {
      issues.add(
        at,
        'SPECIALISED_LEVEL_DUPLICATE',
        `专精特新等级第${k + 1}项重复`,
        `Specialised level ${k + 1} is listed twice`,
      );
    }
    seen.add(level);
  });
}

function checkYearDiscounts(value: unknown, place: Place, issues: Issues): void {
  const pcts = array(value, place, issues);
  if (!pcts) return;
  if (pcts.length > MAX_YEAR_DISCOUNTS) {
    issues.add(
      place,
      'YEAR_DISCOUNTS_TOO_MANY',
      `${place.zh}最多设 ${MAX_YEAR_DISCOUNTS} 年`,
      `${place.en} may list at most ${MAX_YEAR_DISCOUNTS} years`,
    );
  }
  pcts.forEach((pct, k) => {
    const at: Place = {
      path: `${place.path}[${k}]`,
      zh: `${place.zh}第${k + 1}年`,
      en: `${place.en}, year ${k + 1}`,
    };
    percent(pct, at, issues);
  });
}

function checkGroupMaxTerm(
  value: unknown,
  place: Place,
  standardMax: number | null,
  issues: Issues,
): number | null {
  const maxTerm = integer(value, place, issues);
  if (maxTerm === null) return null;
  if (maxTerm > MAX_POLICY_TERM_MONTHS) {
    issues.add(
      place,
      'MAX_TERM_TOO_LONG',
      `${place.zh}不能超过 ${MAX_POLICY_TERM_MONTHS} 个月`,
      `${place.en} cannot exceed ${MAX_POLICY_TERM_MONTHS} months`,
    );
    return null;
  }
  if (standardMax !== null && maxTerm < standardMax) {
    issues.add(
      place,
      'MAX_TERM_BELOW_STANDARD',
      `${place.zh}(${maxTerm}个月)不能短于标准最长租期 ${standardMax} 个月`,
      `${place.en} (${maxTerm} months) cannot be shorter than the standard maximum term of ${standardMax} months`,
    );
    return null;
  }
  return maxTerm;
}

/** Deferral starts after the rent-free months: rent-free + deferred + repayment ≤ longest term. */
function checkDeferral(
  value: unknown,
  place: Place,
  maxTerm: number | null,
  rentFree: number,
  issues: Issues,
): void {
  const deferral = object(value, place, issues, ['months', 'repayOverMonths']);
  if (!deferral) return;
  const monthsPlace = field(place, 'months', '缓交月数', 'deferred months');
  const repayPlace = field(place, 'repayOverMonths', '偿还月数', 'repayment months');
  const months = integer(deferral.months, monthsPlace, issues);
  const repay = integer(deferral.repayOverMonths, repayPlace, issues);
  if (months !== null && months < 1) {
    issues.add(
      monthsPlace,
      'DEFERRAL_MONTHS_OUT_OF_RANGE',
      `${monthsPlace.zh}至少为 1 个月;不缓交时请关闭缓交`,
      `${monthsPlace.en} must be at least 1; turn deferral off if there is none`,
    );
  }
  if (repay !== null && repay < 1) {
    issues.add(
      repayPlace,
      'DEFERRAL_REPAY_OUT_OF_RANGE',
      `${repayPlace.zh}至少为 1 个月`,
      `${repayPlace.en} must be at least 1`,
    );
  }
  if (
    months !== null &&
    repay !== null &&
    maxTerm !== null &&
    months >= 1 &&
    repay >= 1 &&
    rentFree + months + repay > maxTerm
  ) {
    const freeZh = rentFree > 0 ? `免租 ${rentFree} 个月、` : '';
    const freeEn = rentFree > 0 ? `${rentFree} rent-free, ` : '';
    issues.add(
      place,
      'DEFERRAL_TOO_LONG',
      `${place.zh}:${freeZh}缓交 ${months} 个月加偿还 ${repay} 个月超过了该组最长租期 ${maxTerm} 个月`,
      `${place.en}: ${freeEn}${months} deferred plus ${repay} repayment months exceed the group's longest term of ${maxTerm} months`,
    );
  }
}
