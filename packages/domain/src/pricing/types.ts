/**
 * The rent engine's vocabulary (梯度优惠, 租金缓交, 延长租期). A zone's rent policy is a JSON
 * document (`RentPolicyRules`) stored per policy version; the engine turns it, a unit, an
 * applicant's profile and a lease term into a monthly schedule. Everything here is plain data so
 * the API stores it as jsonb and the browser runs the same engine.
 *
 * Units: money in integer fen (1 yuan = 100 fen); rents in fen per m² per month; areas in m²
 * with at most two decimals; percentages as numbers from 0 to 100 with at most two decimals.
 */
import type { SpecialisedLevel } from '../accounts';

/** A floor band: floors `fromFloor`..`toFloor` (inclusive; `toFloor` null = and above). */
export interface FloorTier {
  fromFloor: number;
  toFloor: number | null;
  discountPct: number;
}

/** An area band: from `fromM2` (inclusive) up to `toM2` (exclusive; null = and above). */
export interface AreaBand {
  fromM2: number;
  toM2: number | null;
  discountPct: number;
}

/**
 * `marginal`: like tax brackets, each band's rate applies to the part of the area inside it.
 * `whole`: the band the unit's total area falls in sets the rate for the whole area.
 */
export const AREA_TIER_MODES = ['marginal', 'whole'] as const;
export type AreaTierMode = (typeof AREA_TIER_MODES)[number];

export interface AreaTiers {
  mode: AreaTierMode;
  bands: AreaBand[];
}

/** The three groups the special policy names (三大主导产业项目, 高新技术企业, 专精特新企业). */
export const QUALIFICATIONS = ['leading_industry', 'high_tech', 'specialised'] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];

/** Deferral (租金缓交): the first `months` months' rent is deferred, then repaid in equal parts. */
export interface DeferralRule {
  months: number;
  repayOverMonths: number;
}

/** What one qualification brings. */
export interface IncentiveGroup {
  qualification: Qualification;
  /** For `specialised` only: the 专精特新 levels that qualify (at least one). */
  specialisedLevels?: SpecialisedLevel[];
  /** Discount by lease year: index 0 = year 1 (months 1–12). Years beyond the list get none. */
  yearDiscountPcts: number[];
  /** The first N months of the lease are free (免租期). */
  rentFreeMonths: number;
  deferral: DeferralRule | null;
  /** The longest term this group may sign (延长租期); at least the policy's standard maximum. */
  maxTermMonths: number;
}

/**
 * How the percentage discounts of one month combine (floor tier, area tier, year discount):
 * `additive` sums them and caps the sum at `capPct`; `best_of` takes the largest one.
 */
export type StackingRule = { mode: 'additive'; capPct: number } | { mode: 'best_of' };

export interface RentPolicyRules {
  floorTiers: FloorTier[];
  /** null = no area tiers. */
  areaTiers: AreaTiers | null;
  incentives: IncentiveGroup[];
  stacking: StackingRule;
  /** No month (other than a rent-free month) is charged less than this, per m² (fen). 0 = none. */
  minRentFenPerM2: number;
  minTermMonths: number;
  /** Longest term without a qualification. */
  standardMaxTermMonths: number;
}

/** The applicant's qualifications as claimed for a quote (evidence is checked on application). */
export interface ApplicantProfile {
  leadingIndustry: boolean;
  highTech: boolean;
  specialisedLevel: SpecialisedLevel | null;
}

/** What the engine needs of a unit. */
export interface QuoteUnit {
  /** List rent, fen per m² per month. */
  listRentFenPerM2: number;
  /** Gross area in m² (two decimals at most). */
  areaM2: number;
  /** The lowest floor the unit occupies; it sets the floor tier. */
  floor: number;
}

export interface QuoteInput {
  unit: QuoteUnit;
  rules: RentPolicyRules;
  profile: ApplicantProfile;
  termMonths: number;
  /** First day of the lease, YYYY-MM-DD. */
  startDate: string;
}

/** Which rule produced a discount on a line. */
export type DiscountKind = 'floor' | 'area' | 'year' | 'rent_free' | 'min_rent';

export interface LineDiscount {
  kind: DiscountKind;
  /** For `year` and `rent_free`: the qualification whose incentive gave it. */
  qualification?: Qualification;
  /**
   * The rule's own rate for this month (for `area` in marginal mode, the blended rate), before
   * stacking. For `min_rent` the (negative) adjustment that lifts the month back to the floor.
   */
  pct: number;
  /**
   * This rule's share of the line's discount, fen. The shares add up exactly to the line's
   * `discountFen` (largest-remainder allocation); `min_rent` carries a negative amount.
   */
  amountFen: number;
}

export interface QuoteLine {
  /** 1-based month of the lease. */
  month: number;
  /** 1-based lease year. */
  leaseYear: number;
  /** The first day of this month of the lease, YYYY-MM-DD. */
  periodStart: string;
  listFen: number;
  discounts: LineDiscount[];
  discountFen: number;
  /** Rent for the month after discounts: `listFen - discountFen`. */
  rentFen: number;
  /** Part of this month's rent deferred to later months. */
  deferredFen: number;
  /** Repayment of earlier deferred rent falling in this month. */
  repaidFen: number;
  /** What is paid for this month: `rentFen - deferredFen + repaidFen`. */
  dueFen: number;
}

export interface QuoteTotals {
  listFen: number;
  discountFen: number;
  rentFen: number;
  deferredFen: number;
  repaidFen: number;
  dueFen: number;
  /** `listFen - rentFen`. */
  savingsFen: number;
  /** Total rent ÷ area ÷ months, fen per m² per month, two decimals. */
  effectiveRentFenPerM2: number;
  /** Savings as a share of the list total, percent with two decimals. */
  savingsPct: number;
}

/** One sentence of the explanation, in both languages. */
export interface ExplanationLine {
  code: string;
  zh: string;
  en: string;
}

export interface QuoteResult {
  termMonths: number;
  startDate: string;
  /** The longest term this profile may sign under the policy. */
  maxTermMonths: number;
  /** The qualifications of the profile that the policy rewards. */
  appliedQualifications: Qualification[];
  lines: QuoteLine[];
  totals: QuoteTotals;
  explanation: ExplanationLine[];
}

/** A problem in a policy document; `path` points into the JSON (e.g. `floorTiers[1].fromFloor`). */
export interface PolicyIssue {
  path: string;
  code: string;
  zh: string;
  en: string;
}

/** Why a quote cannot be computed (term outside the policy's range, invalid input). */
export class QuoteInputError extends Error {
  constructor(
    readonly code: 'TERM_OUT_OF_RANGE' | 'INVALID_START_DATE' | 'INVALID_UNIT' | 'INVALID_POLICY',
    readonly zh: string,
    readonly en: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(en);
    this.name = 'QuoteInputError';
  }
}

/** Whether a unit of this floor and area gets any floor or area tier discount (the coverage figure). */
export interface TierCoverage {
  floorPct: number;
  /** Blended area-tier rate for the unit's area. */
  areaPct: number;
  covered: boolean;
}
