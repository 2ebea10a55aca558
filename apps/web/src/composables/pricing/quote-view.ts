/**
 * Pure shapes the quote display needs from an engine result: the schedule grouped by lease year,
 * the chart's series, the deferral in a sentence's numbers, and the monthly difference of two
 * quotes (the version comparison).
 */
import type { LineDiscount, QuoteLine, QuoteResult } from '@factoryspace/domain';

export interface LeaseYearGroup {
  year: number;
  lines: QuoteLine[];
  listFen: number;
  rentFen: number;
  dueFen: number;
}

/** The lines by lease year, with each year's sums. */
export function groupByYear(lines: QuoteLine[]): LeaseYearGroup[] {
  const groups: LeaseYearGroup[] = [];
  for (const line of lines) {
    let group = groups[groups.length - 1];
    if (!group || group.year !== line.leaseYear) {
      group = { year: line.leaseYear, lines: [], listFen: 0, rentFen: 0, dueFen: 0 };
      groups.push(group);
    }
    group.lines.push(line);
    group.listFen += line.listFen;
    group.rentFen += line.rentFen;
    group.dueFen += line.dueFen;
  }
  return groups;
}

/** The discounts worth showing on a line (a rule that gave nothing is left out). */
export function visibleDiscounts(line: QuoteLine): LineDiscount[] {
  return line.discounts.filter((discount) => discount.amountFen !== 0);
}

export interface ChartSeries {
  months: number[];
  /** The month's own rent that is paid that month: rent − deferred (yuan). */
  paid: number[];
  /** Repayment of deferred rent (yuan). */
  repaid: number[];
  /** Rent deferred to later months (yuan). */
  deferred: number[];
  /** The list amount (yuan). */
  list: number[];
}

const yuan = (fen: number): number => fen / 100;

/** The monthly amounts for the bar chart, in yuan. */
export function chartSeries(lines: QuoteLine[]): ChartSeries {
  return {
    months: lines.map((line) => line.month),
    paid: lines.map((line) => yuan(line.rentFen - line.deferredFen)),
    repaid: lines.map((line) => yuan(line.repaidFen)),
    deferred: lines.map((line) => yuan(line.deferredFen)),
    list: lines.map((line) => yuan(line.listFen)),
  };
}

export interface DeferralSummary {
  amountFen: number;
  /** First and last month with a repayment. */
  from: number;
  to: number;
}

/** The deferral of a quote, or null when nothing is deferred. */
export function deferralOf(result: QuoteResult): DeferralSummary | null {
  if (result.totals.deferredFen <= 0) return null;
  const repaying = result.lines.filter((line) => line.repaidFen > 0);
  if (repaying.length === 0) return null;
  return {
    amountFen: result.totals.deferredFen,
    from: repaying[0]!.month,
    to: repaying[repaying.length - 1]!.month,
  };
}

export interface MonthDifference {
  month: number;
  dueA: number | null;
  dueB: number | null;
  /** B − A in fen (a missing month counts as 0). */
  diffFen: number;
}

/** Month by month, what B asks more (or less) than A. Terms may differ only if the caller lets them. */
export function monthlyDifference(a: QuoteResult, b: QuoteResult): MonthDifference[] {
  const months = Math.max(a.lines.length, b.lines.length);
  return Array.from({ length: months }, (_, i) => {
    const dueA = a.lines[i]?.dueFen ?? null;
    const dueB = b.lines[i]?.dueFen ?? null;
    return { month: i + 1, dueA, dueB, diffFen: (dueB ?? 0) - (dueA ?? 0) };
  });
}

/** Consecutive months with the same amounts on both sides, shown as one row ("1–36"). */
export interface DifferenceRun extends MonthDifference {
  /** The run's last month (`month` is its first). */
  toMonth: number;
}

/** Merges consecutive months whose dues are equal on both sides; months without a change are dropped. */
export function differenceRuns(differences: readonly MonthDifference[]): DifferenceRun[] {
  const runs: DifferenceRun[] = [];
  for (const d of differences) {
    if (d.diffFen === 0) continue;
    const last = runs[runs.length - 1];
    if (last && last.toMonth === d.month - 1 && last.dueA === d.dueA && last.dueB === d.dueB) {
      last.toMonth = d.month;
    } else {
      runs.push({ ...d, toMonth: d.month });
    }
  }
  return runs;
}

/** The monthly average of what is due (whole fen, half up). */
export function monthlyAverageFen(result: QuoteResult): number {
  const n = result.lines.length;
  return n === 0 ? 0 : Math.round(result.totals.dueFen / n);
}
