/**
 * Tier look-ups shared by the engine and the coverage figure. Areas are exact integer centi-m²
 * (m² × 100) and rates integer basis points (percent × 100), so nothing here rounds except the
 * blended rate, which is rounded half up to the basis point (two decimals of a percent).
 */
import { roundHalfUpDiv, toHundredths } from './money';
import type { AreaBand, AreaTierMode, AreaTiers, FloorTier } from './types';

/** The tier containing `floor`, or null (a floor below the first tier, e.g. a basement). */
export function floorTierFor(tiers: readonly FloorTier[], floor: number): FloorTier | null {
  return (
    tiers.find((t) => floor >= t.fromFloor && (t.toFloor === null || floor <= t.toFloor)) ?? null
  );
}

/** Percent with at most two decimals → basis points (10 → 1000n). Validated input only. */
export function basisPoints(pct: number): bigint {
  const bp = toHundredths(pct);
  if (bp === null) throw new RangeError(`not a percentage with two decimals: ${pct}`);
  return bp;
}

/** m² with at most two decimals → centi-m² (12.5 → 1250n). Validated input only. */
export function centiM2(m2: number): bigint {
  const centi = toHundredths(m2);
  if (centi === null) throw new RangeError(`not an area with two decimals: ${m2}`);
  return centi;
}

/** The part of a unit's area that one band discounts. */
export interface AreaBandShare {
  /** 0-based index of the band in the policy. */
  index: number;
  band: AreaBand;
  /** Area this band's rate applies to, centi-m² (the whole area in `whole` mode). */
  areaCenti: bigint;
  bp: bigint;
}

export interface AreaDiscount {
  mode: AreaTierMode;
  /** The bands that apply: the one band of the area (`whole`), or every band reached (`marginal`). */
  shares: AreaBandShare[];
  /** Σ share area × rate, centi-m² × bp; × rent per m² gives the exact monthly discount. */
  weighted: bigint;
  /** weighted ÷ area, rounded half up: the blended rate in basis points. */
  blendedBp: bigint;
}

/**
 * The area-tier discount of a unit of `areaCenti` centi-m². `whole`: the band containing the area
 * sets the rate of the whole area. `marginal`: each band's rate applies to the part of the area
 * inside it. For an area of 0 the blended rate is the first band's (the limit as the area
 * shrinks).
 */
export function areaDiscountFor(tiers: AreaTiers, areaCenti: bigint): AreaDiscount {
  const shares =
    tiers.mode === 'whole' ? wholeShares(tiers, areaCenti) : marginalShares(tiers, areaCenti);
  const weighted = shares.reduce((sum, s) => sum + s.areaCenti * s.bp, 0n);
  const blendedBp =
    areaCenti > 0n
      ? roundHalfUpDiv(weighted, areaCenti)
      : basisPoints(tiers.bands[0]?.discountPct ?? 0);
  return { mode: tiers.mode, shares, weighted, blendedBp };
}

function wholeShares(tiers: AreaTiers, areaCenti: bigint): AreaBandShare[] {
  const index = tiers.bands.findIndex(
    (band) =>
      areaCenti >= centiM2(band.fromM2) && (band.toM2 === null || areaCenti < centiM2(band.toM2)),
  );
  if (index < 0) return [];
  const band = tiers.bands[index]!;
  return [{ index, band, areaCenti, bp: basisPoints(band.discountPct) }];
}

function marginalShares(tiers: AreaTiers, areaCenti: bigint): AreaBandShare[] {
  const shares: AreaBandShare[] = [];
  tiers.bands.forEach((band, index) => {
    const from = centiM2(band.fromM2);
    const to = band.toM2 === null ? areaCenti : minBig(centiM2(band.toM2), areaCenti);
    if (to > from)
      shares.push({ index, band, areaCenti: to - from, bp: basisPoints(band.discountPct) });
  });
  return shares;
}

export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function maxBig(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
