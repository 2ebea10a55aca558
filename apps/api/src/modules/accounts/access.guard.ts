import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { AccessErrors } from '../../common/access/access.errors';
import { type Actor, originOf } from '../../common/access/actor';
import {
  ACCESS_POLICY_KEY,
  type AccessPolicy,
  type ScopedResource,
  type ZoneScope,
} from '../../common/access/policy';
import type { AppException } from '../../common/errors/app-exception';
import { isUuid } from '../../common/pipes/parse-id.pipe';
import { AuditService } from '../audit/audit.service';
import { BuildingsErrors } from '../buildings/buildings.errors';
import { ParksErrors } from '../parks/parks.errors';
import { UnitsErrors } from '../units/units.errors';
import { ZonesErrors } from '../zones/zones.errors';
import { sameSecret } from './secrets';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How the guard finds a resource's zone, and the 404 it answers for another zone's resource. */
const SCOPES: Record<ScopedResource, { sql: string | null; notFound: () => AppException }> = {
  zone: { sql: null, notFound: ZonesErrors.notFound },
  park: { sql: 'SELECT zone_id FROM parks WHERE id = $1', notFound: ParksErrors.notFound },
  building: {
    sql: 'SELECT zone_id FROM buildings WHERE id = $1',
    notFound: BuildingsErrors.notFound,
  },
  unit: { sql: 'SELECT zone_id FROM units WHERE id = $1', notFound: UnitsErrors.notFound },
};

/**
 * The one gate in front of every route (registered globally): resolves the session cookie,
 * checks the CSRF header on unsafe methods, then the route's declared policy: public, signed in,
 * or roles (+ firm role) within a zone scope. Another zone's resource answers like a missing one.
 * Denials are written to the audit log.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const policy = this.reflector.get<AccessPolicy | undefined>(
      ACCESS_POLICY_KEY,
      context.getHandler(),
    );
    if (!policy) throw AccessErrors.policyMissing(`${request.method} ${request.routeOptions.url}`);

    const token = request.cookies?.[SESSION_COOKIE];
    let actor: Actor | null = null;
    if (token) {
      actor = await this.sessions.resolve(token);
      if (!actor) this.sessions.clearCookies(request, reply);
    }
    request.actor = actor ?? undefined;

    if (actor && UNSAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (!sameSecret(typeof header === 'string' ? header : undefined, actor.csrfToken)) {
        await this.deny(request, actor, 'csrf');
        throw AccessErrors.csrf();
      }
    }

    if (policy.kind === 'public') return true;
    if (!actor) throw token ? AccessErrors.sessionExpired() : AccessErrors.notAuthenticated();
    if (policy.kind === 'signed-in') return true;

    if (
      !policy.roles.includes(actor.role) ||
      (policy.firmRole && actor.firmRole !== policy.firmRole)
    ) {
      await this.deny(request, actor, 'role');
      throw AccessErrors.forbidden();
    }
    if (policy.scope && actor.role !== 'super_admin') {
      await this.checkScope(request, actor, policy.scope);
    }
    return true;
  }

  private async checkScope(request: FastifyRequest, actor: Actor, scope: ZoneScope): Promise<void> {
    const source = (scope.from === 'param' ? request.params : request.body) as
      Record<string, unknown> | undefined;
    const id = source?.[scope.key];
    // Malformed or absent ids are the validation pipe's to reject (400).
    if (typeof id !== 'string' || !isUuid(id)) return;
    const { sql, notFound } = SCOPES[scope.resource];
    let zoneId: string | undefined = id;
    if (sql) {
      const rows: { zone_id: string }[] = await this.dataSource.query(sql, [id]);
      if (rows.length === 0) return; // missing: the handler answers its own 404
      zoneId = rows[0].zone_id;
    }
    if (zoneId !== actor.zoneId) {
      await this.deny(request, actor, 'zone', { resource: scope.resource, id });
      throw notFound();
    }
  }

  private deny(
    request: FastifyRequest,
    actor: Actor,
    reason: 'role' | 'zone' | 'csrf',
    target?: { resource: string; id: string },
  ): Promise<void> {
    return this.audit.record({
      type: 'access.denied',
      outcome: 'denied',
      actor,
      origin: originOf(request),
      target: target
        ? { type: target.resource, id: target.id }
        : { type: 'route', label: `${request.method} ${request.routeOptions.url}` },
      details: { reason, method: request.method, route: request.routeOptions.url },
    });
  }
}
