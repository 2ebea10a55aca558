import fc from 'fast-check';
import { daysBetween, idleDuration, isIsoDate, monthsBetween, todayInChina } from './dates';

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-3-1')).toBe(false);
    expect(isIsoDate(20240301)).toBe(false);
  });

  it('uses the date in China, not UTC', () => {
    expect(todayInChina(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(todayInChina(new Date('2026-11-21T15:59:00Z'))).toBe('2026-11-21');
  });

  it('counts whole months', () => {
    expect(monthsBetween('2024-03-15', '2024-05-14')).toBe(1);
    expect(monthsBetween('2024-03-15', '2024-05-15')).toBe(2);
    expect(monthsBetween('2024-05-15', '2024-03-15')).toBe(0);
    expect(idleDuration('2025-11-22', '2026-11-22')).toEqual({ days: 365, months: 12 });
    expect(idleDuration(null, '2026-11-22')).toBeNull();
  });

  it('never counts more months than days allow', () => {
    const day = fc
      .integer({ min: 0, max: 20_000 })
      .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const months = monthsBetween(a, b);
        const days = daysBetween(a, b);
        expect(months).toBeGreaterThanOrEqual(0);
        expect(months * 28).toBeLessThanOrEqual(Math.max(0, days));
      }),
    );
  });
});
