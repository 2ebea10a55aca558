/**
 * Users and staff invitations (docs/accounts.md, "Users and staff invitations"): zone
 * administrators and super administrators. Shapes are the generated client's schemas.
 */
import type { Schemas } from '@factoryspace/api-client';
import type { UserRole, UserStatus } from '@factoryspace/domain';
import { api, unwrap, type Page } from './http';

/** The roles an administrator can give by invitation or role change. */
export type StaffRole = 'staff' | 'zone_admin';
export const STAFF_ROLES: readonly StaffRole[] = ['staff', 'zone_admin'];

export type InvitationStatus = Schemas['InvitationResponseDto']['status'];
export const INVITATION_STATUSES: readonly InvitationStatus[] = [
  'pending',
  'accepted',
  'expired',
  'revoked',
];

export type UserResponse = Schemas['UserResponseDto'];
export type UserPatchBody = Schemas['UpdateUserDto'];
export type InvitationResponse = Schemas['InvitationResponseDto'];
/** Super administrators choose the zone; zone administrators always invite to their own. */
export type StaffInvitationBody = Schemas['CreateInvitationDto'];

export interface UserListQuery {
  zoneId?: string;
  role?: UserRole;
  status?: UserStatus;
  q?: string;
  cursor?: string;
  limit?: number;
}

export interface InvitationListQuery {
  zoneId?: string;
  status?: InvitationStatus;
  cursor?: string;
  limit?: number;
}

export function listUsers(query: UserListQuery = {}, signal?: AbortSignal) {
  return unwrap<Page<UserResponse>>(
    api.GET('/api/v1/users', { params: { query: { limit: 20, ...query } }, signal }),
  );
}

export function getUser(id: string, signal?: AbortSignal) {
  return unwrap<UserResponse>(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal }));
}

export function updateUser(id: string, body: UserPatchBody) {
  return unwrap<UserResponse>(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }));
}

export function listInvitations(query: InvitationListQuery = {}, signal?: AbortSignal) {
  return unwrap<Page<InvitationResponse>>(
    api.GET('/api/v1/invitations', { params: { query: { limit: 20, ...query } }, signal }),
  );
}

export function createInvitation(body: StaffInvitationBody) {
  return unwrap<InvitationResponse>(api.POST('/api/v1/invitations', { body }));
}

export function revokeInvitation(id: string) {
  return unwrap<void>(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } }));
}
