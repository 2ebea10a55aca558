/**
 * The demo rent policy of 高平经开区 (梯度优惠): a published v1 in effect from 2026-01-01 and a
 * draft v2 for the editor demo. 晋城经开区 gets none, so the "no policy" state is visible.
 *
 * The coverage figure. The article (科学导报, "变闲置资源为发展资本"; shared/docs/domain.md) says
 * Gaoping applies tiered rent reduction by floor and by square metre to 348,900 m², 47% of its
 * industrial space. The seeded zone holds 788,000 m² of units (every status, accepted or not),
 * so the tiers below are chosen to reproduce the share, not the absolute area: floors 4 and up
 * (hard to let in multi-storey blocks) and units of 6,500 m² or more (large single-storey halls;
 * whole-area bands)
 * are discounted, which covers 372,783 m² = 47.31% of the seeded area
 * (GET /rent-policies/:id/coverage; asserted in test/integration/pricing-coverage.int-spec.ts).
 */
import type { IncentiveGroup, RentPolicyRules } from '@factoryspace/domain';
import type { QueryRunner } from 'typeorm';
import type { DemoDataset } from './dataset';
import { GAOPING_ZONE_CODE } from './constants';
import { uuidFromKey } from './prng';

export const GAOPING_POLICY_NAME = '高平经开区空置厂房入驻专项优惠政策(2026版)';
export const GAOPING_POLICY_EFFECTIVE_FROM = '2026-01-01';
export const GAOPING_POLICY_DRAFT_NAME = '高平经开区空置厂房入驻专项优惠政策(2027版征求意见稿)';
export const GAOPING_POLICY_DRAFT_EFFECTIVE_FROM = '2027-01-01';

/** v1 (published): floors 4+ and units of 6,500 m² or more get tiered reductions. */
export const GAOPING_POLICY_RULES: RentPolicyRules = {
  floorTiers: [
    { fromFloor: 1, toFloor: 3, discountPct: 0 },
    { fromFloor: 4, toFloor: null, discountPct: 10 },
  ],
  areaTiers: {
    mode: 'whole',
    bands: [
      { fromM2: 0, toM2: 6500, discountPct: 0 },
      { fromM2: 6500, toM2: 10000, discountPct: 5 },
      { fromM2: 10000, toM2: null, discountPct: 10 },
    ],
  },
  incentives: [
    {
      // 三大主导产业项目: the largest incentive (rent-free months, deferral, ten-year terms).
      qualification: 'leading_industry',
      yearDiscountPcts: [50, 30, 10],
      rentFreeMonths: 3,
      deferral: { months: 6, repayOverMonths: 12 },
      maxTermMonths: 120,
    },
    {
      qualification: 'high_tech',
      yearDiscountPcts: [30, 20, 10],
      rentFreeMonths: 0,
      deferral: null,
      maxTermMonths: 96,
    },
    {
      qualification: 'specialised',
      specialisedLevels: ['provincial', 'national_little_giant'],
      yearDiscountPcts: [40, 20],
      rentFreeMonths: 2,
      deferral: { months: 3, repayOverMonths: 6 },
      maxTermMonths: 120,
    },
  ],
  stacking: { mode: 'additive', capPct: 60 },
  minRentFenPerM2: 300,
  minTermMonths: 12,
  standardMaxTermMonths: 60,
};

/** v2 (draft): a third floor tier, marginal area bands, best-of, municipal 专精特新 included. */
export const GAOPING_POLICY_DRAFT_RULES: RentPolicyRules = {
  ...GAOPING_POLICY_RULES,
  floorTiers: [
    { fromFloor: 1, toFloor: 2, discountPct: 0 },
    { fromFloor: 3, toFloor: 3, discountPct: 5 },
    { fromFloor: 4, toFloor: null, discountPct: 12 },
  ],
  areaTiers: {
    mode: 'marginal',
    bands: [
      { fromM2: 0, toM2: 5000, discountPct: 0 },
      { fromM2: 5000, toM2: 10000, discountPct: 5 },
      { fromM2: 10000, toM2: null, discountPct: 8 },
    ],
  },
  incentives: GAOPING_POLICY_RULES.incentives.map((group): IncentiveGroup =>
    group.qualification === 'specialised'
      ? { ...group, specialisedLevels: ['municipal', 'provincial', 'national_little_giant'] }
      : group,
  ),
  stacking: { mode: 'best_of' },
};

export const GAOPING_POLICY_ID = uuidFromKey('rent-policy:gaoping:1');
export const GAOPING_POLICY_DRAFT_ID = uuidFromKey('rent-policy:gaoping:2');

/** Inserts the Gaoping versions (the immutability trigger only guards UPDATE and DELETE). */
export async function insertDemoRentPolicies(q: QueryRunner, data: DemoDataset): Promise<number> {
  const gaoping = data.zones.find((zone) => zone.code === GAOPING_ZONE_CODE);
  if (!gaoping) return 0;
  await q.query(
    `INSERT INTO rent_policy_versions (id, zone_id, version_no, name, status, effective_from, rules,
                                       notes, published_at, created_at, updated_at)
     VALUES ($1, $3, 1, $4, 'published', $5::date, $6::jsonb, $7,
             TIMESTAMPTZ '2025-12-20 10:00:00+08', TIMESTAMPTZ '2025-12-01 09:00:00+08',
             TIMESTAMPTZ '2025-12-20 10:00:00+08'),
            ($2, $3, 2, $8, 'draft', $9::date, $10::jsonb, $11, NULL,
             TIMESTAMPTZ '2026-10-15 09:00:00+08', TIMESTAMPTZ '2026-10-15 09:00:00+08')`,
    [
      GAOPING_POLICY_ID,
      GAOPING_POLICY_DRAFT_ID,
      gaoping.id,
      GAOPING_POLICY_NAME,
      GAOPING_POLICY_EFFECTIVE_FROM,
      JSON.stringify(GAOPING_POLICY_RULES),
      '按楼层、按平方米梯度减免租金;对三大主导产业项目、高新技术企业、省级以上专精特新企业给予租金缓交、阶梯优惠和延长租期支持。',
      GAOPING_POLICY_DRAFT_NAME,
      GAOPING_POLICY_DRAFT_EFFECTIVE_FROM,
      JSON.stringify(GAOPING_POLICY_DRAFT_RULES),
      '征求意见稿:增加三层楼层档,面积改为分段累进计算,择优不叠加,市级专精特新纳入。',
    ],
  );
  return 2;
}
