import { describe, expect, it } from 'vitest';
import { formatMonthlyRent, formatYuan, monthlyRentYuan } from './format';

describe('market formats', () => {
  it('works out the monthly rent of the whole unit', () => {
    expect(monthlyRentYuan(1250, 1000)).toBe(12_500);
    expect(monthlyRentYuan(999, 333.3)).toBe(3330);
    expect(monthlyRentYuan(null, 1000)).toBeNull();
  });

  it('formats whole yuan per locale', () => {
    expect(formatYuan(12500, 'zh-CN')).toBe('12,500 元');
    expect(formatYuan(12500, 'en')).toBe('¥12,500');
    expect(formatMonthlyRent(1250, 1000, 'en')).toBe('¥12,500');
    expect(formatMonthlyRent(null, 1000, 'zh-CN')).toBeNull();
  });
});
