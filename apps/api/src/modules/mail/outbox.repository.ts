import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  PageTotalDto,
  SortSpec,
  fetchPage,
  newestFirst,
  selectColumns,
} from '../../common/pagination';
import type { OutboxStatus } from './entities/outbox-message.entity';
import type { OutboxRow } from './outbox.mapper';

/** Newest first, id as tie-break (outbox_messages_created_idx / _zone_idx). */
export const OUTBOX_SORT: SortSpec = newestFirst('o.created_at', 'o.id');

const OUTBOX_COLUMNS: [string, string][] = [
  ['o.id', 'id'],
  ['o.kind', 'kind'],
  ['o.to_address', 'toAddress'],
  ['o.subject', 'subject'],
  ['o.body_text', 'bodyText'],
  ['o.status', 'status'],
  ['o.attempts', 'attempts'],
  ['o.last_error', 'lastError'],
  ['o.next_attempt_at', 'nextAttemptAt'],
  ['o.sent_at', 'sentAt'],
  ['o.created_at', 'createdAt'],
  ['o.zone_id', 'zoneId'],
];

export interface OutboxFilter {
  status?: OutboxStatus;
  /** Only this zone's messages; undefined: every message (super administrator). */
  zoneId?: string;
}

/** A message claimed for delivery (locked until the delivering transaction ends). */
export interface DueMessage {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  attempts: number;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    filter: OutboxFilter,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: OutboxRow[]; nextCursor: string | null; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const qb = selectColumns(
      manager.createQueryBuilder().from('outbox_messages', 'o') as SelectQueryBuilder<OutboxRow>,
      OUTBOX_COLUMNS,
    );
    if (filter.zoneId !== undefined) qb.andWhere('o.zone_id = :zoneId', { zoneId: filter.zoneId });
    if (filter.status) qb.andWhere('o.status = :status', { status: filter.status });
    return fetchPage<OutboxRow>(manager, qb, OUTBOX_SORT, cursor, limit);
  }

  /**
   * Locks up to `limit` pending messages that are due, oldest due first. SKIP LOCKED lets several
   * API instances deliver side by side without sending a message twice.
   */
  claimDue(manager: EntityManager, limit: number): Promise<DueMessage[]> {
    return manager.query(
      `SELECT id, kind, to_address AS "toAddress", subject, body_text AS "bodyText", attempts
         FROM outbox_messages
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE outbox_messages
          SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
        WHERE id = $1`,
      [id],
    );
  }

  async markFailed(
    manager: EntityManager,
    id: string,
    error: string,
    retryInMs: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE outbox_messages
          SET attempts = attempts + 1, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3)
        WHERE id = $1`,
      [id, error, retryInMs / 1000],
    );
  }
}
