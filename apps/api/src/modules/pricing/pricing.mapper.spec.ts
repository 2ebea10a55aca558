import type { RentPolicyRules } from '@factoryspace/domain';
import {
  addYears,
  mapPolicy,
  mapSavedQuote,
  mapSavedQuoteSummary,
  profileOf,
  startDateWindow,
  summarizeCoverage,
  type RentPolicyRow,
  type SavedQuoteRow,
} from './pricing.mapper';

const RULES: RentPolicyRules = {
  floorTiers: [
    { fromFloor: 1, toFloor: 1, discountPct: 0 },
    { fromFloor: 2, toFloor: null, discountPct: 10 },
  ],
  areaTiers: {
    mode: 'whole',
    bands: [
      { fromM2: 0, toM2: 5000, discountPct: 0 },
      { fromM2: 5000, toM2: null, discountPct: 5 },
    ],
  },
  incentives: [],
  stacking: { mode: 'additive', capPct: 50 },
  minRentFenPerM2: 0,
  minTermMonths: 12,
  standardMaxTermMonths: 60,
};

describe('addYears / startDateWindow', () => {
  it.each([
    ['2026-12-04', 2, '2028-12-04'],
    ['2028-02-29', 2, '2030-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2026-01-31', 0, '2026-01-31'],
  ])('%s + %i years = %s', (from, years, expected) => {
    expect(addYears(from, years)).toBe(expected);
  });

  it('runs from today to today + 2 years', () => {
    expect(startDateWindow('2026-12-04', 2)).toEqual({ min: '2026-12-04', max: '2028-12-04' });
  });
});

describe('summarizeCoverage', () => {
  const park = (id: string, name: string) => ({ parkId: id, parkName: name });

  it('counts a unit once when either tier applies, and sums exactly in hundredths of m²', () => {
    const result = summarizeCoverage(RULES, [
      { ...park('p1', '乙园'), floorFrom: 1, grossArea: '1000.10' }, // neither
      { ...park('p1', '乙园'), floorFrom: 2, grossArea: '1000.20' }, // floor
      { ...park('p2', '甲园'), floorFrom: 1, grossArea: '5000.00' }, // area
      { ...park('p2', '甲园'), floorFrom: 3, grossArea: 6000.3 }, // both
    ]);
    expect(result).toEqual({
      zoneAreaM2: 13000.6,
      coveredAreaM2: 12000.5,
      coveredShare: 0.9231,
      unitCount: 4,
      coveredUnitCount: 3,
      floorTierAreaM2: 7000.5,
      areaTierAreaM2: 11000.3,
      byPark: [
        { parkId: 'p2', parkName: '甲园', areaM2: 11000.3, coveredAreaM2: 11000.3 },
        { parkId: 'p1', parkName: '乙园', areaM2: 2000.3, coveredAreaM2: 1000.2 },
      ],
    });
  });

  it('is 0 for a zone without units', () => {
    expect(summarizeCoverage(RULES, [])).toMatchObject({
      zoneAreaM2: 0,
      coveredShare: 0,
      byPark: [],
    });
  });
});

describe('mapPolicy', () => {
  const row: RentPolicyRow = {
    id: 'a',
    zoneId: 'z',
    versionNo: 3,
    name: '政策',
    status: 'published',
    effectiveFrom: '2027-01-01',
    publishedAt: new Date('2026-12-01T02:00:00Z'),
    updatedAt: '2026-12-01 10:00:00+08',
    version: 2,
    notes: null,
    rules: RULES,
  };

  it('formats timestamps as ISO and marks the current version', () => {
    expect(mapPolicy(row, 'a')).toEqual({
      id: 'a',
      zoneId: 'z',
      versionNo: 3,
      name: '政策',
      status: 'published',
      effectiveFrom: '2027-01-01',
      publishedAt: '2026-12-01T02:00:00.000Z',
      updatedAt: '2026-12-01T02:00:00.000Z',
      version: 2,
      isCurrent: true,
      notes: null,
      rules: RULES,
    });
    expect(mapPolicy({ ...row, publishedAt: null }, 'b')).toMatchObject({
      publishedAt: null,
      isCurrent: false,
    });
  });
});

describe('saved quotes', () => {
  const row: SavedQuoteRow = {
    id: 'q',
    createdAt: new Date('2026-12-04T01:02:03Z'),
    unitId: 'u',
    zoneId: 'z',
    termMonths: 12,
    startDate: '2027-01-01',
    profile: { leadingIndustry: true, highTech: false, specialisedLevel: null },
    unitSnapshot: { listRentFenPerM2: 1200, areaM2: 3200.5, floor: 2, code: 'A-1', name: 'A1' },
    result: { totals: { dueFen: 1 } } as never,
    policyId: 'p',
    policyVersionNo: 1,
    policyName: '政策',
    policyEffectiveFrom: '2026-01-01',
  };

  it('answers the unit as it was saved, never as it is now', () => {
    expect(mapSavedQuote(row)).toEqual({
      id: 'q',
      createdAt: '2026-12-04T01:02:03.000Z',
      unit: {
        id: 'u',
        code: 'A-1',
        name: 'A1',
        zoneId: 'z',
        grossArea: 3200.5,
        floor: 2,
        listRentFenPerM2: 1200,
      },
      policy: { id: 'p', versionNo: 1, name: '政策', effectiveFrom: '2026-01-01' },
      profile: row.profile,
      result: row.result,
    });
  });

  it('summarises with the totals only', () => {
    const { result: _result, profile: _profile, ...rest } = row;
    const totals = { dueFen: 5 } as never;
    expect(mapSavedQuoteSummary({ ...rest, totals })).toEqual({
      id: 'q',
      createdAt: '2026-12-04T01:02:03.000Z',
      unit: { id: 'u', code: 'A-1', name: 'A1' },
      policy: { id: 'p', versionNo: 1, name: '政策', effectiveFrom: '2026-01-01' },
      termMonths: 12,
      startDate: '2027-01-01',
      totals,
    });
  });
});

describe('profileOf', () => {
  it('keeps exactly the three fields (a DTO instance or extra keys never reach the database)', () => {
    const input = Object.assign(Object.create({ inherited: 1 }), {
      highTech: true,
      leadingIndustry: false,
      specialisedLevel: 'provincial',
    });
    expect(JSON.stringify(profileOf(input))).toBe(
      '{"leadingIndustry":false,"highTech":true,"specialisedLevel":"provincial"}',
    );
  });
});
