/**
 * Who may call a route. Every controller method declares exactly one policy; the global
 * AccessGuard enforces it and the app refuses to start when a route has none (deny by default;
 * see access-policy.check.ts and docs/accounts.md).
 */
import { SetMetadata } from '@nestjs/common';
import type { FirmMemberRole, UserRole } from '@factoryspace/domain';

export const ACCESS_POLICY_KEY = 'factoryspace:access-policy';

/** A zone-owned resource the guard can place in its zone before the handler runs. */
export type ScopedResource = 'zone' | 'park' | 'building' | 'unit';

export interface ZoneScope {
  resource: ScopedResource;
  /** Where the resource id is: a path parameter or a body field. */
  from: 'param' | 'body';
  key: string;
}

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | {
      kind: 'roles';
      roles: readonly UserRole[];
      /** Firm routes that only the firm's owner may call. */
      firmRole?: FirmMemberRole;
      /** Staff and zone administrators only reach resources of their own zone. */
      scope?: ZoneScope;
    };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_POLICY_KEY, { kind: 'public' } as AccessPolicy);

/** Any signed-in user. */
export const SignedIn = () => SetMetadata(ACCESS_POLICY_KEY, { kind: 'signed-in' } as AccessPolicy);

/** Signed-in users with one of `roles` (and, for firms, `firmRole`), within `scope`. */
export const Allow = (
  roles: readonly UserRole[],
  options: { firmRole?: FirmMemberRole; scope?: ZoneScope } = {},
) => SetMetadata(ACCESS_POLICY_KEY, { kind: 'roles', roles, ...options } as AccessPolicy);

/** The roles that maintain a zone's dossiers. */
export const ZONE_WORKERS = ['staff', 'zone_admin', 'super_admin'] as const;
/** The roles that administer a zone. */
export const ZONE_ADMINS = ['zone_admin', 'super_admin'] as const;

/** Shorthand for the scope of a path parameter or body field. */
export const inParam = (resource: ScopedResource, key = 'id'): ZoneScope => ({
  resource,
  from: 'param',
  key,
});
export const inBody = (resource: ScopedResource, key: string): ZoneScope => ({
  resource,
  from: 'body',
  key,
});
