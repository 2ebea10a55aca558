/**
 * The mail outbox (docs/accounts.md, "Outbox and audit"): zone administrators see their zone's
 * mails, super administrators all. Shapes are the generated client's schemas.
 */
import type { Schemas } from '@factoryspace/api-client';
import { api, unwrap } from './http';

export type OutboxMessage = Schemas['OutboxMessageResponseDto'];
export type OutboxStatus = OutboxMessage['status'];
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent'];

/** A page of the outbox, with whether SMTP is configured (false: mail stays pending here). */
export type OutboxPage = Schemas['OutboxPageResponseDto'];

export interface OutboxQuery {
  status?: OutboxStatus;
  cursor?: string;
  limit?: number;
}

export function listOutbox(query: OutboxQuery = {}, signal?: AbortSignal) {
  return unwrap<OutboxPage>(
    api.GET('/api/v1/outbox', { params: { query: { limit: 20, ...query } }, signal }),
  );
}
