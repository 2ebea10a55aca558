import { tierCoverage } from './coverage';
import { DEFAULT_RENT_POLICY_RULES } from './defaults';
import { maxTermFor, qualificationsOf } from './qualifications';
import type { ApplicantProfile, RentPolicyRules } from './types';

const rules: RentPolicyRules = {
  ...DEFAULT_RENT_POLICY_RULES,
  floorTiers: [
    { fromFloor: 1, toFloor: 1, discountPct: 0 },
    { fromFloor: 2, toFloor: null, discountPct: 10 },
  ],
  areaTiers: {
    mode: 'marginal',
    bands: [
      { fromM2: 0, toM2: 1000, discountPct: 0 },
      { fromM2: 1000, toM2: 2000, discountPct: 10 },
      { fromM2: 2000, toM2: null, discountPct: 20 },
    ],
  },
};

describe('tierCoverage', () => {
  it.each([
    // floor, area, floorPct, areaPct (blended), covered
    [1, 800, 0, 0, false], // ground floor, all of it in the 0% band
    [1, 2500, 0, 8, true], // (1,000 × 10% + 500 × 20%) ÷ 2,500 = 8%
    [3, 800, 10, 0, true], // upper floor
    [1, 1000.01, 0, 0, false], // 0.01 m² at 10% → 0.0009999% blended, rounds to 0.00
    [-1, 0, 0, 0, false], // a basement of no area: the first band's rate
    // database areas with more decimals are taken to 0.01 m²: 1,200.004 → 1,200; 200 m² × 10% ÷ 1,200 = 1.67%
    [1, 1200.004, 0, 1.67, true],
  ])('floor %p, %p m²', (floor, areaM2, floorPct, areaPct, covered) => {
    expect(tierCoverage(rules, { floor, areaM2 })).toEqual({ floorPct, areaPct, covered });
  });

  it('uses the band of the whole area in whole mode, and 0 without area tiers', () => {
    expect(tierCoverage(DEFAULT_RENT_POLICY_RULES, { floor: 1, areaM2: 3000 })).toEqual({
      floorPct: 0,
      areaPct: 10,
      covered: true,
    });
    expect(tierCoverage({ ...rules, areaTiers: null }, { floor: 1, areaM2: 3000 }).areaPct).toBe(0);
  });
});

describe('qualificationsOf and maxTermFor', () => {
  const nobody: ApplicantProfile = {
    leadingIndustry: false,
    highTech: false,
    specialisedLevel: null,
  };
  // DEFAULT: leading industry 120 months, high-tech 96, specialised (provincial, national) 120; standard 60
  it.each<[ApplicantProfile, string[], number]>([
    [nobody, [], 60],
    [{ ...nobody, highTech: true }, ['high_tech'], 96],
    [{ ...nobody, specialisedLevel: 'municipal' }, [], 60], // municipal is not a listed level
    [
      { ...nobody, specialisedLevel: 'national_little_giant', highTech: true },
      ['high_tech', 'specialised'],
      120,
    ],
    [
      { leadingIndustry: true, highTech: true, specialisedLevel: 'provincial' },
      ['leading_industry', 'high_tech', 'specialised'],
      120,
    ],
  ])('%p → %p, up to %p months', (profile, qualifications, maxTerm) => {
    expect(qualificationsOf(DEFAULT_RENT_POLICY_RULES, profile)).toEqual(qualifications);
    expect(maxTermFor(DEFAULT_RENT_POLICY_RULES, profile)).toBe(maxTerm);
  });

  it('lists qualifications in QUALIFICATIONS order whatever the policy order', () => {
    const reversed = {
      ...DEFAULT_RENT_POLICY_RULES,
      incentives: [...DEFAULT_RENT_POLICY_RULES.incentives].reverse(),
    };
    const everyone: ApplicantProfile = {
      leadingIndustry: true,
      highTech: true,
      specialisedLevel: 'provincial',
    };
    expect(qualificationsOf(reversed, everyone)).toEqual([
      'leading_industry',
      'high_tech',
      'specialised',
    ]);
  });
});
