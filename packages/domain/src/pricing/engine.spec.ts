/**
 * Hand-computed examples for every rule of the engine. Unless a case says otherwise the unit is
 * 100 m² at ¥10.00 (1,000 fen) per m² per month, so the list is 100,000 fen a month and every
 * 1% is 1,000 fen.
 */
import { computeQuote } from './engine';
import type {
  ApplicantProfile,
  IncentiveGroup,
  LineDiscount,
  QuoteInput,
  QuoteResult,
  RentPolicyRules,
} from './types';
import { QuoteInputError } from './types';

const NOBODY: ApplicantProfile = {
  leadingIndustry: false,
  highTech: false,
  specialisedLevel: null,
};
const LEADING: ApplicantProfile = { ...NOBODY, leadingIndustry: true };
const HIGH_TECH: ApplicantProfile = { ...NOBODY, highTech: true };

function policy(overrides: Partial<RentPolicyRules> = {}): RentPolicyRules {
  return {
    floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 0 }],
    areaTiers: null,
    incentives: [],
    stacking: { mode: 'additive', capPct: 100 },
    minRentFenPerM2: 0,
    minTermMonths: 1,
    standardMaxTermMonths: 60,
    ...overrides,
  };
}

function group(
  qualification: IncentiveGroup['qualification'],
  overrides: Partial<IncentiveGroup> = {},
): IncentiveGroup {
  return {
    qualification,
    ...(qualification === 'specialised' ? { specialisedLevels: ['provincial' as const] } : {}),
    yearDiscountPcts: [],
    rentFreeMonths: 0,
    deferral: null,
    maxTermMonths: 60,
    ...overrides,
  };
}

function quote(overrides: Partial<QuoteInput> = {}): QuoteResult {
  return computeQuote({
    unit: { listRentFenPerM2: 1000, areaM2: 100, floor: 1 },
    rules: policy(),
    profile: NOBODY,
    termMonths: 12,
    startDate: '2026-01-01',
    ...overrides,
  });
}

/** A line's discounts as "kind pct amount" strings, e.g. "floor 10% 10000". */
function summary(discounts: LineDiscount[]): string[] {
  return discounts.map(
    (d) => `${d.kind}${d.qualification ? `(${d.qualification})` : ''} ${d.pct}% ${d.amountFen}`,
  );
}

function codeOf(fn: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QuoteInputError);
    const e = error as QuoteInputError;
    return { code: e.code, details: e.details };
  }
  throw new Error('expected a QuoteInputError');
}

const FLOOR_TIERS = [
  { fromFloor: 1, toFloor: 1, discountPct: 0 },
  { fromFloor: 2, toFloor: 2, discountPct: 10 },
  { fromFloor: 3, toFloor: null, discountPct: 20 },
];

describe('computeQuote: floor tiers', () => {
  it.each([
    // floor, rentFen, discounts
    [1, 100_000, []], // tier 1: 0% → nothing listed
    [2, 90_000, ['floor 10% 10000']], // 100,000 × 10% = 10,000
    [7, 80_000, ['floor 20% 20000']], // tier "3 and above": 100,000 × 20% = 20,000
    [-1, 100_000, []], // a basement is below the first tier
  ])('floor %p pays %p', (floor, rentFen, discounts) => {
    const line = quote({
      unit: { listRentFenPerM2: 1000, areaM2: 100, floor },
      rules: policy({ floorTiers: FLOOR_TIERS }),
    }).lines[0]!;
    expect(line.listFen).toBe(100_000);
    expect(line.rentFen).toBe(rentFen);
    expect(summary(line.discounts)).toEqual(discounts);
  });
});

describe('computeQuote: area tiers', () => {
  const bands = [
    { fromM2: 0, toM2: 1000, discountPct: 0 },
    { fromM2: 1000, toM2: 3000, discountPct: 5 },
    { fromM2: 3000, toM2: null, discountPct: 10 },
  ];
  it.each([
    // area m², listFen (area × 1,000 fen), rentFen, discounts
    [999.99, 999_990, 999_990, []], // just below 1,000 m²: band 1, 0%
    [1000, 1_000_000, 950_000, ['area 5% 50000']], // band 2 starts at 1,000 (inclusive): 1,000,000 × 5%
    [2999.99, 2_999_990, 2_849_991, ['area 5% 149999']], // 2,999,990 × 5% = 149,999.5 → rent 2,849,990.5 → 2,849,991 (half up)
    [3000, 3_000_000, 2_700_000, ['area 10% 300000']], // band 3: the whole area at 10%
  ])('whole mode: %p m²', (areaM2, listFen, rentFen, discounts) => {
    const line = quote({
      unit: { listRentFenPerM2: 1000, areaM2, floor: 1 },
      rules: policy({ areaTiers: { mode: 'whole', bands } }),
    }).lines[0]!;
    expect([line.listFen, line.rentFen]).toEqual([listFen, rentFen]);
    expect(summary(line.discounts)).toEqual(discounts);
  });

  const marginal = [
    { fromM2: 0, toM2: 1000, discountPct: 0 },
    { fromM2: 1000, toM2: 2000, discountPct: 10 },
    { fromM2: 2000, toM2: null, discountPct: 20 },
  ];
  it.each([
    // area, list, discount (Σ part × 1,000 fen × rate), reported blended pct
    [500, 500_000, 0, []], // all inside 0–1,000 at 0%
    // 1,000 × 0% + 1,000 × 10% × 1,000 + 500 × 20% × 1,000 = 100,000 + 100,000 = 200,000 = 8% of 2,500,000
    [2500, 2_500_000, 200_000, ['area 8% 200000']],
    // 1,000 at 0% + 500 at 10% = 50,000 fen = 3.33…% of 1,500,000 → reported 3.33
    [1500, 1_500_000, 50_000, ['area 3.33% 50000']],
  ])('marginal mode: %p m²', (areaM2, listFen, discountFen, discounts) => {
    const line = quote({
      unit: { listRentFenPerM2: 1000, areaM2, floor: 1 },
      rules: policy({ areaTiers: { mode: 'marginal', bands: marginal } }),
    }).lines[0]!;
    expect(line.listFen).toBe(listFen);
    expect(line.discountFen).toBe(discountFen);
    expect(summary(line.discounts)).toEqual(discounts);
  });

  it('explains which marginal bands apply and the blended rate', () => {
    const result = quote({
      unit: { listRentFenPerM2: 1000, areaM2: 2500, floor: 1 },
      rules: policy({ areaTiers: { mode: 'marginal', bands: marginal } }),
    });
    const area = result.explanation.find((l) => l.code === 'AREA_TIER')!;
    expect(area.zh).toBe(
      '面积优惠(分段累进):0–1,000㎡部分1,000㎡减0%;1,000–2,000㎡部分1,000㎡减10%;2,000㎡以上部分500㎡减20%;综合减8%',
    );
    expect(area.en).toBe(
      'Area discount (marginal bands): 1,000 m² in 0–1,000 m² at 0%; 1,000 m² in 1,000–2,000 m² at 10%; 500 m² in 2,000 m² and above at 20%; blended 8% off',
    );
  });
});

describe('computeQuote: year discounts, rent-free months, deferral', () => {
  it('applies the year discount of each lease year and none beyond the schedule', () => {
    const result = quote({
      rules: policy({ incentives: [group('high_tech', { yearDiscountPcts: [20, 10] })] }),
      profile: HIGH_TECH,
      termMonths: 36,
    });
    // year 1: 100,000 × 20% = 20,000 off; year 2: 10% = 10,000 off; year 3: nothing
    expect(result.lines.map((l) => l.rentFen)).toEqual([
      ...Array(12).fill(80_000),
      ...Array(12).fill(90_000),
      ...Array(12).fill(100_000),
    ]);
    expect(summary(result.lines[0]!.discounts)).toEqual(['year(high_tech) 20% 20000']);
    expect(result.lines[12]!.leaseYear).toBe(2);
    // 3,240,000 fen ÷ 100 m² ÷ 36 months = 900 fen/m²/month; savings 360,000 of 3,600,000 = 10%
    expect(result.totals).toMatchObject({
      rentFen: 3_240_000,
      savingsFen: 360_000,
      effectiveRentFenPerM2: 900,
      savingsPct: 10,
    });
  });

  it('makes the first months free, ignoring every other discount in them', () => {
    const result = quote({
      rules: policy({
        floorTiers: FLOOR_TIERS,
        minRentFenPerM2: 800,
        incentives: [group('leading_industry', { rentFreeMonths: 3, yearDiscountPcts: [10] })],
      }),
      unit: { listRentFenPerM2: 1000, areaM2: 100, floor: 2 },
      profile: LEADING,
    });
    expect(result.lines.slice(0, 3).map((l) => [l.rentFen, summary(l.discounts)])).toEqual(
      Array(3).fill([0, ['rent_free(leading_industry) 100% 100000']]),
    );
    // month 4: floor 10% + year 10% = 20,000 off → 80,000, exactly the minimum 800 × 100
    expect(summary(result.lines[3]!.discounts)).toEqual([
      'floor 10% 10000',
      'year(leading_industry) 10% 10000',
    ]);
    expect(result.lines[3]!.rentFen).toBe(80_000);
    expect(result.explanation.find((l) => l.code === 'RENT_FREE')!.zh).toBe(
      '免租期(三大主导产业项目):第1–3个月免租,共减免 ¥3,000.00',
    );
  });

  it('caps rent-free months at the term', () => {
    const result = quote({
      rules: policy({ incentives: [group('high_tech', { rentFreeMonths: 6 })] }),
      profile: HIGH_TECH,
      termMonths: 4,
    });
    expect(result.lines.map((l) => l.rentFen)).toEqual([0, 0, 0, 0]);
    expect(result.explanation.find((l) => l.code === 'RENT_FREE')!.en).toBe(
      'Rent-free (High-tech enterprise): months 1–4 free (the policy offers 6, limited to the term), ¥4,000.00 waived',
    );
  });

  it('defers 3 months of ¥1,000.01 and repays the ¥3,000.03 over 7 months, remainder fen first', () => {
    // 11 m² × 9,091 fen = 100,001 fen a month. Deferred 3 × 100,001 = 300,003 fen;
    // 300,003 = 7 × 42,857 + 4 → months 4–7 repay 42,858, months 8–10 repay 42,857.
    const result = quote({
      unit: { listRentFenPerM2: 9091, areaM2: 11, floor: 1 },
      rules: policy({
        incentives: [group('high_tech', { deferral: { months: 3, repayOverMonths: 7 } })],
      }),
      profile: HIGH_TECH,
    });
    const r = result.lines;
    expect(r.map((l) => l.rentFen)).toEqual(Array(12).fill(100_001));
    expect(r.map((l) => l.deferredFen)).toEqual([
      100_001, 100_001, 100_001, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(r.map((l) => l.repaidFen)).toEqual([
      0, 0, 0, 42_858, 42_858, 42_858, 42_858, 42_857, 42_857, 42_857, 0, 0,
    ]);
    expect(r.map((l) => l.dueFen)).toEqual([
      0, 0, 0, 142_859, 142_859, 142_859, 142_859, 142_858, 142_858, 142_858, 100_001, 100_001,
    ]);
    expect(result.totals).toMatchObject({
      deferredFen: 300_003,
      repaidFen: 300_003,
      dueFen: 1_200_012,
      rentFen: 1_200_012,
    });
    expect(result.explanation.find((l) => l.code === 'DEFERRAL')!.zh).toBe(
      '租金缓交(高新技术企业):第1–3个月租金共 ¥3,000.03 缓交,第4–10个月分7期偿还,前4期每期 ¥428.58,其余每期 ¥428.57',
    );
  });

  it.each([
    // term, deferred months D = min(6, term − 1), repayment months P = min(12, term − D), dues
    [4, 3, 1, [0, 0, 0, 400_000]], // months 1–3 deferred, all 300,000 repaid in month 4
    [8, 6, 2, [0, 0, 0, 0, 0, 0, 400_000, 400_000]], // 600,000 over months 7–8
    [1, 0, 1, [100_000]], // a 1-month lease cannot defer anything
  ])('clamps a 6 + 12 month deferral on a %p-month term', (termMonths, d, p, dues) => {
    const result = quote({
      rules: policy({
        incentives: [group('high_tech', { deferral: { months: 6, repayOverMonths: 12 } })],
      }),
      profile: HIGH_TECH,
      termMonths,
    });
    expect(result.lines.map((l) => l.dueFen)).toEqual(dues);
    expect(result.lines.filter((l) => l.deferredFen > 0)).toHaveLength(d);
    expect(result.lines.filter((l) => l.repaidFen > 0)).toHaveLength(d === 0 ? 0 : p);
    const clamped = result.explanation.find((l) => l.code === 'DEFERRAL_CLAMPED')!;
    expect(clamped.zh).toContain('政策允许缓交6个月、分12个月偿还');
    expect(clamped.en).toContain(`${termMonths}-month term`);
  });

  it.each([
    // term, dues: 2 rent-free months, then D = min(6, term − 2 − 1), P = min(12, term − 2 − D)
    [4, [0, 0, 0, 200_000], '调整为缓交1个月、分1个月偿还'], // month 3 deferred, repaid in 4
    [3, [0, 0, 100_000], '无法缓交'], // one month with rent left: nothing to defer
  ])(
    'starts the deferral after 2 rent-free months and clamps it on a %p-month term',
    (termMonths, dues, clampZh) => {
      const result = quote({
        rules: policy({
          incentives: [
            group('high_tech', {
              rentFreeMonths: 2,
              deferral: { months: 6, repayOverMonths: 12 },
            }),
          ],
        }),
        profile: HIGH_TECH,
        termMonths,
      });
      expect(result.lines.map((l) => l.dueFen)).toEqual(dues);
      expect(result.totals.dueFen).toBe(result.totals.rentFen);
      const clamped = result.explanation.find((l) => l.code === 'DEFERRAL_CLAMPED')!;
      expect(clamped.zh).toContain('(其中免租2个月)');
      expect(clamped.zh).toContain(clampZh);
    },
  );
});

describe('computeQuote: stacking and the minimum rent', () => {
  const rich = (stacking: RentPolicyRules['stacking'], extra: Partial<RentPolicyRules> = {}) =>
    policy({
      stacking,
      floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 20 }],
      areaTiers: { mode: 'whole', bands: [{ fromM2: 0, toM2: null, discountPct: 30 }] },
      incentives: [group('high_tech', { yearDiscountPcts: [25] })],
      ...extra,
    });

  it.each([
    // floor 20% + area 30% + year 25% = 75%
    // cap 60%: 60,000 off, shared 20:30:25 → 16,000 / 24,000 / 20,000
    [60, 40_000, ['floor 20% 16000', 'area 30% 24000', 'year(high_tech) 25% 20000'], true],
    // cap 80% does not bite: 20,000 + 30,000 + 25,000
    [80, 25_000, ['floor 20% 20000', 'area 30% 30000', 'year(high_tech) 25% 25000'], false],
  ])('additive, cap %p%%', (capPct, rentFen, discounts, capBit) => {
    const result = quote({ rules: rich({ mode: 'additive', capPct }), profile: HIGH_TECH });
    expect(result.lines[0]!.rentFen).toBe(rentFen);
    expect(summary(result.lines[0]!.discounts)).toEqual(discounts);
    const capLine = result.explanation.find((l) => l.code === 'STACKING_CAP_APPLIED');
    expect(capLine?.zh).toBe(
      capBit ? `第1–12个月的优惠合计超过${capPct}%,按${capPct}%封顶` : undefined,
    );
  });

  it('splits a capped discount by largest remainder, ties to the earlier rule', () => {
    // 10% + 10% + 10% capped at 20%: 20,000 fen in three equal shares of 6,666.67
    // → 6,666 each, the 2 missing fen to the first two rules
    const rules = policy({
      stacking: { mode: 'additive', capPct: 20 },
      floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 10 }],
      areaTiers: { mode: 'whole', bands: [{ fromM2: 0, toM2: null, discountPct: 10 }] },
      incentives: [group('high_tech', { yearDiscountPcts: [10] })],
    });
    const line = quote({ rules, profile: HIGH_TECH }).lines[0]!;
    expect(summary(line.discounts)).toEqual([
      'floor 10% 6667',
      'area 10% 6667',
      'year(high_tech) 10% 6666',
    ]);
    expect(line.discountFen).toBe(20_000);
  });

  it('best_of keeps only the largest discount and says which one', () => {
    const result = quote({ rules: rich({ mode: 'best_of' }), profile: HIGH_TECH, termMonths: 24 });
    // year 1: area 30% beats year 25% and floor 20%; year 2 (no year discount): area 30% still
    expect(summary(result.lines[0]!.discounts)).toEqual(['area 30% 30000']);
    expect(result.lines[0]!.rentFen).toBe(70_000);
    expect(result.explanation.filter((l) => l.code === 'BEST_OF_CHOICE').map((l) => l.en)).toEqual([
      'Months 1–24: the area discount applies',
    ]);
  });

  it('best_of changes the chosen rule when the year discount ends', () => {
    const rules = policy({
      stacking: { mode: 'best_of' },
      floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 10 }],
      incentives: [group('high_tech', { yearDiscountPcts: [15] })],
    });
    const result = quote({ rules, profile: HIGH_TECH, termMonths: 24 });
    expect(summary(result.lines[0]!.discounts)).toEqual(['year(high_tech) 15% 15000']);
    expect(summary(result.lines[12]!.discounts)).toEqual(['floor 10% 10000']);
    expect(result.explanation.filter((l) => l.code === 'BEST_OF_CHOICE').map((l) => l.zh)).toEqual([
      '第1–12个月采用年度优惠',
      '第13–24个月采用楼层优惠',
    ]);
  });

  it.each([
    // minimum fen/m², floor pct, rent, discounts
    // 50% off → 50,000 < minimum 600 × 100 = 60,000: lifted by 10,000 (−10% of the list)
    [600, 50, 60_000, ['floor 50% 50000', 'min_rent -10% -10000']],
    // minimum above the list (1,200 > 1,000): the floor is min(list, minimum) = the list itself
    [1200, 10, 100_000, ['floor 10% 10000', 'min_rent -10% -10000']],
    // 40% off → 60,000 ≥ 50,000: not lifted
    [500, 40, 60_000, ['floor 40% 40000']],
  ])('minimum rent %p fen/m² with %p%% off', (minRentFenPerM2, pct, rentFen, discounts) => {
    const rules = policy({
      minRentFenPerM2,
      floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: pct }],
    });
    const result = quote({ rules });
    const line = result.lines[0]!;
    expect(line.rentFen).toBe(rentFen);
    expect(line.discountFen).toBe(100_000 - rentFen);
    expect(summary(line.discounts)).toEqual(discounts);
    const lifted = result.explanation.find((l) => l.code === 'MIN_RENT_APPLIED');
    expect(lifted !== undefined).toBe(discounts.length === 2);
  });

  it('lifts only the months that fall below the minimum', () => {
    const rules = policy({
      minRentFenPerM2: 750,
      incentives: [group('high_tech', { yearDiscountPcts: [30, 20] })],
    });
    const result = quote({ rules, profile: HIGH_TECH, termMonths: 24 });
    // year 1: 70,000 → lifted to 75,000; year 2: 80,000 stays
    expect(result.lines[0]!.rentFen).toBe(75_000);
    expect(result.lines[12]!.rentFen).toBe(80_000);
    expect(result.explanation.find((l) => l.code === 'MIN_RENT_APPLIED')!.zh).toBe(
      '最低租金 7.50 元/㎡·月(免租月除外):第1–12个月优惠后低于最低租金,按最低租金收取',
    );
  });
});

describe('computeQuote: several qualifications', () => {
  it('takes each component from the most favourable group, never stacking groups', () => {
    const rules = policy({
      standardMaxTermMonths: 60,
      incentives: [
        group('high_tech', {
          yearDiscountPcts: [20, 5],
          rentFreeMonths: 2,
          deferral: { months: 2, repayOverMonths: 6 },
          maxTermMonths: 84,
        }),
        group('leading_industry', {
          yearDiscountPcts: [10, 30],
          rentFreeMonths: 1,
          deferral: { months: 2, repayOverMonths: 4 },
          maxTermMonths: 72,
        }),
      ],
    });
    const result = quote({ rules, profile: { ...LEADING, highTech: true }, termMonths: 84 });
    expect(result.appliedQualifications).toEqual(['leading_industry', 'high_tech']);
    expect(result.maxTermMonths).toBe(84); // high-tech's 84 > leading industry's 72 > standard 60
    // rent-free: high-tech's 2 months beat 1
    expect(summary(result.lines[1]!.discounts)).toEqual(['rent_free(high_tech) 100% 100000']);
    // year 1: high-tech 20% beats 10% (not 30% combined); year 2: leading industry 30% beats 5%
    expect(summary(result.lines[2]!.discounts)).toEqual(['year(high_tech) 20% 20000']);
    expect(summary(result.lines[12]!.discounts)).toEqual(['year(leading_industry) 30% 30000']);
    // deferral: both defer 2 months; the longer repayment (high-tech, 6) wins. It starts after
    // the 2 rent-free months: months 3–4 (80,000 each after 20%) are deferred, 160,000 repaid
    // over months 5–10 as 26,666 with the 4 remainder fen on the first four.
    expect(result.lines.slice(0, 5).map((l) => [l.rentFen, l.deferredFen, l.dueFen])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [80000, 80000, 0],
      [80000, 80000, 0],
      [80000, 0, 106667],
    ]);
    expect(result.lines.slice(4, 11).map((l) => l.repaidFen)).toEqual([
      26667, 26667, 26667, 26667, 26666, 26666, 0,
    ]);
    expect(result.explanation.find((l) => l.code === 'DEFERRAL')!.en).toContain(
      'for months 3–4 is deferred and repaid in months 5–10',
    );
    expect(result.explanation.find((l) => l.code === 'TERM_EXTENDED')!.zh).toBe(
      '租期 84 个月(最短 1 个月;标准最长 60 个月,高新技术企业可延长至 84 个月)',
    );
    expect(result.explanation.find((l) => l.code === 'YEAR_DISCOUNT')!.zh).toContain(
      '第1年减20%(高新技术企业)、第2年减30%(三大主导产业项目)',
    );
  });

  it('gives equal year discounts to the first group in QUALIFICATIONS order', () => {
    const rules = policy({
      incentives: [
        group('specialised', { yearDiscountPcts: [15] }),
        group('high_tech', { yearDiscountPcts: [15] }),
      ],
    });
    const result = quote({ rules, profile: { ...HIGH_TECH, specialisedLevel: 'provincial' } });
    expect(summary(result.lines[0]!.discounts)).toEqual(['year(high_tech) 15% 15000']);
  });

  it('only rewards the specialised levels the group lists', () => {
    const rules = policy({ incentives: [group('specialised', { yearDiscountPcts: [15] })] }); // provincial only
    expect(
      quote({ rules, profile: { ...NOBODY, specialisedLevel: 'municipal' } }).lines[0]!.rentFen,
    ).toBe(100_000);
    expect(
      quote({ rules, profile: { ...NOBODY, specialisedLevel: 'provincial' } }).lines[0]!.rentFen,
    ).toBe(85_000);
  });
});

describe('computeQuote: rounding', () => {
  it.each([
    // rent fen/m², area m², floor pct, listFen, rentFen, floor amountFen
    // 1,001 × 100.5 = 100,600.5 → 100,601 (half up; half-to-even would give 100,600).
    // 10% off: rent 90,540.45 → 90,540; discount 100,601 − 90,540 = 10,061
    [1001, 100.5, 10, 100_601, 90_540, 10_061],
    // 1,000 × 10.01 = 10,010; 15% = 1,501.5 off → rent 8,508.5 → 8,509 (half up); discount 1,501
    [1000, 10.01, 15, 10_010, 8_509, 1_501],
    // 3 × 0.01 m² = 0.03 fen → list 0; rent 0
    [3, 0.01, 0, 0, 0, 0],
  ])(
    '%p fen/m² × %p m² with %p%% off',
    (listRentFenPerM2, areaM2, pct, listFen, rentFen, amount) => {
      const rules = policy({ floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: pct }] });
      const line = quote({ unit: { listRentFenPerM2, areaM2, floor: 1 }, rules }).lines[0]!;
      expect([line.listFen, line.rentFen, line.discountFen]).toEqual([
        listFen,
        rentFen,
        listFen - rentFen,
      ]);
      expect(line.discounts.reduce((sum, d) => sum + d.amountFen, 0)).toBe(amount);
    },
  );

  it('rounds the effective rent and savings share half up to two decimals', () => {
    // 10.01 m² at 1,000 fen, 15% off, 1 month: rent 8,509 fen ÷ 10.01 m² = 850.0499… → 850.05;
    // savings 1,501 ÷ 10,010 = 14.995…% → 15
    const result = quote({
      unit: { listRentFenPerM2: 1000, areaM2: 10.01, floor: 1 },
      rules: policy({ floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 15 }] }),
      termMonths: 1,
    });
    expect(result.totals.effectiveRentFenPerM2).toBe(850.05);
    expect(result.totals.savingsPct).toBe(15);
  });
});

describe('computeQuote: months and input errors', () => {
  it('starts month i at the start date plus i − 1 months, clamping the day', () => {
    const result = quote({ startDate: '2024-01-31', termMonths: 14 });
    expect(result.lines.slice(0, 4).map((l) => l.periodStart)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
    ]);
    expect(result.lines[13]!.periodStart).toBe('2025-02-28');
    expect(result.lines.map((l) => l.leaseYear)).toEqual([...Array(12).fill(1), 2, 2]);
  });

  it.each([
    // term, profile, max
    [11, NOBODY, 60], // below the minimum of 12
    [61, NOBODY, 60], // above the standard maximum
    [97, HIGH_TECH, 96], // above the high-tech group's 96
    [12.5, NOBODY, 60], // not whole months
  ])('refuses a %p-month term (max %p)', (termMonths, profile, max) => {
    const rules = policy({
      minTermMonths: 12,
      incentives: [group('high_tech', { maxTermMonths: 96 })],
    });
    expect(codeOf(() => quote({ rules, profile, termMonths }))).toEqual({
      code: 'TERM_OUT_OF_RANGE',
      details: { min: 12, max },
    });
  });

  it('accepts the extended term for a qualifying profile', () => {
    const rules = policy({
      minTermMonths: 12,
      incentives: [group('high_tech', { maxTermMonths: 96 })],
    });
    expect(quote({ rules, profile: HIGH_TECH, termMonths: 96 }).lines).toHaveLength(96);
  });

  it.each([
    ['2026-02-30', 'INVALID_START_DATE'],
    ['2026-1-1', 'INVALID_START_DATE'],
  ])('refuses the start date %p', (startDate, code) => {
    expect(codeOf(() => quote({ startDate })).code).toBe(code);
  });

  it.each([
    [{ listRentFenPerM2: -1, areaM2: 100, floor: 1 }],
    [{ listRentFenPerM2: 12.5, areaM2: 100, floor: 1 }],
    [{ listRentFenPerM2: 100_001, areaM2: 100, floor: 1 }],
    [{ listRentFenPerM2: 1000, areaM2: 0, floor: 1 }],
    [{ listRentFenPerM2: 1000, areaM2: 100.001, floor: 1 }],
    [{ listRentFenPerM2: 1000, areaM2: 1_000_000.01, floor: 1 }],
    [{ listRentFenPerM2: 1000, areaM2: 100, floor: 1.5 }],
  ])('refuses the unit %p', (unit) => {
    expect(codeOf(() => quote({ unit })).code).toBe('INVALID_UNIT');
  });

  it('refuses an invalid policy, listing its issues', () => {
    const rules = policy({ floorTiers: [] });
    const { code, details } = codeOf(() => quote({ rules }));
    expect(code).toBe('INVALID_POLICY');
    expect(details.issues).toEqual([
      expect.objectContaining({ code: 'FLOOR_TIERS_EMPTY', path: 'floorTiers' }),
    ]);
  });
});

describe('computeQuote: explanation', () => {
  it('explains a plain quote line by line in both languages', () => {
    const result = quote({
      unit: { listRentFenPerM2: 1250, areaM2: 2500, floor: 2 },
      rules: policy({ floorTiers: FLOOR_TIERS, minTermMonths: 12 }),
      termMonths: 12,
    });
    expect(result.explanation).toEqual([
      {
        code: 'LIST_RENT',
        zh: '挂牌租金 12.50 元/㎡·月,面积 2,500㎡,每月 ¥31,250.00',
        en: 'List rent ¥12.50/m²/month on 2,500 m²: ¥31,250.00 a month',
      },
      { code: 'FLOOR_TIER', zh: '楼层优惠:2层减10%', en: 'Floor discount: floor 2, 10% off' },
      {
        code: 'AREA_TIER_NONE',
        zh: '面积优惠:本政策不设面积阶梯',
        en: 'Area discount: the policy has no area bands',
      },
      {
        code: 'QUALIFICATION_NONE',
        zh: '专项优惠:未申报或不符合三大主导产业项目、高新技术企业、专精特新企业资格',
        en: 'Special incentives: no leading-industry, high-tech or specialised-SME qualification applies',
      },
      {
        code: 'STACKING',
        zh: '叠加方式:楼层、面积、年度优惠相加,合计最多减100%',
        en: 'Stacking: the floor, area and yearly discounts add up, capped at 100% off',
      },
      {
        code: 'TERM',
        zh: '租期 12 个月(最短 12 个月,最长 60 个月)',
        en: 'Term 12 months (minimum 12, maximum 60)',
      },
      {
        code: 'TOTALS',
        zh: '合计:挂牌租金 ¥375,000.00,优惠 ¥37,500.00(10%),应付租金 ¥337,500.00;折合实际租金 11.25 元/㎡·月',
        en: 'Total: list ¥375,000.00, savings ¥37,500.00 (10%), rent ¥337,500.00; effective rent ¥11.25/m²/month',
      },
    ]);
  });

  it('names the applicant’s 专精特新 level', () => {
    const rules = policy({
      incentives: [
        group('specialised', {
          specialisedLevels: ['national_little_giant'],
          yearDiscountPcts: [12.5],
        }),
      ],
    });
    const result = quote({
      rules,
      profile: { ...NOBODY, specialisedLevel: 'national_little_giant' },
    });
    expect(result.explanation.find((l) => l.code === 'QUALIFICATION')!.zh).toBe(
      '专项优惠资格:国家级专精特新“小巨人”企业,逐年优惠第1年减12.5%',
    );
  });
});
