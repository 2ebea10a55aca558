/**
 * The signed-in firm (docs/accounts.md, "The signed-in firm"): its profile, its members and the
 * owner's invitations of colleagues. Shapes are the generated client's schemas.
 */
import type { Schemas } from '@factoryspace/api-client';
import { api, unwrap } from './http';
import type { InvitationResponse } from './users';

export type FirmResponse = Schemas['FirmResponseDto'];
/** The firm's profile fields (FirmInput of docs/accounts.md; optional ones null when not given). */
export type FirmInput = Omit<FirmResponse, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type FirmPatchBody = Schemas['UpdateFirmDto'];
export type FirmMemberResponse = Schemas['FirmMemberResponseDto'];

export function getMyFirm(signal?: AbortSignal) {
  return unwrap<FirmResponse>(api.GET('/api/v1/firms/me', { signal }));
}

export function updateMyFirm(body: FirmPatchBody) {
  return unwrap<FirmResponse>(api.PATCH('/api/v1/firms/me', { body }));
}

export function listMyMembers(signal?: AbortSignal) {
  return unwrap<FirmMemberResponse[]>(api.GET('/api/v1/firms/me/members', { signal }));
}

export function removeMember(userId: string) {
  return unwrap<void>(
    api.DELETE('/api/v1/firms/me/members/{userId}', { params: { path: { userId } } }),
  );
}

export function listMyInvitations(signal?: AbortSignal) {
  return unwrap<InvitationResponse[]>(api.GET('/api/v1/firms/me/invitations', { signal }));
}

export function inviteColleague(email: string) {
  return unwrap<InvitationResponse>(api.POST('/api/v1/firms/me/invitations', { body: { email } }));
}

export function revokeMyInvitation(id: string) {
  return unwrap<void>(
    api.DELETE('/api/v1/firms/me/invitations/{id}', { params: { path: { id } } }),
  );
}
