import { describe, expect, it } from 'vitest';
import type { QuoteLine, QuoteResult } from '@factoryspace/domain';
import {
  chartSeries,
  deferralOf,
  groupByYear,
  monthlyAverageFen,
  monthlyDifference,
  differenceRuns,
  visibleDiscounts,
} from './quote-view';

function line(month: number, patch: Partial<QuoteLine> = {}): QuoteLine {
  const rentFen = patch.rentFen ?? 10_000;
  return {
    month,
    leaseYear: Math.ceil(month / 12),
    periodStart: '2026-01-01',
    listFen: 12_000,
    discounts: [{ kind: 'floor', pct: 10, amountFen: 2000 }],
    discountFen: 2000,
    rentFen,
    deferredFen: 0,
    repaidFen: 0,
    dueFen: rentFen,
    ...patch,
  };
}

function result(lines: QuoteLine[]): QuoteResult {
  const sum = (key: keyof QuoteLine) => lines.reduce((s, l) => s + (l[key] as number), 0);
  return {
    termMonths: lines.length,
    startDate: '2026-01-01',
    maxTermMonths: 60,
    appliedQualifications: [],
    lines,
    totals: {
      listFen: sum('listFen'),
      discountFen: sum('discountFen'),
      rentFen: sum('rentFen'),
      deferredFen: sum('deferredFen'),
      repaidFen: sum('repaidFen'),
      dueFen: sum('dueFen'),
      savingsFen: sum('listFen') - sum('rentFen'),
      effectiveRentFenPerM2: 0,
      savingsPct: 0,
    },
    explanation: [],
  };
}

describe('quote display helpers', () => {
  it('groups 30 months into lease years 12 + 12 + 6 with their sums', () => {
    const groups = groupByYear(Array.from({ length: 30 }, (_, i) => line(i + 1)));
    expect(groups.map((g) => [g.year, g.lines.length])).toEqual([
      [1, 12],
      [2, 12],
      [3, 6],
    ]);
    expect(groups[2]!.dueFen).toBe(60_000);
    expect(groups[0]!.listFen).toBe(144_000);
  });

  it('draws what is paid as rent − deferred plus repayments, in yuan', () => {
    const lines = [
      line(1, { deferredFen: 10_000, dueFen: 0 }),
      line(2, { repaidFen: 10_000, dueFen: 20_000 }),
    ];
    const s = chartSeries(lines);
    expect(s.paid).toEqual([0, 100]);
    expect(s.repaid).toEqual([0, 100]);
    expect(s.deferred).toEqual([100, 0]);
    expect(s.list).toEqual([120, 120]);
    // The stacked bar is exactly what is due each month.
    expect(s.paid.map((p, i) => (p + s.repaid[i]!) * 100)).toEqual(lines.map((l) => l.dueFen));
  });

  it('describes a deferral by its amount and repayment months', () => {
    const lines = [
      line(1, { deferredFen: 10_000, dueFen: 0 }),
      line(2, { deferredFen: 10_000, dueFen: 0 }),
      line(3, { repaidFen: 10_000, dueFen: 20_000 }),
      line(4, { repaidFen: 10_000, dueFen: 20_000 }),
      line(5),
    ];
    expect(deferralOf(result(lines))).toEqual({ amountFen: 20_000, from: 3, to: 4 });
    expect(deferralOf(result([line(1)]))).toBeNull();
  });

  it('hides rules that gave nothing and averages the monthly amount', () => {
    const l = line(1, {
      discounts: [
        { kind: 'floor', pct: 10, amountFen: 2000 },
        { kind: 'area', pct: 0, amountFen: 0 },
      ],
    });
    expect(visibleDiscounts(l).map((d) => d.kind)).toEqual(['floor']);
    expect(monthlyAverageFen(result([line(1, { dueFen: 1 }), line(2, { dueFen: 2 })]))).toBe(2);
  });

  it('gives the monthly difference B − A, months missing on one side counted as 0', () => {
    const a = result([line(1, { dueFen: 100 }), line(2, { dueFen: 100 })]);
    const b = result([line(1, { dueFen: 80 }), line(2, { dueFen: 100 }), line(3, { dueFen: 50 })]);
    expect(monthlyDifference(a, b)).toEqual([
      { month: 1, dueA: 100, dueB: 80, diffFen: -20 },
      { month: 2, dueA: 100, dueB: 100, diffFen: 0 },
      { month: 3, dueA: null, dueB: 50, diffFen: 50 },
    ]);
  });

  it('merges consecutive equal months into runs and drops the unchanged ones', () => {
    const due = (values: number[]) => result(values.map((v, i) => line(i + 1, { dueFen: v })));
    const a = due([100, 100, 100, 100, 100, 90, 100]);
    const b = due([80, 80, 100, 80, 80, 80, 80]);
    expect(differenceRuns(monthlyDifference(a, b))).toEqual([
      { month: 1, toMonth: 2, dueA: 100, dueB: 80, diffFen: -20 },
      { month: 4, toMonth: 5, dueA: 100, dueB: 80, diffFen: -20 },
      { month: 6, toMonth: 6, dueA: 90, dueB: 80, diffFen: -10 },
      { month: 7, toMonth: 7, dueA: 100, dueB: 80, diffFen: -20 },
    ]);
  });
});
