import { describe, expect, it } from 'vitest';
import type { RentPolicyRules } from '@factoryspace/domain';
import {
  clampTerm,
  defaultTerm,
  firstOfMonth,
  formatMonth,
  percent,
  profileFromFirm,
  rentPerM2,
  sampleUnitOf,
  startMonthOptions,
  termOptions,
  termRange,
} from './quote-form';

const rules: RentPolicyRules = {
  floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 0 }],
  areaTiers: null,
  incentives: [
    {
      qualification: 'leading_industry',
      yearDiscountPcts: [50],
      rentFreeMonths: 0,
      deferral: null,
      maxTermMonths: 120,
    },
    {
      qualification: 'high_tech',
      yearDiscountPcts: [30],
      rentFreeMonths: 0,
      deferral: null,
      maxTermMonths: 72,
    },
  ],
  stacking: { mode: 'additive', capPct: 60 },
  minRentFenPerM2: 0,
  minTermMonths: 6,
  standardMaxTermMonths: 60,
};

const none = { leadingIndustry: false, highTech: false, specialisedLevel: null };

describe('the calculator’s terms', () => {
  it('runs from the policy minimum to the standard maximum without a qualification', () => {
    expect(termRange(rules, none)).toEqual({ min: 6, max: 60 });
    expect(termOptions(rules, none)).toEqual([6, 12, 24, 36, 48, 60]);
  });

  it('extends to the longest term of the qualifying groups', () => {
    expect(termRange(rules, { ...none, highTech: true })).toEqual({ min: 6, max: 72 });
    expect(termOptions(rules, { ...none, highTech: true })).toEqual([6, 12, 24, 36, 48, 60, 72]);
    const both = { ...none, highTech: true, leadingIndustry: true };
    expect(termRange(rules, both).max).toBe(120);
    expect(termOptions(rules, both)).toEqual([6, 12, 24, 36, 48, 60, 72, 96, 120]);
  });

  it('offers only the common steps inside a narrow range, plus its ends', () => {
    const narrow = { ...rules, minTermMonths: 18, standardMaxTermMonths: 30, incentives: [] };
    expect(termOptions(narrow, none)).toEqual([18, 24, 30]);
  });

  it('clamps a term into the range and defaults to 36 months', () => {
    const range = { min: 12, max: 60 };
    expect(clampTerm(100, range)).toBe(60);
    expect(clampTerm(3, range)).toBe(12);
    expect(clampTerm(30.4, range)).toBe(30);
    expect(clampTerm(Number.NaN, range)).toBe(36);
    expect(defaultTerm({ min: 6, max: 24 })).toBe(24);
    expect(defaultTerm({ min: 48, max: 60 })).toBe(48);
  });
});

describe('start months', () => {
  it('offers the first of next month and the 23 after it', () => {
    const months = startMonthOptions('2026-11-22');
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2026-12-01');
    expect(months[1]).toBe('2027-01-01');
    expect(months[23]).toBe('2028-11-01');
    expect(firstOfMonth('2026-01-31', 0)).toBe('2026-01-01');
  });

  it('names a month in both languages', () => {
    expect(formatMonth('2027-03-01', 'zh-CN')).toBe('2027年3月');
    expect(formatMonth('2027-03-01', 'en')).toBe('Mar 2027');
  });
});

describe('profileFromFirm', () => {
  it('ticks high-tech only for a certificate that has not expired, and keeps the 专精特新 level', () => {
    const firm = {
      highTechCertificateNo: 'GR202414000123',
      highTechExpiresOn: '2027-10-31',
      specialisedLevel: 'provincial' as const,
    };
    expect(profileFromFirm(firm, '2026-11-22')).toEqual({
      leadingIndustry: false,
      highTech: true,
      specialisedLevel: 'provincial',
    });
    expect(profileFromFirm(firm, '2027-11-01').highTech).toBe(false);
    expect(
      profileFromFirm(
        { highTechCertificateNo: null, highTechExpiresOn: null, specialisedLevel: null },
        '2026-11-22',
      ),
    ).toEqual({ leadingIndustry: false, highTech: false, specialisedLevel: null });
  });
});

describe('formats', () => {
  it('shows rents per m² with two decimals and percentages with up to two', () => {
    expect(rentPerM2(1234.5, 'zh-CN')).toBe('¥12.35/㎡·月');
    expect(rentPerM2(900, 'en')).toBe('¥9.00/m²/month');
    expect(percent(12.5, 'en')).toBe('12.5%');
    expect(percent(33.333, 'zh-CN')).toBe('33.33%');
  });
});

describe('sampleUnitOf', () => {
  const u = (code: string, floorFrom: number, grossArea: number) => ({
    code,
    floorFrom,
    grossArea,
  });

  it('takes the highest floor among mid-size units, ties by code', () => {
    const units = [u('A', 1, 3000), u('C', 5, 2000), u('B', 5, 9000), u('D', 9, 20_000)];
    expect(sampleUnitOf(units)?.code).toBe('B');
  });

  it('falls back to the first unit, and to nothing for no units', () => {
    expect(sampleUnitOf([u('X', 3, 500), u('Y', 1, 50_000)])?.code).toBe('X');
    expect(sampleUnitOf([])).toBeUndefined();
  });
});
