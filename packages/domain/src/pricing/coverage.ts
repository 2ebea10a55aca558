/**
 * The coverage figure (e.g. "47% of industrial space enjoys a tiered discount"): whether a unit of
 * a given lowest floor and area gets any floor-tier or area-tier discount under a policy. The
 * rules must be valid (see `validateRentPolicy`).
 */
import { fromHundredths } from './money';
import { areaDiscountFor, basisPoints, floorTierFor } from './tiers';
import type { RentPolicyRules, TierCoverage } from './types';

/**
 * The floor-tier rate of the unit's lowest floor and the blended area-tier rate of its area
 * (percent, two decimals); covered when either is above 0. The area is taken to the nearest
 * 0.01 m² so database values with more decimals are accepted.
 */
export function tierCoverage(
  rules: RentPolicyRules,
  unit: { floor: number; areaM2: number },
): TierCoverage {
  const tier = floorTierFor(rules.floorTiers, unit.floor);
  const floorPct = tier ? fromHundredths(basisPoints(tier.discountPct)) : 0;
  const areaCenti = BigInt(Math.max(0, Math.round(unit.areaM2 * 100)));
  const areaPct = rules.areaTiers
    ? fromHundredths(areaDiscountFor(rules.areaTiers, areaCenti).blendedBp)
    : 0;
  return { floorPct, areaPct, covered: floorPct > 0 || areaPct > 0 };
}
