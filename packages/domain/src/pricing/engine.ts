/**
 * The rent engine (梯度优惠, 免租期, 租金缓交, 延长租期): a policy, a unit, an applicant's profile,
 * a term and a start date in; a monthly schedule, its totals and a bilingual explanation out.
 * Pure and deterministic: the same input always gives the same (deep-equal) result, in Node and
 * in the browser.
 *
 * Rules, in the order they apply:
 *
 * 1. Exact arithmetic. Everything is BigInt: areas in centi-m² (m² × 100, integer), rates in basis
 *    points (percent × 100, integer), rents in fen per m² per month. A month's list amount is
 *    rent × area and every rate-based amount is rent × area × bp, so all amounts are exact
 *    integers of millionths of a fen (1 fen = 1,000,000). Nothing is rounded until rule 8.
 * 2. Months. Month i (1..term) starts at startDate + (i − 1) months, the day clamped to the end of
 *    the month (a lease starting 31 January has months starting 28/29 February, 31 March, …).
 *    Lease year = ceil(i / 12).
 * 3. Rate discounts of a month, each an exact amount before stacking:
 *    - floor: the rate of the floor tier containing the unit's lowest floor, × list (a floor
 *      below the first tier, e.g. a basement, gets none);
 *    - area, `whole` mode: the rate of the band containing the area, × list; `marginal` mode:
 *      Σ over bands of (area inside the band × rent × the band's rate). Its reported `pct` is the
 *      blended rate (amount ÷ list, as a percent rounded half up to two decimals);
 *    - year: each qualifying group offers `yearDiscountPcts[leaseYear − 1]` (0 beyond its list);
 *      the largest offer applies (ties: the first group in QUALIFICATIONS order) and names the
 *      `qualification`. Qualifying groups never stack with each other: every component (year
 *      rate, rent-free months, deferral, longest term) independently takes the most favourable
 *      qualifying group.
 *    A rule whose rate is 0 is not listed on the line.
 * 4. Stacking. `additive`: the discount is min(floor + area + year, capPct × list); when the cap
 *    bites, each rule's share is scaled down in proportion (exactly, as a fraction) and the
 *    explanation names the months. `best_of`: only the largest of the three applies (ties: floor,
 *    then area, then year); the others are NOT listed on the line, and the explanation says
 *    which rule was chosen in which months.
 * 5. Minimum rent. The discounted rent is never below min(list, minRentFenPerM2 × area); when it
 *    is lifted, a `min_rent` discount with a negative amount (and negative `pct`, the lift as a
 *    share of the list) is added.
 * 6. Rent-free months (免租期): months 1..R, R = the largest `rentFreeMonths` of the qualifying
 *    groups (ties: QUALIFICATIONS order), capped at the term. Rent 0, one `rent_free` discount of
 *    the whole list (pct 100) naming the group; rules 3–5 (including the minimum rent) do not
 *    apply to them.
 * 7. Rent never goes below 0: every rate is at most 100% and additive discounts are capped.
 * 8. Rounding — the one rule: `listFen` = exact list rounded half up to the fen; `rentFen` = exact
 *    discounted rent rounded half up to the fen; `discountFen` = listFen − rentFen. The per-rule
 *    `amountFen`s are the exact per-rule amounts allocated by largest remainder (each rounded
 *    down, the missing fen to the largest remainders, ties to the earlier rule) so they add up
 *    exactly to `discountFen`. Half up = halves away from zero; all rounded values here are ≥ 0.
 * 9. Deferral (租金缓交): the qualifying group with the largest `deferral.months` (ties: larger
 *    `repayOverMonths`, then QUALIFICATIONS order). Deferral starts with the first month that has
 *    rent, after the R rent-free months: D = max(0, min(months, term − R − 1)) months are
 *    deferred and P = min(repayOverMonths, term − R − D) months repay: months R+1..R+D have
 *    deferredFen = rentFen; months R+D+1..R+D+P each repay ⌊total deferred ÷ P⌋, the remainder
 *    fen going one each to the first repayment months. So Σ deferred = Σ repaid and Σ due =
 *    Σ rent: deferral moves money in time, never changes what is owed. A clamp is explained.
 * 10. Term: minTermMonths ≤ term ≤ maxTermFor(rules, profile) (the standard maximum, or the
 *    longest `maxTermMonths` of a qualifying group), else QuoteInputError TERM_OUT_OF_RANGE with
 *    details { min, max }. Other input errors: INVALID_POLICY (details { issues }),
 *    INVALID_UNIT, INVALID_START_DATE.
 * 11. Totals are plain sums of the lines; savingsFen = listFen − rentFen; effectiveRentFenPerM2 =
 *    total rent ÷ area ÷ term and savingsPct = savings ÷ list × 100 (0 when the list is 0), both
 *    computed exactly and rounded half up to two decimals.
 */
import { addMonthsClamped } from './calendar';
import { explainQuote, type MonthNote } from './explain';
import { allocateLargestRemainder, fromHundredths, roundHalfUpDiv } from './money';
import { planQuote, type QuotePlan, yearDiscountFor } from './plan';
import { minBig } from './tiers';
import type {
  DiscountKind,
  LineDiscount,
  QuoteInput,
  QuoteLine,
  QuoteResult,
  QuoteTotals,
} from './types';

/** Exact amounts are in millionths of a fen: fen/m² × centi-m² × basis points. */
const MICRO = 1_000_000n;
/** 100% in basis points. */
const FULL_BP = 10_000n;

/** Computes the monthly schedule of a lease. Throws `QuoteInputError` for input it cannot price. */
export function computeQuote(input: QuoteInput): QuoteResult {
  const plan = planQuote(input);
  const priced = Array.from({ length: input.termMonths }, (_, i) => priceMonth(plan, i + 1));
  const lines = priced.map((p) => p.line);
  applyDeferral(lines, plan);
  const totals = sumTotals(lines, plan);
  return {
    termMonths: input.termMonths,
    startDate: input.startDate,
    maxTermMonths: plan.maxTermMonths,
    appliedQualifications: plan.groups.map((g) => g.qualification),
    lines,
    totals,
    explanation: explainQuote(
      plan,
      lines,
      priced.map((p) => p.note),
      totals,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// One month

/** A discount before rounding: `exact ÷ denominator` fen (the denominator is the line's). */
interface ExactDiscount {
  kind: DiscountKind;
  qualification?: LineDiscount['qualification'];
  pct: number;
  exact: bigint;
}

function priceMonth(plan: QuotePlan, month: number): { line: QuoteLine; note: MonthNote } {
  const leaseYear = Math.ceil(month / 12);
  const listExact = plan.rentFenPerM2 * plan.areaCenti * FULL_BP;
  const listFen = roundHalfUpDiv(listExact, MICRO);
  const base = {
    month,
    leaseYear,
    periodStart: addMonthsClamped(plan.input.startDate, month - 1),
    listFen: Number(listFen),
    deferredFen: 0,
    repaidFen: 0,
  };
  if (plan.rentFree && month <= plan.rentFree.months) {
    const discount: LineDiscount = {
      kind: 'rent_free',
      qualification: plan.rentFree.qualification,
      pct: 100,
      amountFen: Number(listFen),
    };
    const line = {
      ...base,
      discounts: [discount],
      discountFen: Number(listFen),
      rentFen: 0,
      dueFen: 0,
    };
    return { line, note: { rentFree: true, capBit: false, chosen: null, lifted: false } };
  }

  const rates = rateDiscounts(plan, leaseYear);
  const stacked = stack(plan, rates, listExact);
  const lift = minimumRentLift(plan, listExact, listExact - stacked.totalExact);
  const discounts = lift ? [...stacked.discounts, lift.discount] : stacked.discounts;
  const numerators = [...stacked.numerators, ...(lift ? [-lift.exact * stacked.scale] : [])];
  const rentExact = listExact - stacked.totalExact + (lift?.exact ?? 0n);
  const rentFen = roundHalfUpDiv(rentExact, MICRO);
  const discountFen = listFen - rentFen;
  const amounts = allocateLargestRemainder(discountFen, numerators, MICRO * stacked.scale);
  const line: QuoteLine = {
    ...base,
    discounts: discounts.map((d, k) => ({ ...withoutExact(d), amountFen: Number(amounts[k]!) })),
    discountFen: Number(discountFen),
    rentFen: Number(rentFen),
    dueFen: Number(rentFen),
  };
  const chosen = plan.capBp === null ? (stacked.discounts[0]?.kind ?? null) : null;
  return { line, note: { rentFree: false, capBit: stacked.capBit, chosen, lifted: lift !== null } };
}

/** The floor, area and year discounts of a month with a rate above 0, as exact amounts. */
function rateDiscounts(plan: QuotePlan, leaseYear: number): ExactDiscount[] {
  const perBp = plan.rentFenPerM2 * plan.areaCenti;
  const discounts: ExactDiscount[] = [];
  if (plan.floorBp > 0n) {
    discounts.push({
      kind: 'floor',
      pct: fromHundredths(plan.floorBp),
      exact: perBp * plan.floorBp,
    });
  }
  if (plan.area && plan.area.weighted > 0n) {
    const exact = plan.rentFenPerM2 * plan.area.weighted;
    discounts.push({ kind: 'area', pct: fromHundredths(plan.area.blendedBp), exact });
  }
  const year = yearDiscountFor(plan.groups, leaseYear);
  if (year) {
    const { bp, qualification } = year;
    discounts.push({ kind: 'year', qualification, pct: fromHundredths(bp), exact: perBp * bp });
  }
  return discounts;
}

interface Stacked {
  discounts: ExactDiscount[];
  /** Each discount's exact amount is numerators[k] ÷ (MICRO × scale) fen. */
  numerators: bigint[];
  scale: bigint;
  /** The stacked discount in millionths of a fen. */
  totalExact: bigint;
  capBit: boolean;
}

/** Rule 4: additive with a cap (shares scaled down in proportion when it bites), or best_of. */
function stack(plan: QuotePlan, rates: ExactDiscount[], listExact: bigint): Stacked {
  if (plan.capBp === null) {
    const best = rates.reduce<ExactDiscount | null>(
      (a, d) => (a === null || d.exact > a.exact ? d : a),
      null,
    );
    const discounts = best ? [best] : [];
    const totalExact = best?.exact ?? 0n;
    return {
      discounts,
      numerators: discounts.map((d) => d.exact),
      scale: 1n,
      totalExact,
      capBit: false,
    };
  }
  const sum = rates.reduce((total, d) => total + d.exact, 0n);
  const cap = (listExact * plan.capBp) / FULL_BP; // exact: listExact is a multiple of FULL_BP
  if (sum <= cap) {
    return {
      discounts: rates,
      numerators: rates.map((d) => d.exact),
      scale: 1n,
      totalExact: sum,
      capBit: false,
    };
  }
  // Share k = exact_k × cap ÷ sum; over the common denominator MICRO × sum.
  return {
    discounts: rates,
    numerators: rates.map((d) => d.exact * cap),
    scale: sum,
    totalExact: cap,
    capBit: true,
  };
}

/** Rule 5: the lift back to min(list, minimum rent × area), or null when none is needed. */
function minimumRentLift(
  plan: QuotePlan,
  listExact: bigint,
  discountedExact: bigint,
): { discount: ExactDiscount; exact: bigint } | null {
  const floorExact = minBig(listExact, plan.minRentFenPerM2 * plan.areaCenti * FULL_BP);
  if (discountedExact >= floorExact) return null;
  const exact = floorExact - discountedExact;
  const pct = fromHundredths(roundHalfUpDiv(-exact * FULL_BP, listExact));
  return { discount: { kind: 'min_rent', pct, exact: -exact }, exact };
}

function withoutExact({
  exact: _exact,
  ...discount
}: ExactDiscount): Omit<LineDiscount, 'amountFen'> {
  return discount;
}

// ---------------------------------------------------------------------------------------------
// Deferral and totals

/** Rule 9: defers months 1..D and repays the total over months D+1..D+P (remainder fen first). */
function applyDeferral(lines: QuoteLine[], plan: QuotePlan): void {
  const deferral = plan.deferral;
  if (!deferral || deferral.months === 0) return;
  const first = deferral.firstMonth - 1;
  const repayFrom = first + deferral.months;
  let total = 0;
  for (const line of lines.slice(first, repayFrom)) {
    line.deferredFen = line.rentFen;
    total += line.rentFen;
  }
  const share = Math.floor(total / deferral.repayOverMonths);
  const remainder = total % deferral.repayOverMonths;
  lines.slice(repayFrom, repayFrom + deferral.repayOverMonths).forEach((line, k) => {
    line.repaidFen = share + (k < remainder ? 1 : 0);
  });
  for (const line of lines) line.dueFen = line.rentFen - line.deferredFen + line.repaidFen;
}

function sumTotals(lines: QuoteLine[], plan: QuotePlan): QuoteTotals {
  const sum = (pick: (line: QuoteLine) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const listFen = sum((l) => l.listFen);
  const rentFen = sum((l) => l.rentFen);
  const savingsFen = listFen - rentFen;
  const term = BigInt(lines.length);
  return {
    listFen,
    discountFen: sum((l) => l.discountFen),
    rentFen,
    deferredFen: sum((l) => l.deferredFen),
    repaidFen: sum((l) => l.repaidFen),
    dueFen: sum((l) => l.dueFen),
    savingsFen,
    // rent ÷ (area in centi-m² ÷ 100) ÷ term, in hundredths of a fen
    effectiveRentFenPerM2: fromHundredths(
      roundHalfUpDiv(BigInt(rentFen) * 10_000n, plan.areaCenti * term),
    ),
    savingsPct:
      listFen === 0
        ? 0
        : fromHundredths(roundHalfUpDiv(BigInt(savingsFen) * 10_000n, BigInt(listFen))),
  };
}
