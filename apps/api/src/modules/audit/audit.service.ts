import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Actor, RequestOrigin } from '../../common/access/actor';
import { AuditEventEntity, type AuditOutcome } from './entities/audit-event.entity';

/** Event types recorded in the audit log (labels in the web app). */
export const AUDIT_EVENT_TYPES = [
  'login.success',
  'login.failure',
  'logout',
  'password.change',
  'password.reset',
  'user.register',
  'email.verify',
  'invitation.create',
  'invitation.accept',
  'invitation.revoke',
  'user.role_change',
  'user.disable',
  'user.enable',
  'access.denied',
  'firm.member_remove',
  'zone.create',
  'rent_policy.publish',
  'rent_policy.delete',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export interface AuditRecord {
  type: AuditEventType;
  outcome: AuditOutcome;
  actor?: Pick<Actor, 'userId' | 'email' | 'role' | 'zoneId'> | null;
  /** Label for an actor that is not signed in (e.g. the identifier of a failed login). */
  actorLabel?: string | null;
  zoneId?: string | null;
  origin?: RequestOrigin;
  target?: { type: string; id?: string | null; label?: string | null };
  details?: Record<string, unknown>;
}

/**
 * Appends security events. Inside a transaction pass its manager so the event commits with the
 * change it records; outside one a failure to write is logged, never thrown (it must not turn a
 * denied request into a 500).
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AuditRecord, manager?: EntityManager): Promise<void> {
    const row: Partial<AuditEventEntity> = {
      type: event.type,
      outcome: event.outcome,
      actorId: event.actor?.userId ?? null,
      actorLabel: event.actor?.email ?? event.actorLabel ?? null,
      actorRole: event.actor?.role ?? null,
      zoneId: event.zoneId !== undefined ? event.zoneId : (event.actor?.zoneId ?? null),
      ip: event.origin?.ip ?? null,
      userAgent: event.origin?.userAgent ?? null,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      targetLabel: event.target?.label ?? null,
      details: event.details ?? {},
    };
    // Nest's Logger takes a second string as the context, so the message travels as `msg`.
    this.logger.log({
      msg: `audit ${event.type} ${event.outcome}`,
      audit: { ...row, userAgent: undefined },
    });
    // jsonb `details` is an open record, which TypeORM's deep-partial type cannot express.
    const values = row as QueryDeepPartialEntity<AuditEventEntity>;
    if (manager) {
      await manager.insert(AuditEventEntity, values);
      return;
    }
    try {
      await this.dataSource.getRepository(AuditEventEntity).insert(values);
    } catch (error) {
      this.logger.error({ msg: `could not write audit event ${event.type}`, err: error });
    }
  }
}
