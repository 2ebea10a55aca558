/**
 * Property tests of the engine and the validator over generated VALID policies, units, profiles
 * and terms.
 */
import fc from 'fast-check';
import { SPECIALISED_LEVELS } from '../accounts';
import { computeQuote } from './engine';
import { roundHalfUpDiv } from './money';
import { maxTermFor } from './qualifications';
import type {
  ApplicantProfile,
  AreaBand,
  FloorTier,
  IncentiveGroup,
  QuoteInput,
  QuoteResult,
  RentPolicyRules,
} from './types';
import { QUALIFICATIONS } from './types';
import { validateRentPolicy } from './validate';

const pct = fc.integer({ min: 0, max: 10_000 }).map((bp) => bp / 100);
const smallPct = fc.integer({ min: 0, max: 4_000 }).map((bp) => bp / 100);

/** Ascending distinct cut points → contiguous tiers, the last open. */
const floorTiers: fc.Arbitrary<FloorTier[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 4 })
  .chain((cuts) => {
    const ends = [...cuts].sort((a, b) => a - b);
    return fc
      .array(smallPct, { minLength: ends.length + 1, maxLength: ends.length + 1 })
      .map((pcts) =>
        pcts.map((discountPct, i) => ({
          fromFloor: i === 0 ? 1 : ends[i - 1]! + 1,
          toFloor: i < ends.length ? ends[i]! : null,
          discountPct,
        })),
      );
  });

const areaBands: fc.Arbitrary<AreaBand[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 4 })
  .chain((cuts) => {
    const ends = [...cuts].sort((a, b) => a - b).map((c) => c / 100);
    return fc
      .array(smallPct, { minLength: ends.length + 1, maxLength: ends.length + 1 })
      .map((pcts) =>
        pcts.map((discountPct, i) => ({
          fromM2: i === 0 ? 0 : ends[i - 1]!,
          toM2: i < ends.length ? ends[i]! : null,
          discountPct,
        })),
      );
  });

function incentiveGroup(
  qualification: IncentiveGroup['qualification'],
  standardMax: number,
): fc.Arbitrary<IncentiveGroup> {
  return fc
    .record({
      specialisedLevels: fc.subarray([...SPECIALISED_LEVELS], { minLength: 1 }),
      yearDiscountPcts: fc.array(pct, { maxLength: 6 }),
      rentFreeMonths: fc.integer({ min: 0, max: Math.min(standardMax - 1, 8) }),
      deferral: fc.option(
        fc.record({
          months: fc.integer({ min: 1, max: 12 }),
          repayOverMonths: fc.integer({ min: 1, max: 24 }),
        }),
      ),
      extraTerm: fc.integer({ min: 0, max: 60 }),
    })
    .map(({ specialisedLevels, deferral, extraTerm, ...rest }) => {
      // Deferral starts after the rent-free months: all three must fit in the group's term.
      const needed = deferral
        ? rest.rentFreeMonths + deferral.months + deferral.repayOverMonths
        : 0;
      return {
        qualification,
        ...(qualification === 'specialised' ? { specialisedLevels } : {}),
        ...rest,
        deferral,
        maxTermMonths: Math.min(240, Math.max(standardMax, needed) + extraTerm),
      };
    })
    .filter(
      (g) =>
        !g.deferral ||
        g.rentFreeMonths + g.deferral.months + g.deferral.repayOverMonths <= g.maxTermMonths,
    );
}

const validPolicy: fc.Arbitrary<RentPolicyRules> = fc
  .record({ minTermMonths: fc.integer({ min: 1, max: 24 }), span: fc.integer({ min: 0, max: 48 }) })
  .chain(({ minTermMonths, span }) => {
    const standardMax = minTermMonths + span;
    return fc.record({
      floorTiers,
      areaTiers: fc.option(
        fc.record({
          mode: fc.constantFrom('marginal' as const, 'whole' as const),
          bands: areaBands,
        }),
      ),
      incentives: fc
        .shuffledSubarray([...QUALIFICATIONS])
        .chain((qs) =>
          qs.length === 0
            ? fc.constant([])
            : fc.tuple(...qs.map((q) => incentiveGroup(q, standardMax))),
        ),
      stacking: fc.oneof(
        fc
          .integer({ min: 1, max: 10_000 })
          .map((bp) => ({ mode: 'additive' as const, capPct: bp / 100 })),
        fc.constant({ mode: 'best_of' as const }),
      ),
      minRentFenPerM2: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3_000 })),
      minTermMonths: fc.constant(minTermMonths),
      standardMaxTermMonths: fc.constant(standardMax),
    });
  });

const profile: fc.Arbitrary<ApplicantProfile> = fc.record({
  leadingIndustry: fc.boolean(),
  highTech: fc.boolean(),
  specialisedLevel: fc.constantFrom(null, ...SPECIALISED_LEVELS),
});

const startDate = fc
  .record({
    y: fc.integer({ min: 2024, max: 2030 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
  })
  .map(
    ({ y, m, d }) =>
      `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, new Date(Date.UTC(y, m, 0)).getUTCDate())).padStart(2, '0')}`,
  );

const quoteInput: fc.Arbitrary<QuoteInput> = fc
  .record({
    rules: validPolicy,
    profile,
    unit: fc.record({
      listRentFenPerM2: fc.oneof(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 300, max: 3_000 }),
      ),
      areaM2: fc.integer({ min: 1, max: 100_000_000 }).map((c) => c / 100),
      floor: fc.integer({ min: -2, max: 35 }),
    }),
    startDate,
    termPick: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ rules, profile, unit, startDate, termPick }) => {
    const max = maxTermFor(rules, profile);
    const termMonths =
      rules.minTermMonths + Math.floor(termPick * (max - rules.minTermMonths + 0.999));
    return { rules, profile, unit, startDate, termMonths: Math.min(termMonths, max) };
  });

jest.setTimeout(30_000);

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);
const RUNS = { numRuns: 150 };

describe('computeQuote properties', () => {
  it('totals are the sums of the lines', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const { lines, totals } = computeQuote(input);
        expect(lines).toHaveLength(input.termMonths);
        for (const key of [
          'listFen',
          'discountFen',
          'rentFen',
          'deferredFen',
          'repaidFen',
          'dueFen',
        ] as const) {
          expect(totals[key]).toBe(sumOf(lines.map((l) => l[key])));
        }
        expect(totals.savingsFen).toBe(totals.listFen - totals.rentFen);
      }),
      RUNS,
    );
  });

  it('deferral moves money in time without changing what is owed', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const { lines, totals } = computeQuote(input);
        expect(totals.deferredFen).toBe(totals.repaidFen);
        expect(totals.dueFen).toBe(totals.rentFen);
        for (const l of lines) {
          expect(l.dueFen).toBe(l.rentFen - l.deferredFen + l.repaidFen);
          expect(l.dueFen).toBeGreaterThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  it('each line: list − discount = rent, and the rules’ shares add up to the discount', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        for (const l of computeQuote(input).lines) {
          expect(l.listFen - l.discountFen).toBe(l.rentFen);
          expect(sumOf(l.discounts.map((d) => d.amountFen))).toBe(l.discountFen);
          for (const d of l.discounts) {
            if (d.kind === 'min_rent') expect(d.amountFen).toBeLessThanOrEqual(0);
            else expect(d.amountFen).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(d.amountFen)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('rent is never negative, never above the list, never below the minimum outside rent-free months', () => {
    fc.assert(
      fc.property(quoteInput, ({ ...input }) => {
        const { unit, rules } = input;
        const areaCenti = BigInt(Math.round(unit.areaM2 * 100));
        const floorFen = Number(
          roundHalfUpDiv(
            BigInt(Math.min(unit.listRentFenPerM2, rules.minRentFenPerM2)) * areaCenti,
            100n,
          ),
        );
        for (const l of computeQuote(input).lines) {
          expect(l.rentFen).toBeGreaterThanOrEqual(0);
          expect(l.rentFen).toBeLessThanOrEqual(l.listFen);
          const rentFree = l.discounts.some((d) => d.kind === 'rent_free');
          if (!rentFree) expect(l.rentFen).toBeGreaterThanOrEqual(floorFen);
        }
      }),
      RUNS,
    );
  });

  it('additive discounts stay within the cap; best_of lists a single rate rule', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const { stacking } = input.rules;
        for (const l of computeQuote(input).lines) {
          const rates = l.discounts.filter((d) => ['floor', 'area', 'year'].includes(d.kind));
          const lifted = l.discounts.some((d) => d.kind === 'min_rent');
          if (stacking.mode === 'best_of') expect(rates.length).toBeLessThanOrEqual(1);
          // the exact discount is at most cap × list; rounding both list and rent moves it < 1 fen
          else if (!lifted && rates.length > 0) {
            expect(l.discountFen).toBeLessThanOrEqual(
              Math.ceil((l.listFen * stacking.capPct) / 100) + 1,
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('is deterministic and returns plain JSON data', () => {
    fc.assert(
      fc.property(quoteInput, (input) => {
        const a = computeQuote(input);
        const b = computeQuote(structuredClone(input));
        expect(b).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        for (const line of a.explanation) expect(line.code).toMatch(/^[A-Z][A-Z_]*[A-Z]$/);
      }),
      { numRuns: 50 },
    );
  });

  /** Asserts that no month's rent rises from `before` to `after`. */
  function neverDearer(before: QuoteResult, after: QuoteResult): void {
    expect(after.lines).toHaveLength(before.lines.length);
    after.lines.forEach((line, i) =>
      expect(line.rentFen).toBeLessThanOrEqual(before.lines[i]!.rentFen),
    );
  }

  const withTierAndRaise = quoteInput.chain((input) =>
    fc.record({
      input: fc.constant(input),
      index: fc.nat(),
      raise: fc.integer({ min: 1, max: 10_000 }),
    }),
  );

  it('raising a floor tier never raises any month’s rent', () => {
    fc.assert(
      fc.property(withTierAndRaise, ({ input, index, raise }) => {
        const rules = structuredClone(input.rules);
        const tier = rules.floorTiers[index % rules.floorTiers.length]!;
        tier.discountPct = Math.min(10_000, Math.round(tier.discountPct * 100) + raise) / 100;
        expect(validateRentPolicy(rules)).toEqual([]);
        neverDearer(computeQuote(input), computeQuote({ ...input, rules }));
      }),
      RUNS,
    );
  });

  it('raising an area band never raises any month’s rent', () => {
    fc.assert(
      fc.property(withTierAndRaise, ({ input, index, raise }) => {
        // a policy without area tiers is the same as one with a single 0% band
        const before = structuredClone(input.rules);
        before.areaTiers ??= { mode: 'whole', bands: [{ fromM2: 0, toM2: null, discountPct: 0 }] };
        const after = structuredClone(before);
        const band = after.areaTiers!.bands[index % after.areaTiers!.bands.length]!;
        band.discountPct = Math.min(10_000, Math.round(band.discountPct * 100) + raise) / 100;
        expect(validateRentPolicy(after)).toEqual([]);
        neverDearer(
          computeQuote({ ...input, rules: before }),
          computeQuote({ ...input, rules: after }),
        );
      }),
      RUNS,
    );
  });

  it('adding a qualification to the profile never raises any month’s rent', () => {
    const withGain = quoteInput.chain((input) =>
      fc.record({
        input: fc.constant(input),
        which: fc.constantFrom(...QUALIFICATIONS),
        level: fc.constantFrom(...SPECIALISED_LEVELS),
      }),
    );
    fc.assert(
      fc.property(withGain, ({ input, which, level }) => {
        const p = input.profile;
        if (which === 'specialised' && p.specialisedLevel !== null) return; // already claims a level
        const more: ApplicantProfile =
          which === 'leading_industry'
            ? { ...p, leadingIndustry: true }
            : which === 'high_tech'
              ? { ...p, highTech: true }
              : { ...p, specialisedLevel: level };
        neverDearer(computeQuote(input), computeQuote({ ...input, profile: more }));
      }),
      RUNS,
    );
  });

  it('adding rent-free months never raises any month’s rent', () => {
    fc.assert(
      fc.property(withTierAndRaise, ({ input, index, raise }) => {
        if (input.rules.incentives.length === 0) return;
        const rules = structuredClone(input.rules);
        const group = rules.incentives[index % rules.incentives.length]!;
        const deferral = group.deferral
          ? group.deferral.months + group.deferral.repayOverMonths
          : 0;
        group.rentFreeMonths = Math.max(
          group.rentFreeMonths,
          Math.min(
            rules.standardMaxTermMonths - 1,
            group.maxTermMonths - deferral,
            group.rentFreeMonths + (raise % 12),
          ),
        );
        expect(validateRentPolicy(rules)).toEqual([]);
        neverDearer(computeQuote(input), computeQuote({ ...input, rules }));
      }),
      RUNS,
    );
  });
});

describe('validateRentPolicy properties', () => {
  it('accepts every valid policy', () => {
    fc.assert(
      fc.property(validPolicy, (rules) => {
        expect(validateRentPolicy(rules)).toEqual([]);
        expect(validateRentPolicy(JSON.parse(JSON.stringify(rules)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  type Mutation = [
    code: string,
    applies: (r: RentPolicyRules) => boolean,
    mutate: (r: RentPolicyRules) => void,
  ];
  const hasTwoBands = (r: RentPolicyRules) => (r.areaTiers?.bands.length ?? 0) > 1;
  /** Moves the start of the last (open) band by ± 0.01 m², exactly. */
  const shiftLastBand = (r: RentPolicyRules, centi: number) => {
    const last = r.areaTiers!.bands[r.areaTiers!.bands.length - 1]!;
    last.fromM2 = (Math.round(last.fromM2 * 100) + centi) / 100;
  };
  /** Moves the start of the last (open) floor tier by ± 1 floor. */
  const shiftLastTier = (r: RentPolicyRules, floors: number) => {
    r.floorTiers[r.floorTiers.length - 1]!.fromFloor += floors;
  };
  const MUTATIONS: Mutation[] = [
    ['AREA_BAND_GAP', hasTwoBands, (r) => shiftLastBand(r, +1)],
    ['AREA_BAND_OVERLAP', hasTwoBands, (r) => shiftLastBand(r, -1)],
    ['FLOOR_TIER_GAP', (r) => r.floorTiers.length > 1, (r) => shiftLastTier(r, +1)],
    ['FLOOR_TIER_OVERLAP', (r) => r.floorTiers.length > 1, (r) => shiftLastTier(r, -1)],
    [
      'FLOOR_TIER_LAST_NOT_OPEN',
      () => true,
      (r) => void (r.floorTiers[r.floorTiers.length - 1]!.toFloor = 99),
    ],
    ['PCT_OUT_OF_RANGE', () => true, (r) => void (r.floorTiers[0]!.discountPct = 101)],
    ['PCT_TOO_PRECISE', () => true, (r) => void (r.floorTiers[0]!.discountPct = 12.345)],
    [
      'QUALIFICATION_DUPLICATE',
      (r) => r.incentives.length > 0,
      (r) => void r.incentives.push(structuredClone(r.incentives[0]!)),
    ],
    [
      'SPECIALISED_LEVELS_REQUIRED',
      (r) => r.incentives.some((g) => g.qualification === 'specialised'),
      (r) =>
        void (r.incentives.find((g) => g.qualification === 'specialised')!.specialisedLevels = []),
    ],
    [
      'RENT_FREE_OUT_OF_RANGE',
      (r) => r.incentives.length > 0,
      (r) => void (r.incentives[0]!.rentFreeMonths = r.standardMaxTermMonths),
    ],
    [
      'MAX_TERM_TOO_LONG',
      (r) => r.incentives.length > 0,
      (r) => void (r.incentives[0]!.maxTermMonths = 241),
    ],
    ['CAP_NOT_POSITIVE', () => true, (r) => void (r.stacking = { mode: 'additive', capPct: 0 })],
    [
      'TERMS_INVERTED',
      (r) => r.standardMaxTermMonths < 240,
      (r) => void (r.minTermMonths = r.standardMaxTermMonths + 1),
    ],
    ['UNKNOWN_FIELD', () => true, (r) => void Object.assign(r, { extra: true })],
  ];

  it.each(MUTATIONS)('a mutation of a valid policy is reported as %s', (code, applies, mutate) => {
    fc.assert(
      fc.property(validPolicy.filter(applies), (valid) => {
        const rules = structuredClone(valid);
        mutate(rules);
        expect(validateRentPolicy(rules).map((i) => i.code)).toContain(code);
      }),
      { numRuns: 60 },
    );
  });
});
