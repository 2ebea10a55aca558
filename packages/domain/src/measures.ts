/**
 * Units of measure used in Chinese factory listings, and the conversions between them.
 * Stored values: area m², floor load kN/m², floor height m, power kVA, money integer fen.
 */

/** Standard gravity: 1 t/m² (tonne-force per m²) = 9.80665 kN/m². */
export const KN_PER_TONNE_FORCE = 9.80665;

/** Converts a floor load in t/m² to kN/m², rounded to 2 decimals as stored. */
export function tonnesPerM2ToKnPerM2(tonnes: number): number {
  return roundTo(tonnes * KN_PER_TONNE_FORCE, 2);
}

/** Converts a floor load in kN/m² to t/m², rounded to 2 decimals for display. */
export function knPerM2ToTonnesPerM2(kn: number): number {
  return roundTo(kn / KN_PER_TONNE_FORCE, 2);
}

/** 1 万㎡ = 10,000 m². */
export const M2_PER_WAN = 10_000;

/** Yuan (decimal) to fen (integer). Rounds half away from zero on the fen. */
export function yuanToFen(yuan: number): number {
  return Math.sign(yuan) * Math.round(Math.abs(yuan) * 100);
}

/** Fen (integer) to yuan, exact to 2 decimals. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** Rounds to a number of decimals, half away from zero, avoiding binary-float drift. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor + Number.EPSILON)) / factor;
}

/** Formats an area for people: "12,000 ㎡" or, in Chinese for large values, "1.2万㎡". */
export function formatArea(m2: number, locale: 'zh-CN' | 'en'): string {
  if (locale === 'zh-CN' && m2 >= M2_PER_WAN) {
    return `${roundTo(m2 / M2_PER_WAN, 2).toLocaleString('zh-CN')}万㎡`;
  }
  return `${roundTo(m2, 2).toLocaleString(locale)} ㎡`;
}

/** Formats a rent in fen per m² per month as "12.50 元/㎡·月" or "¥12.50 /m²/month". */
export function formatRentPerM2(fen: number, locale: 'zh-CN' | 'en'): string {
  const yuan = fenToYuan(fen).toFixed(2);
  return locale === 'zh-CN' ? `${yuan} 元/㎡·月` : `¥${yuan} /m²/month`;
}
