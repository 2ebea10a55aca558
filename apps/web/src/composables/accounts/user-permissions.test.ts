import { describe, expect, it } from 'vitest';
import type { UserRole } from '@factoryspace/domain';
import {
  invitationNeedsZone,
  roleFilterOptions,
  userActions,
  type Actor,
  type UserTarget,
} from './user-permissions';

const ZONE_A = 'zone-a';
const ZONE_B = 'zone-b';

const zoneAdmin: Actor = { id: 'admin-a', role: 'zone_admin', zoneId: ZONE_A };
const superAdmin: Actor = { id: 'root', role: 'super_admin', zoneId: null };

function target(role: UserRole, zoneId: string | null = ZONE_A, id = 'u1'): UserTarget {
  return { id, role, zoneId, status: 'active' };
}

describe('userActions', () => {
  it('lets a zone administrator change role and status of staff in their zone', () => {
    expect(userActions(zoneAdmin, target('staff'))).toEqual({
      canChangeRole: true,
      canChangeStatus: true,
      roleOptions: ['staff', 'zone_admin'],
      reason: null,
    });
    expect(userActions(zoneAdmin, target('zone_admin')).canChangeRole).toBe(true);
  });

  it('never offers controls on your own row', () => {
    for (const actor of [zoneAdmin, superAdmin]) {
      const own = { ...target(actor.role, actor.zoneId, actor.id) };
      expect(userActions(actor, own)).toMatchObject({
        canChangeRole: false,
        canChangeStatus: false,
        reason: 'self',
      });
    }
  });

  it('keeps a zone administrator out of other zones and firm accounts', () => {
    expect(userActions(zoneAdmin, target('staff', ZONE_B)).reason).toBe('other_zone');
    expect(userActions(zoneAdmin, target('firm', null)).reason).toBe('firm_user');
    expect(userActions({ ...zoneAdmin, zoneId: null }, target('staff')).reason).toBe('other_zone');
  });

  it('lets a super administrator manage staff of any zone, and only the status of firm users', () => {
    expect(userActions(superAdmin, target('staff', ZONE_B)).canChangeRole).toBe(true);
    expect(userActions(superAdmin, target('firm', null))).toEqual({
      canChangeRole: false,
      canChangeStatus: true,
      roleOptions: [],
      reason: null,
    });
  });

  it('does not manage super administrators here', () => {
    expect(userActions(superAdmin, target('super_admin', null, 'root-2')).reason).toBe(
      'super_admin',
    );
    expect(userActions(zoneAdmin, target('super_admin', null)).reason).toBe('super_admin');
  });

  it('offers nothing to someone who is not an administrator', () => {
    expect(userActions({ id: 's', role: 'staff', zoneId: ZONE_A }, target('staff')).reason).toBe(
      'not_admin',
    );
  });
});

describe('filters and invitations', () => {
  it('lets zone administrators filter by the roles they manage, super administrators by all', () => {
    expect(roleFilterOptions('zone_admin')).toEqual(['staff', 'zone_admin']);
    expect(roleFilterOptions('super_admin')).toEqual([
      'firm',
      'staff',
      'zone_admin',
      'super_admin',
    ]);
  });

  it('asks for the zone only from super administrators', () => {
    expect(invitationNeedsZone('super_admin')).toBe(true);
    expect(invitationNeedsZone('zone_admin')).toBe(false);
  });
});
