import fc from 'fast-check';
import {
  allocateLargestRemainder,
  formatAreaCenti,
  formatBasisPoints,
  formatYuan,
  roundHalfUpDiv,
  toHundredths,
} from './money';

describe('roundHalfUpDiv', () => {
  it.each([
    // numerator, denominator, expected
    [5n, 2n, 3n], // 2.5 → 3 (half up, not to even)
    [25n, 10n, 3n], // 2.5 → 3
    [15n, 10n, 2n], // 1.5 → 2
    [24n, 10n, 2n], // 2.4 → 2
    [26n, 10n, 3n], // 2.6 → 3
    [-5n, 2n, -3n], // −2.5 → −3 (halves away from zero)
    [-24n, 10n, -2n], // −2.4 → −2
    [5n, -2n, -3n], // sign of the denominator counts too
    [0n, 7n, 0n],
    [1_000_000_500_000n, 1_000_000n, 1_000_001n], // 1,000,000.5 fen → 1,000,001
  ])('%p ÷ %p = %p', (n, d, expected) => {
    expect(roundHalfUpDiv(n, d)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
  });

  it('agrees with rounding the exact quotient, halves away from zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1000 }),
        (n, d) => {
          const expected = Math.sign(n) * Math.floor(Math.abs(n) / d + 0.5);
          expect(Number(roundHalfUpDiv(BigInt(n), BigInt(d)))).toBe(expected === 0 ? 0 : expected);
        },
      ),
    );
  });
});

describe('allocateLargestRemainder', () => {
  it.each([
    // three thirds of 20,000 fen: ⌊6,666.67⌋ × 3 = 19,998, the 2 missing fen go to the first two (ties)
    [20_000n, [20_000n, 20_000n, 20_000n], 3n, [6667n, 6667n, 6666n]],
    // 1.2 + 3.7 + 5.1 = 10: floors 1 + 3 + 5 = 9, the one missing fen goes to 3.7 (largest remainder)
    [10n, [12n, 37n, 51n], 10n, [1n, 4n, 5n]],
    // a negative share (the minimum-rent lift) is floored towards −∞: 5.5 − 2.5 = 3 → 5 + (−3) + 1
    [3n, [55n, -25n], 10n, [6n, -3n]],
    [0n, [], 1n, []],
  ])('splits %p over %p ÷ %p as %p', (target, numerators, denominator, expected) => {
    const shares = allocateLargestRemainder(target, numerators, denominator);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(target);
  });

  it('refuses a target the exact amounts cannot reach', () => {
    expect(() => allocateLargestRemainder(5n, [10n], 10n)).toThrow();
    expect(() => allocateLargestRemainder(-1n, [10n], 10n)).toThrow();
  });

  it('always sums to the rounded total and gives each share its amount rounded down or up', () => {
    const big = 10n ** 9n;
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -big, max: big }), { maxLength: 6 }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (nums, den) => {
          // round(Σ amounts) always lies between Σ⌊amount⌋ and Σ⌊amount⌋ + the number of shares
          const target = roundHalfUpDiv(
            nums.reduce((a, b) => a + b, 0n),
            den,
          );
          const shares = allocateLargestRemainder(target, nums, den);
          expect(shares.reduce((a, b) => a + b, 0n)).toBe(target);
          shares.forEach((share, k) => {
            expect(share * den - nums[k]!).toBeGreaterThan(-den);
            expect(share * den - nums[k]!).toBeLessThanOrEqual(den);
          });
        },
      ),
    );
  });
});

describe('toHundredths', () => {
  it.each([
    [12.5, 1250n],
    [0.01, 1n],
    [1234.56, 123456n],
    [0.29, 29n], // 0.29 × 100 = 28.999999999999996 in binary floating point
    [1_000_000, 100_000_000n],
    [-3.2, -320n],
    [0.125, null],
    [1e-7, null],
    [Number.NaN, null],
    [Infinity, null],
  ])('%p → %p', (value, expected) => {
    expect(toHundredths(value)).toBe(expected);
  });
});

describe('formatting', () => {
  it.each([
    [1234567, '¥12,345.67'],
    [100001, '¥1,000.01'],
    [5, '¥0.05'],
    [0, '¥0.00'],
    [-1234567, '-¥12,345.67'],
    [112_500_000_00, '¥112,500,000.00'],
  ])('formatYuan(%p) = %p in both locales', (fen, text) => {
    expect(formatYuan(fen, 'zh-CN')).toBe(text);
    expect(formatYuan(fen, 'en')).toBe(text);
  });

  it('formats areas and percentages with thousands separators and no trailing zeros', () => {
    expect(formatAreaCenti(300_000n, 'zh-CN')).toBe('3,000㎡');
    expect(formatAreaCenti(300_000n, 'en')).toBe('3,000 m²');
    expect(formatAreaCenti(123_450n, 'en')).toBe('1,234.5 m²');
    expect(formatAreaCenti(1n, 'zh-CN')).toBe('0.01㎡');
    expect(formatBasisPoints(1000n)).toBe('10%');
    expect(formatBasisPoints(1250n)).toBe('12.5%');
    expect(formatBasisPoints(5n)).toBe('0.05%');
    expect(formatBasisPoints(-1000n)).toBe('-10%');
  });
});
