import { parseTimestamp } from '../shared/columns';
import type { AuditEventResponseDto } from './dto/audit-event.dto';
import type { AuditOutcome } from './entities/audit-event.entity';

/** An audit event as selected by AuditRepository (raw row). */
export interface AuditEventRow {
  id: string;
  occurredAt: Date | string;
  type: string;
  outcome: AuditOutcome;
  actorId: string | null;
  actorLabel: string | null;
  actorRole: string | null;
  zoneId: string | null;
  ip: string | null;
  userAgent: string | null;
  targetType: string | null;
  targetId: string | null;
  targetLabel: string | null;
  details: unknown;
}

export function mapAuditEvent(row: AuditEventRow): AuditEventResponseDto {
  const details =
    typeof row.details === 'object' && row.details !== null && !Array.isArray(row.details)
      ? (row.details as Record<string, unknown>)
      : {};
  return {
    id: row.id,
    occurredAt: parseTimestamp(row.occurredAt),
    type: row.type,
    outcome: row.outcome,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    actorRole: row.actorRole,
    zoneId: row.zoneId,
    ip: row.ip,
    userAgent: row.userAgent,
    targetType: row.targetType,
    targetId: row.targetId,
    targetLabel: row.targetLabel,
    details,
  };
}
