/**
 * Step 1 of a quote: check the input and work out everything that does not depend on the month
 * (rates, the qualifying groups, which group gives the rent-free months, the deferral and the
 * longest term). Throws `QuoteInputError` when a quote cannot be computed.
 */
import { isIsoDate } from '../dates';
import { toHundredths } from './money';
import { qualifyingGroups } from './qualifications';
import { type AreaDiscount, areaDiscountFor, basisPoints, floorTierFor } from './tiers';
import { QuoteInputError } from './types';
import type { FloorTier, IncentiveGroup, Qualification, QuoteInput } from './types';
import { validateRentPolicy } from './validate';

/** Bounds of a unit the engine accepts (the units table allows the same). */
export const MAX_LIST_RENT_FEN_PER_M2 = 100_000;
export const MAX_AREA_M2 = 1_000_000;

export interface RentFreePlan {
  /** Months 1..months are free (capped at the term). */
  months: number;
  /** What the group offers, before capping at the term. */
  offered: number;
  qualification: Qualification;
}

export interface DeferralPlan {
  qualification: Qualification;
  /** What the group offers. */
  offeredMonths: number;
  offeredRepayOverMonths: number;
  /** The first deferred month: the first month after the rent-free months (R + 1). */
  firstMonth: number;
  /**
   * After clamping to the months left after the R rent-free ones: D = min(months, term − R − 1)
   * (at least 0) and P = min(repayOverMonths, term − R − D).
   */
  months: number;
  repayOverMonths: number;
}

export interface YearDiscount {
  bp: bigint;
  qualification: Qualification;
}

export interface QuotePlan {
  input: QuoteInput;
  rentFenPerM2: bigint;
  areaCenti: bigint;
  /** Qualifying groups in QUALIFICATIONS order. */
  groups: IncentiveGroup[];
  floorTier: FloorTier | null;
  floorBp: bigint;
  area: AreaDiscount | null;
  /** The additive cap in basis points; null for best_of. */
  capBp: bigint | null;
  minRentFenPerM2: bigint;
  rentFree: RentFreePlan | null;
  deferral: DeferralPlan | null;
  maxTermMonths: number;
  /** The group whose longer maximum applies, or null when the standard maximum does. */
  maxTermGroup: Qualification | null;
}

export function planQuote(input: QuoteInput): QuotePlan {
  checkPolicy(input);
  const { unit, rules, profile, termMonths } = input;
  const areaCenti = checkUnit(input);
  if (!isIsoDate(input.startDate)) {
    throw new QuoteInputError(
      'INVALID_START_DATE',
      `起租日期“${String(input.startDate)}”无效,应为 YYYY-MM-DD 格式的日期`,
      `The start date "${String(input.startDate)}" is not a valid YYYY-MM-DD date`,
    );
  }
  const groups = qualifyingGroups(rules, profile);
  const { maxTermMonths, maxTermGroup } = longestTerm(rules.standardMaxTermMonths, groups);
  checkTerm(termMonths, rules.minTermMonths, maxTermMonths);
  const floorTier = floorTierFor(rules.floorTiers, unit.floor);
  const rentFree = planRentFree(groups, termMonths);
  return {
    input,
    rentFenPerM2: BigInt(unit.listRentFenPerM2),
    areaCenti,
    groups,
    floorTier,
    floorBp: floorTier ? basisPoints(floorTier.discountPct) : 0n,
    area: rules.areaTiers ? areaDiscountFor(rules.areaTiers, areaCenti) : null,
    capBp: rules.stacking.mode === 'additive' ? basisPoints(rules.stacking.capPct) : null,
    minRentFenPerM2: BigInt(rules.minRentFenPerM2),
    rentFree,
    deferral: planDeferral(groups, termMonths, rentFree?.months ?? 0),
    maxTermMonths,
    maxTermGroup,
  };
}

/**
 * The year discount of a lease year: the largest `yearDiscountPcts[leaseYear − 1]` of the
 * qualifying groups (ties: the first in QUALIFICATIONS order); null when none is above 0.
 */
export function yearDiscountFor(
  groups: readonly IncentiveGroup[],
  leaseYear: number,
): YearDiscount | null {
  let best: YearDiscount | null = null;
  for (const group of groups) {
    const pct = group.yearDiscountPcts[leaseYear - 1] ?? 0;
    const bp = basisPoints(pct);
    if (bp > 0n && (best === null || bp > best.bp))
      best = { bp, qualification: group.qualification };
  }
  return best;
}

function checkPolicy(input: QuoteInput): void {
  const issues = validateRentPolicy(input.rules);
  if (issues.length > 0) {
    throw new QuoteInputError(
      'INVALID_POLICY',
      `租金政策有 ${issues.length} 处问题,无法测算:${issues[0]!.zh}`,
      `The rent policy has ${issues.length} problem(s), so no quote can be computed: ${issues[0]!.en}`,
      { issues },
    );
  }
}

/** Checks the unit and returns its area in centi-m². */
function checkUnit({ unit }: QuoteInput): bigint {
  const rent = unit?.listRentFenPerM2;
  if (!Number.isInteger(rent) || rent < 0 || rent > MAX_LIST_RENT_FEN_PER_M2) {
    throw new QuoteInputError(
      'INVALID_UNIT',
      `房源挂牌租金无效:应为 0 至 ${MAX_LIST_RENT_FEN_PER_M2} 分/㎡·月之间的整数`,
      `The unit's list rent is invalid: it must be a whole number of fen per m² per month from 0 to ${MAX_LIST_RENT_FEN_PER_M2}`,
      { field: 'listRentFenPerM2' },
    );
  }
  const areaCenti = typeof unit.areaM2 === 'number' ? toHundredths(unit.areaM2) : null;
  if (areaCenti === null || areaCenti <= 0n || unit.areaM2 > MAX_AREA_M2) {
    throw new QuoteInputError(
      'INVALID_UNIT',
      `房源面积无效:应大于 0、不超过 ${MAX_AREA_M2.toLocaleString('en')}㎡,最多两位小数`,
      `The unit's area is invalid: it must be above 0 and at most ${MAX_AREA_M2.toLocaleString('en')} m², with at most two decimals`,
      { field: 'areaM2' },
    );
  }
  if (!Number.isSafeInteger(unit.floor)) {
    throw new QuoteInputError(
      'INVALID_UNIT',
      '房源楼层无效:应为整数',
      "The unit's floor is invalid: it must be a whole number",
      { field: 'floor' },
    );
  }
  return areaCenti;
}

function checkTerm(term: number, min: number, max: number): void {
  if (!Number.isInteger(term) || term < min || term > max) {
    throw new QuoteInputError(
      'TERM_OUT_OF_RANGE',
      `租期应为 ${min} 至 ${max} 个月之间的整月数`,
      `The term must be a whole number of months from ${min} to ${max}`,
      { min, max },
    );
  }
}

function longestTerm(
  standardMax: number,
  groups: readonly IncentiveGroup[],
): { maxTermMonths: number; maxTermGroup: Qualification | null } {
  let maxTermMonths = standardMax;
  let maxTermGroup: Qualification | null = null;
  for (const group of groups) {
    if (group.maxTermMonths > maxTermMonths) {
      maxTermMonths = group.maxTermMonths;
      maxTermGroup = group.qualification;
    }
  }
  return { maxTermMonths, maxTermGroup };
}

/** The group with the most rent-free months (ties: QUALIFICATIONS order), capped at the term. */
function planRentFree(groups: readonly IncentiveGroup[], term: number): RentFreePlan | null {
  let best: IncentiveGroup | null = null;
  for (const group of groups) {
    if (group.rentFreeMonths > (best?.rentFreeMonths ?? 0)) best = group;
  }
  if (!best) return null;
  return {
    months: Math.min(best.rentFreeMonths, term),
    offered: best.rentFreeMonths,
    qualification: best.qualification,
  };
}

/**
 * The group with the longest deferral (ties: the longer repayment, then QUALIFICATIONS order).
 * Deferral starts with the first month that has rent, after the R rent-free months (a rent-free
 * month has nothing to defer), and is clamped so that at least one month is left to repay in:
 * D = max(0, min(months, term − R − 1)) and P = min(repayOverMonths, term − R − D).
 */
function planDeferral(
  groups: readonly IncentiveGroup[],
  term: number,
  rentFreeMonths: number,
): DeferralPlan | null {
  let best: IncentiveGroup | null = null;
  for (const group of groups) {
    const rule = group.deferral;
    const current = best?.deferral;
    if (!rule) continue;
    if (
      !current ||
      rule.months > current.months ||
      (rule.months === current.months && rule.repayOverMonths > current.repayOverMonths)
    ) {
      best = group;
    }
  }
  if (!best?.deferral) return null;
  const room = term - rentFreeMonths;
  const months = Math.max(0, Math.min(best.deferral.months, room - 1));
  return {
    qualification: best.qualification,
    offeredMonths: best.deferral.months,
    offeredRepayOverMonths: best.deferral.repayOverMonths,
    firstMonth: rentFreeMonths + 1,
    months,
    repayOverMonths: months === 0 ? 0 : Math.min(best.deferral.repayOverMonths, room - months),
  };
}
