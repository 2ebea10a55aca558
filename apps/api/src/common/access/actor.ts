import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AccessErrors } from './access.errors';
import {
  resolveLocale,
  type FirmMemberRole,
  type Locale,
  type UserRole,
} from '@factoryspace/domain';

/** The signed-in user behind a request, as the session resolved it. */
export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  role: UserRole;
  zoneId: string | null;
  firmId: string | null;
  firmRole: FirmMemberRole | null;
  csrfToken: string;
}

/** Where the request came from, for the audit log. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** The signed-in user (undefined on public routes for visitors). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor | undefined =>
    ctx.switchToHttp().getRequest<FastifyRequest>().actor,
);

/** Like CurrentActor, for routes whose policy guarantees a signed-in user. */
export const SignedInActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor => {
    const actor = ctx.switchToHttp().getRequest<FastifyRequest>().actor;
    if (!actor) throw new Error('SignedInActor on a route that admits visitors');
    return actor;
  },
);

export function originOf(request: FastifyRequest): RequestOrigin {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 400) : null };
}

export const Origin = createParamDecorator((_data: unknown, ctx: ExecutionContext): RequestOrigin =>
  originOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

/** The zones an actor may see: null = every zone (super administrator). */
export function zoneScopeOf(actor: Actor): string | null {
  return actor.role === 'super_admin' ? null : actor.zoneId;
}

/** The locale asked for by Accept-Language (for messages in 2xx bodies). */
export const RequestLocale = createParamDecorator((_data: unknown, ctx: ExecutionContext): Locale =>
  resolveLocale(ctx.switchToHttp().getRequest<FastifyRequest>().headers['accept-language']),
);

/**
 * A list's zone filter within the actor's scope: staff and zone administrators always get their
 * own zone, and asking for another one is refused; the super administrator filters freely.
 */
export function scopeZoneFilter(
  actor: Actor,
  requested: string[] | undefined,
): string[] | undefined {
  const own = zoneScopeOf(actor);
  if (own === null) return requested;
  if (requested?.some((zoneId) => zoneId.toLowerCase() !== own)) throw AccessErrors.otherZone();
  return [own];
}

/** Throws `notFound()` when a zone-owned row lies outside the actor's zone. */
export function assertInZone(actor: Actor, zoneId: string, notFound: () => Error): void {
  const own = zoneScopeOf(actor);
  if (own !== null && own !== zoneId) throw notFound();
}
