/**
 * The audit log (docs/accounts.md, "Outbox and audit"): zone administrators see their zone's
 * events, super administrators all. Shapes are the generated client's schemas.
 */
import type { Schemas, operations } from '@factoryspace/api-client';
import { api, unwrap, type Page } from './http';

export type AuditEvent = Schemas['AuditEventResponseDto'];
export type AuditEventType = AuditEvent['type'];
export type AuditOutcome = AuditEvent['outcome'];

/**
 * type, outcome, actorId; `from` and `to` are calendar days (YYYY-MM-DD) in China time, both
 * inclusive; cursor, limit.
 */
export type AuditQuery = NonNullable<operations['listAuditEvents']['parameters']['query']>;

export function listAuditEvents(query: AuditQuery = {}, signal?: AbortSignal) {
  return unwrap<Page<AuditEvent>>(
    api.GET('/api/v1/audit-events', { params: { query: { limit: 50, ...query } }, signal }),
  );
}
