/**
 * What an administrator may do to a user on /admin/users (docs/accounts.md): zone administrators
 * manage the staff and administrators of their own zone; super administrators those of every
 * zone, and may also disable or enable firm users; nobody changes their own role or status, and
 * super administrators are not managed here. The API enforces the same; the page only hides
 * what would be refused.
 */
import { USER_ROLES, type UserRole } from '@factoryspace/domain';
import type { StaffRole, UserResponse } from '@/api/users';

export interface Actor {
  id: string;
  role: UserRole;
  zoneId: string | null;
}

export type UserTarget = Pick<UserResponse, 'id' | 'role' | 'zoneId' | 'status'>;

/** Why a control is not offered (shown as a hint on the row). */
export type LockReason = 'self' | 'super_admin' | 'other_zone' | 'not_admin' | 'firm_user';

export interface UserActions {
  canChangeRole: boolean;
  canChangeStatus: boolean;
  /** The roles the user can be given (empty when the role cannot change). */
  roleOptions: readonly StaffRole[];
  reason: LockReason | null;
}

const STAFF_ROLE_OPTIONS: readonly StaffRole[] = ['staff', 'zone_admin'];

function locked(reason: LockReason): UserActions {
  return { canChangeRole: false, canChangeStatus: false, roleOptions: [], reason };
}

export function isAdministrator(role: UserRole | null | undefined): boolean {
  return role === 'zone_admin' || role === 'super_admin';
}

export function userActions(actor: Actor, target: UserTarget): UserActions {
  if (!isAdministrator(actor.role)) return locked('not_admin');
  if (actor.id === target.id) return locked('self');
  if (target.role === 'super_admin') return locked('super_admin');
  if (actor.role === 'zone_admin') {
    if (target.role === 'firm') return locked('firm_user');
    if (!actor.zoneId || target.zoneId !== actor.zoneId) return locked('other_zone');
  }
  if (target.role === 'firm') {
    // Only a super administrator gets here: a firm user's status, never a staff role.
    return { canChangeRole: false, canChangeStatus: true, roleOptions: [], reason: null };
  }
  return {
    canChangeRole: true,
    canChangeStatus: true,
    roleOptions: STAFF_ROLE_OPTIONS,
    reason: null,
  };
}

/** The roles an administrator can filter the list by. */
export function roleFilterOptions(actorRole: UserRole): readonly UserRole[] {
  return actorRole === 'super_admin' ? USER_ROLES : STAFF_ROLE_OPTIONS;
}

/** Whether an invitation form must ask for the zone (super administrators pick one). */
export function invitationNeedsZone(actorRole: UserRole): boolean {
  return actorRole === 'super_admin';
}
