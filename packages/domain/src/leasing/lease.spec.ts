import {
  LEASE_BLOCKING_STATUSES,
  LEASE_OCCUPYING_STATUSES,
  LEASE_STATUSES,
  leaseOccupancy,
  unitOccupancyFromLeases,
} from './lease';
import type { LeaseStatus } from './lease';

describe('lease status groups', () => {
  it('blocks the unit in every status but cancelled', () => {
    expect(LEASE_BLOCKING_STATUSES).toEqual(['draft', 'signed', 'active', 'expired', 'terminated']);
    expect(LEASE_STATUSES.filter((s) => !LEASE_BLOCKING_STATUSES.includes(s as never))).toEqual([
      'cancelled',
    ]);
  });

  it('binds the firm to the unit once signed and while active', () => {
    expect(LEASE_OCCUPYING_STATUSES).toEqual(['signed', 'active']);
  });
});

describe('leaseOccupancy', () => {
  it.each<[LeaseStatus, 'reserved' | 'leased' | null]>([
    ['draft', 'reserved'],
    ['signed', 'reserved'],
    ['active', 'leased'],
    ['expired', null],
    ['terminated', null],
    ['cancelled', null],
  ])('%s → %p', (status, occupancy) => {
    expect(leaseOccupancy(status)).toBe(occupancy);
  });
});

describe('unitOccupancyFromLeases', () => {
  it.each<[LeaseStatus[], 'reserved' | 'leased' | null]>([
    [[], null],
    [['expired', 'cancelled', 'terminated'], null], // vacant again
    [['expired', 'draft'], 'reserved'],
    [['signed', 'active', 'draft'], 'leased'], // an active lease wins over a reservation
    [['terminated', 'active'], 'leased'],
  ])('%p → %p', (statuses, occupancy) => {
    expect(unitOccupancyFromLeases(statuses)).toBe(occupancy);
  });
});
