/**
 * Sign-in, registration, e-mail verification, password reset and invitations
 * (docs/accounts.md, `/api/v1/auth/*`), through the typed client. The shapes are written in the
 * domain's vocabulary (UserRole, FirmMemberRole, …); they describe the same JSON as the
 * generated `SessionResponseDto`, `InvitationPreviewDto`, … of @factoryspace/api-client.
 */
import type { FirmMemberRole, InvitationRole, UserRole } from '@factoryspace/domain';
import type { FirmInput } from './firms';
import { api, unwrap } from './http';

export type { FirmInput };

export interface SessionUser {
  id: string;
  email: string;
  mobile: string | null;
  displayName: string;
  role: UserRole;
  zoneId: string | null;
  zoneName: string | null;
  firmId: string | null;
  firmName: string | null;
  firmRole: FirmMemberRole | null;
  emailVerified: boolean;
}

export interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export interface MessageResponse {
  message: string;
}

export interface RegisterBody {
  email: string;
  password: string;
  displayName: string;
  mobile?: string;
  firm: FirmInput;
}

export interface InvitationPreview {
  email: string;
  role: InvitationRole | UserRole;
  zoneName: string | null;
  firmName: string | null;
  expiresAt: string;
}

export interface AcceptInvitationBody {
  token: string;
  password: string;
  displayName: string;
  mobile?: string;
}

export function getSession(signal?: AbortSignal): Promise<SessionResponse> {
  return unwrap(api.GET('/api/v1/auth/session', { signal }));
}

export function login(identifier: string, password: string): Promise<SessionResponse> {
  return unwrap(api.POST('/api/v1/auth/login', { body: { identifier, password } }));
}

export function logout(): Promise<void> {
  return unwrap(api.POST('/api/v1/auth/logout'));
}

export function register(body: RegisterBody): Promise<MessageResponse> {
  return unwrap(api.POST('/api/v1/auth/register', { body }));
}

export function verifyEmail(token: string): Promise<void> {
  return unwrap(api.POST('/api/v1/auth/email/verify', { body: { token } }));
}

export function resendVerification(email: string): Promise<MessageResponse> {
  return unwrap(api.POST('/api/v1/auth/email/resend', { body: { email } }));
}

export function forgotPassword(email: string): Promise<MessageResponse> {
  return unwrap(api.POST('/api/v1/auth/password/forgot', { body: { email } }));
}

export function resetPassword(token: string, newPassword: string): Promise<void> {
  return unwrap(api.POST('/api/v1/auth/password/reset', { body: { token, newPassword } }));
}

export function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<SessionResponse> {
  return unwrap(
    api.POST('/api/v1/auth/password/change', { body: { currentPassword, newPassword } }),
  );
}

export function getInvitation(token: string, signal?: AbortSignal): Promise<InvitationPreview> {
  return unwrap(
    api.GET('/api/v1/auth/invitations/{token}', { params: { path: { token } }, signal }),
  );
}

export function acceptInvitation(body: AcceptInvitationBody): Promise<SessionResponse> {
  return unwrap(api.POST('/api/v1/auth/invitations/accept', { body }));
}
