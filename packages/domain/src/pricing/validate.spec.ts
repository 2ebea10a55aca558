import { DEFAULT_RENT_POLICY_RULES } from './defaults';
import type { RentPolicyRules } from './types';
import { POLICY_ISSUE_CODES, validateRentPolicy } from './validate';

/** A policy as loose JSON: the tests write malformed values into it on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** The default policy with one change applied to a deep copy. */
function mutated(change: (rules: Loose) => void): unknown {
  const rules = structuredClone(DEFAULT_RENT_POLICY_RULES) as unknown as Loose;
  change(rules);
  return rules;
}

function codesAndPaths(rules: unknown): [string, string][] {
  return validateRentPolicy(rules).map((issue) => [issue.code, issue.path]);
}

describe('validateRentPolicy', () => {
  it('accepts the default policy and a minimal one', () => {
    expect(validateRentPolicy(DEFAULT_RENT_POLICY_RULES)).toEqual([]);
    const minimal: RentPolicyRules = {
      floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 0 }],
      areaTiers: null,
      incentives: [],
      stacking: { mode: 'best_of' },
      minRentFenPerM2: 0,
      minTermMonths: 1,
      standardMaxTermMonths: 1,
    };
    expect(validateRentPolicy(minimal)).toEqual([]);
  });

  it.each([
    ['not an object', null, [['WRONG_TYPE', '']]],
    ['a list', [], [['WRONG_TYPE', '']]],
    ['a string', 'policy', [['WRONG_TYPE', '']]],
  ])('rejects a document that is %s', (_what, rules, expected) => {
    expect(codesAndPaths(rules)).toEqual(expected);
  });

  it.each<[string, (r: Loose) => void, [string, string][]]>([
    // structure
    ['a missing field', (r) => delete r.stacking, [['MISSING_FIELD', 'stacking']]],
    [
      'an unknown field',
      (r) => (r.discountForFriends = 5),
      [['UNKNOWN_FIELD', 'discountForFriends']],
    ],
    [
      'an unknown field in a tier',
      (r) => (r.floorTiers[0].note = 'x'),
      [['UNKNOWN_FIELD', 'floorTiers[0].note']],
    ],
    ['a list that is not a list', (r) => (r.incentives = {}), [['WRONG_TYPE', 'incentives']]],
    [
      'a number given as text',
      (r) => (r.floorTiers[1].discountPct = '10'),
      [['WRONG_TYPE', 'floorTiers[1].discountPct']],
    ],
    [
      'a non-finite number',
      (r) => (r.minRentFenPerM2 = Infinity),
      [['NOT_FINITE', 'minRentFenPerM2']],
    ],
    // floor tiers
    ['no floor tiers', (r) => (r.floorTiers = []), [['FLOOR_TIERS_EMPTY', 'floorTiers']]],
    [
      'a fractional floor',
      (r) => (r.floorTiers[1].toFloor = 2.5),
      [['NOT_INTEGER', 'floorTiers[1].toFloor']],
    ],
    [
      'first tier not at floor 1',
      (r) => (r.floorTiers[0].fromFloor = 0),
      [['FLOOR_TIER_FIRST_NOT_ONE', 'floorTiers[0].fromFloor']],
    ],
    [
      'a gap between floor tiers',
      (r) => (r.floorTiers[2].fromFloor = 4),
      [['FLOOR_TIER_GAP', 'floorTiers[2].fromFloor']],
    ],
    [
      'overlapping floor tiers',
      (r) => (r.floorTiers[2].fromFloor = 2),
      [['FLOOR_TIER_OVERLAP', 'floorTiers[2].fromFloor']],
    ],
    [
      'a tier ending below its start',
      (r) => (r.floorTiers[1].toFloor = 1),
      [['FLOOR_TIER_RANGE_INVALID', 'floorTiers[1].toFloor']],
    ],
    [
      'an open tier that is not last',
      (r) => (r.floorTiers[1].toFloor = null),
      [['FLOOR_TIER_OPEN_NOT_LAST', 'floorTiers[1].toFloor']],
    ],
    [
      'a closed last tier',
      (r) => (r.floorTiers[2].toFloor = 10),
      [['FLOOR_TIER_LAST_NOT_OPEN', 'floorTiers[2].toFloor']],
    ],
    // percentages
    [
      'a discount above 100%',
      (r) => (r.floorTiers[1].discountPct = 101),
      [['PCT_OUT_OF_RANGE', 'floorTiers[1].discountPct']],
    ],
    [
      'a negative discount',
      (r) => (r.areaTiers.bands[1].discountPct = -5),
      [['PCT_OUT_OF_RANGE', 'areaTiers.bands[1].discountPct']],
    ],
    [
      'a discount with three decimals',
      (r) => (r.floorTiers[1].discountPct = 10.125),
      [['PCT_TOO_PRECISE', 'floorTiers[1].discountPct']],
    ],
    [
      'a year discount with three decimals',
      (r) => (r.incentives[0].yearDiscountPcts[1] = 0.001),
      [['PCT_TOO_PRECISE', 'incentives[0].yearDiscountPcts[1]']],
    ],
    ['a cap of 0%', (r) => (r.stacking.capPct = 0), [['CAP_NOT_POSITIVE', 'stacking.capPct']]],
    [
      'a cap above 100%',
      (r) => (r.stacking.capPct = 120),
      [['PCT_OUT_OF_RANGE', 'stacking.capPct']],
    ],
    // area bands
    [
      'an unknown area mode',
      (r) => (r.areaTiers.mode = 'progressive'),
      [['AREA_MODE_INVALID', 'areaTiers.mode']],
    ],
    ['no area bands', (r) => (r.areaTiers.bands = []), [['AREA_BANDS_EMPTY', 'areaTiers.bands']]],
    [
      'first band not at 0 m²',
      (r) => (r.areaTiers.bands[0].fromM2 = 100),
      [['AREA_BAND_FIRST_NOT_ZERO', 'areaTiers.bands[0].fromM2']],
    ],
    [
      'a gap between bands',
      (r) => (r.areaTiers.bands[2].fromM2 = 3500),
      [['AREA_BAND_GAP', 'areaTiers.bands[2].fromM2']],
    ],
    [
      'overlapping bands',
      (r) => (r.areaTiers.bands[2].fromM2 = 2500),
      [['AREA_BAND_OVERLAP', 'areaTiers.bands[2].fromM2']],
    ],
    [
      'a band ending at its start',
      (r) => (r.areaTiers.bands[1].toM2 = 1000),
      [['AREA_BAND_RANGE_INVALID', 'areaTiers.bands[1].toM2']],
    ],
    [
      'an open band that is not last',
      (r) => (r.areaTiers.bands[1].toM2 = null),
      [['AREA_BAND_OPEN_NOT_LAST', 'areaTiers.bands[1].toM2']],
    ],
    [
      'a closed last band',
      (r) => (r.areaTiers.bands[2].toM2 = 9000),
      [['AREA_BAND_LAST_NOT_OPEN', 'areaTiers.bands[2].toM2']],
    ],
    [
      'an area with three decimals',
      (r) => (r.areaTiers.bands[0].toM2 = 1000.001),
      [['AREA_TOO_PRECISE', 'areaTiers.bands[0].toM2']],
    ],
    [
      'a negative area',
      (r) => (r.areaTiers.bands[0].fromM2 = -1),
      [['AREA_OUT_OF_RANGE', 'areaTiers.bands[0].fromM2']],
    ],
    // stacking
    [
      'an unknown stacking mode',
      (r) => (r.stacking = { mode: 'multiply' }),
      [['STACKING_MODE_INVALID', 'stacking.mode']],
    ],
    [
      'best_of with a cap',
      (r) => (r.stacking = { mode: 'best_of', capPct: 50 }),
      [['UNKNOWN_FIELD', 'stacking.capPct']],
    ],
    [
      'additive without a cap',
      (r) => (r.stacking = { mode: 'additive' }),
      [['MISSING_FIELD', 'stacking.capPct']],
    ],
    // incentives
    [
      'an unknown qualification',
      (r) => (r.incentives[0].qualification = 'state_owned'),
      [['QUALIFICATION_INVALID', 'incentives[0].qualification']],
    ],
    [
      'a duplicate qualification',
      (r) => (r.incentives[1].qualification = 'leading_industry'),
      [['QUALIFICATION_DUPLICATE', 'incentives[1].qualification']],
    ],
    [
      'specialised without levels',
      (r) => delete r.incentives[2].specialisedLevels,
      [['SPECIALISED_LEVELS_REQUIRED', 'incentives[2].specialisedLevels']],
    ],
    [
      'specialised with no level',
      (r) => (r.incentives[2].specialisedLevels = []),
      [['SPECIALISED_LEVELS_REQUIRED', 'incentives[2].specialisedLevels']],
    ],
    [
      'an unknown specialised level',
      (r) => (r.incentives[2].specialisedLevels[1] = 'county'),
      [['SPECIALISED_LEVEL_INVALID', 'incentives[2].specialisedLevels[1]']],
    ],
    [
      'a repeated specialised level',
      (r) => (r.incentives[2].specialisedLevels = ['provincial', 'provincial']),
      [['SPECIALISED_LEVEL_DUPLICATE', 'incentives[2].specialisedLevels[1]']],
    ],
    [
      'levels on another group',
      (r) => (r.incentives[0].specialisedLevels = ['provincial']),
      [['SPECIALISED_LEVELS_NOT_ALLOWED', 'incentives[0].specialisedLevels']],
    ],
    [
      '21 yearly discounts',
      (r) => (r.incentives[0].yearDiscountPcts = Array(21).fill(1)),
      [['YEAR_DISCOUNTS_TOO_MANY', 'incentives[0].yearDiscountPcts']],
    ],
    [
      'rent-free as long as the standard term',
      (r) => (r.incentives[0].rentFreeMonths = 60),
      [['RENT_FREE_OUT_OF_RANGE', 'incentives[0].rentFreeMonths']],
    ],
    [
      'negative rent-free months',
      (r) => (r.incentives[0].rentFreeMonths = -1),
      [['RENT_FREE_OUT_OF_RANGE', 'incentives[0].rentFreeMonths']],
    ],
    [
      'fractional rent-free months',
      (r) => (r.incentives[0].rentFreeMonths = 1.5),
      [['NOT_INTEGER', 'incentives[0].rentFreeMonths']],
    ],
    [
      '0 deferred months',
      (r) => (r.incentives[0].deferral.months = 0),
      [['DEFERRAL_MONTHS_OUT_OF_RANGE', 'incentives[0].deferral.months']],
    ],
    [
      '0 repayment months',
      (r) => (r.incentives[0].deferral.repayOverMonths = 0),
      [['DEFERRAL_REPAY_OUT_OF_RANGE', 'incentives[0].deferral.repayOverMonths']],
    ],
    [
      'a deferral longer than the term',
      (r) => (r.incentives[1].deferral = { months: 48, repayOverMonths: 49 }),
      [['DEFERRAL_TOO_LONG', 'incentives[1].deferral']],
    ],
    [
      // 2 rent-free + 48 deferred + 47 repaying = 97 months > the group's 96
      'a deferral that fits the term only without the rent-free months',
      (r) => (r.incentives[1].deferral = { months: 48, repayOverMonths: 47 }),
      [['DEFERRAL_TOO_LONG', 'incentives[1].deferral']],
    ],
    [
      'a group term below the standard',
      (r) => (r.incentives[1].maxTermMonths = 48),
      [['MAX_TERM_BELOW_STANDARD', 'incentives[1].maxTermMonths']],
    ],
    [
      'a group term above 240 months',
      (r) => (r.incentives[1].maxTermMonths = 241),
      [['MAX_TERM_TOO_LONG', 'incentives[1].maxTermMonths']],
    ],
    // terms and minimum rent
    [
      'a minimum term of 0',
      (r) => (r.minTermMonths = 0),
      [['MIN_TERM_OUT_OF_RANGE', 'minTermMonths']],
    ],
    [
      'a standard maximum above 240',
      (r) => (r.standardMaxTermMonths = 241),
      [['STANDARD_MAX_TERM_OUT_OF_RANGE', 'standardMaxTermMonths']],
    ],
    [
      'a minimum above the maximum',
      (r) => (r.minTermMonths = 61),
      [['TERMS_INVERTED', 'standardMaxTermMonths']],
    ],
    [
      'a negative minimum rent',
      (r) => (r.minRentFenPerM2 = -1),
      [['MIN_RENT_OUT_OF_RANGE', 'minRentFenPerM2']],
    ],
    [
      'a minimum rent above ¥1,000',
      (r) => (r.minRentFenPerM2 = 100_001),
      [['MIN_RENT_OUT_OF_RANGE', 'minRentFenPerM2']],
    ],
    [
      'a fractional minimum rent',
      (r) => (r.minRentFenPerM2 = 2.5),
      [['NOT_INTEGER', 'minRentFenPerM2']],
    ],
  ])('reports %s', (_what, change, expected) => {
    expect(codesAndPaths(mutated(change))).toEqual(expected);
  });

  it('explains a gap between area bands in words an administrator understands', () => {
    const issues = validateRentPolicy(mutated((r) => (r.areaTiers.bands[1].fromM2 = 1200)));
    expect(issues).toEqual([
      {
        path: 'areaTiers.bands[1].fromM2',
        code: 'AREA_BAND_GAP',
        zh: '面积阶梯第2档的起点应等于上一档的终点 1,000㎡,现为 1,200㎡,中间有空档',
        en: 'Area band 2 must start where band 1 ends (1,000 m²); starting at 1,200 m² leaves a gap',
      },
    ]);
  });

  it('names the field and group in generic messages', () => {
    const [issue] = validateRentPolicy(mutated((r) => (r.incentives[1].yearDiscountPcts[0] = 150)));
    expect(issue).toEqual({
      path: 'incentives[1].yearDiscountPcts[0]',
      code: 'PCT_OUT_OF_RANGE',
      zh: '专项优惠第2组(高新技术企业)的逐年优惠第1年应在 0% 至 100% 之间',
      en: 'Incentive group 2 (High-tech enterprise), yearly discounts, year 1 must be from 0% to 100%',
    });
  });

  it('lists every problem at once, without follow-on issues from an unusable tier', () => {
    const rules = mutated((r) => {
      r.floorTiers[1].fromFloor = 'two'; // the sequence check is skipped, not reported as a gap too
      r.stacking.capPct = 100.5;
      r.incentives.push({ ...r.incentives[0] });
    });
    expect(codesAndPaths(rules)).toEqual([
      ['WRONG_TYPE', 'floorTiers[1].fromFloor'],
      ['PCT_OUT_OF_RANGE', 'stacking.capPct'],
      ['QUALIFICATION_DUPLICATE', 'incentives[3].qualification'],
    ]);
  });

  it('never throws, whatever JSON it is given', () => {
    const weird: unknown[] = [
      undefined,
      0,
      true,
      { floorTiers: [null, 1, 'x', []] },
      { incentives: [null, { deferral: 5 }] },
      { areaTiers: { bands: {} } },
      { stacking: [] },
    ];
    for (const value of weird) {
      expect(() => validateRentPolicy(value)).not.toThrow();
      expect(validateRentPolicy(value).length).toBeGreaterThan(0);
    }
  });

  it('uses only documented codes, with a message in both languages', () => {
    const issues = [
      null,
      { floorTiers: [{}], areaTiers: { bands: [{}] }, incentives: [{}], stacking: {} },
    ].flatMap(validateRentPolicy);
    for (const issue of issues) {
      expect(POLICY_ISSUE_CODES).toContain(issue.code);
      expect(issue.zh).toMatch(/\S/);
      expect(issue.en).toMatch(/\S/);
    }
  });
});
