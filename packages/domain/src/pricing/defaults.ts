import type { RentPolicyRules } from './types';

/**
 * A sensible first draft for the policy editor: floor tiers 1 → 0%, 2 → 10%, 3 and above → 20%;
 * whole-area bands (under 1,000㎡ 0%, 1,000–3,000㎡ 5%, 3,000㎡ and above 10%); one group per
 * qualification; additive stacking capped at 60%; no minimum rent; terms 12 to 60 months.
 * Shared: clone it (`structuredClone`) before editing.
 */
export const DEFAULT_RENT_POLICY_RULES: RentPolicyRules = {
  floorTiers: [
    { fromFloor: 1, toFloor: 1, discountPct: 0 },
    { fromFloor: 2, toFloor: 2, discountPct: 10 },
    { fromFloor: 3, toFloor: null, discountPct: 20 },
  ],
  areaTiers: {
    mode: 'whole',
    bands: [
      { fromM2: 0, toM2: 1000, discountPct: 0 },
      { fromM2: 1000, toM2: 3000, discountPct: 5 },
      { fromM2: 3000, toM2: null, discountPct: 10 },
    ],
  },
  incentives: [
    {
      qualification: 'leading_industry',
      yearDiscountPcts: [30, 20, 10],
      rentFreeMonths: 3,
      deferral: { months: 6, repayOverMonths: 12 },
      maxTermMonths: 120,
    },
    {
      qualification: 'high_tech',
      yearDiscountPcts: [20, 10],
      rentFreeMonths: 2,
      deferral: { months: 3, repayOverMonths: 6 },
      maxTermMonths: 96,
    },
    {
      qualification: 'specialised',
      specialisedLevels: ['provincial', 'national_little_giant'],
      yearDiscountPcts: [20, 10, 5],
      rentFreeMonths: 3,
      deferral: { months: 6, repayOverMonths: 12 },
      maxTermMonths: 120,
    },
  ],
  stacking: { mode: 'additive', capPct: 60 },
  minRentFenPerM2: 0,
  minTermMonths: 12,
  standardMaxTermMonths: 60,
};
