/**
 * Exact money helpers for the rent engine: integer division with the engine's one rounding rule,
 * largest-remainder allocation, decimals held as integer hundredths, and number formatting for
 * the explanation lines (¥12,345.67, 2,500㎡ / 2,500 m², 12.5%).
 */
import type { Locale } from '../labels';

/**
 * `numerator ÷ denominator` rounded to the nearest integer, halves rounded away from zero
 * (四舍五入: 2.5 → 3, −2.5 → −3). Throws a RangeError when the denominator is 0.
 */
export function roundHalfUpDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('roundHalfUpDiv: division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** `numerator ÷ denominator` rounded towards −∞ (the denominator must be positive). */
export function floorDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  return numerator % denominator < 0n ? quotient - 1n : quotient;
}

/**
 * Splits the integer `target` into integer shares of the exact amounts `numerators[k] ÷
 * denominator` (largest-remainder method): each share is its amount rounded down, and the units
 * still missing go one each to the shares with the largest remainders (ties: the earlier one).
 * The caller guarantees that 0 ≤ target − Σ⌊amount⌋ ≤ the number of shares; anything else is a
 * bug and throws.
 */
export function allocateLargestRemainder(
  target: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
): bigint[] {
  const shares = numerators.map((n) => floorDiv(n, denominator));
  const remainders = numerators.map((n, k) => n - shares[k]! * denominator);
  let missing = target - shares.reduce((sum, share) => sum + share, 0n);
  if (missing < 0n || missing > BigInt(shares.length)) {
    throw new Error(`allocateLargestRemainder: cannot split ${target} over ${numerators.join()}`);
  }
  const byRemainder = remainders
    .map((remainder, k) => ({ remainder, k }))
    .sort((a, b) => (a.remainder === b.remainder ? a.k - b.k : a.remainder > b.remainder ? -1 : 1));
  for (const { k } of byRemainder) {
    if (missing === 0n) break;
    shares[k] = shares[k]! + 1n;
    missing -= 1n;
  }
  return shares;
}

/**
 * A decimal with at most two places as exact integer hundredths (12.5 → 1250n), or null when the
 * number is not finite or has more than two decimals. Exact: a decimal with two places parses to
 * the double nearest to it, which is also what `hundredths / 100` computes.
 */
export function toHundredths(value: number): bigint | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.round(value * 100);
  if (!Number.isSafeInteger(scaled) || scaled / 100 !== value) return null;
  return BigInt(scaled);
}

/** Integer hundredths back to a number (1250n → 12.5). */
export function fromHundredths(hundredths: bigint): number {
  return Number(hundredths) / 100;
}

/** "1234567" → "1,234,567" (digits only). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Integer hundredths as a decimal with thousands separators: "12,345.67", or with
 * `trimZeros` "12,345.6" / "12,345" when the trailing decimals are zero.
 */
export function formatHundredths(hundredths: bigint, trimZeros: boolean): string {
  const sign = hundredths < 0n ? '-' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  const whole = groupThousands((abs / 100n).toString());
  let decimals = (abs % 100n).toString().padStart(2, '0');
  if (trimZeros) decimals = decimals.replace(/0+$/, '');
  return `${sign}${whole}${decimals ? `.${decimals}` : ''}`;
}

/** Money in fen as yuan, the same in both locales: 1234567 → "¥12,345.67", −5 → "-¥0.05". */
export function formatYuan(fen: number, _locale: Locale): string {
  const amount = BigInt(Math.round(fen));
  const text = formatHundredths(amount < 0n ? -amount : amount, false);
  return amount < 0n ? `-¥${text}` : `¥${text}`;
}

/** A rent in fen per m² per month: "12.50 元/㎡·月" / "¥12.50/m²/month". */
export function formatRentFenPerM2(fen: bigint, locale: Locale): string {
  const text = formatHundredths(fen, false);
  return locale === 'zh-CN' ? `${text} 元/㎡·月` : `¥${text}/m²/month`;
}

/** An area given in centi-m²: "2,500㎡" / "2,500 m²", "1,234.5㎡" / "1,234.5 m²". */
export function formatAreaCenti(centiM2: bigint, locale: Locale): string {
  const text = formatHundredths(centiM2, true);
  return locale === 'zh-CN' ? `${text}㎡` : `${text} m²`;
}

/** A percentage given in basis points: 1000n → "10%", 1250n → "12.5%", 5n → "0.05%". */
export function formatBasisPoints(bp: bigint): string {
  return `${formatHundredths(bp, true)}%`;
}
