import { describe, expect, it } from 'vitest';
import { HIGH_TECH_WARNING_DAYS, highTechExpiry } from './high-tech-expiry';

const TODAY = '2025-06-01';

describe('highTechExpiry', () => {
  it('has nothing to say without a date', () => {
    expect(highTechExpiry(null, TODAY)).toBeNull();
    expect(highTechExpiry('', TODAY)).toBeNull();
    expect(highTechExpiry('2025-02-30', TODAY)).toBeNull();
  });

  it('is valid beyond the warning window', () => {
    expect(highTechExpiry('2025-08-31', TODAY)).toEqual({ kind: 'valid', daysLeft: 91 });
  });

  it(`warns within ${HIGH_TECH_WARNING_DAYS} days, through the last day`, () => {
    expect(highTechExpiry('2025-08-30', TODAY)).toEqual({ kind: 'expiring', daysLeft: 90 });
    expect(highTechExpiry('2025-06-02', TODAY)).toEqual({ kind: 'expiring', daysLeft: 1 });
    expect(highTechExpiry(TODAY, TODAY)).toEqual({ kind: 'expiring', daysLeft: 0 });
  });

  it('is expired from the day after the expiry date', () => {
    expect(highTechExpiry('2025-05-31', TODAY)).toEqual({ kind: 'expired', daysAgo: 1 });
    expect(highTechExpiry('2024-06-01', TODAY)).toEqual({ kind: 'expired', daysAgo: 365 });
  });
});
