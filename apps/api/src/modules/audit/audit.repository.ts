import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import {
  PageTotalDto,
  SortSpec,
  fetchPage,
  newestFirst,
  selectColumns,
} from '../../common/pagination';
import type { AuditOutcome } from './entities/audit-event.entity';
import type { AuditEventRow } from './audit.mapper';

/** Newest first, id as tie-break (audit_events_occurred_idx / _zone_idx). */
export const AUDIT_SORT: SortSpec = newestFirst('a.occurred_at', 'a.id');

const AUDIT_COLUMNS: [string, string][] = [
  ['a.id', 'id'],
  ['a.occurred_at', 'occurredAt'],
  ['a.type', 'type'],
  ['a.outcome', 'outcome'],
  ['a.actor_id', 'actorId'],
  ['a.actor_label', 'actorLabel'],
  ['a.actor_role', 'actorRole'],
  ['a.zone_id', 'zoneId'],
  ['a.ip', 'ip'],
  ['a.user_agent', 'userAgent'],
  ['a.target_type', 'targetType'],
  ['a.target_id', 'targetId'],
  ['a.target_label', 'targetLabel'],
  ['a.details', 'details'],
];

export interface AuditFilter {
  /** Only this zone's events; undefined: every event (super administrator). */
  zoneId?: string;
  type?: string;
  outcome?: AuditOutcome;
  actorId?: string;
  /** occurred_at >= start */
  start?: Date;
  /** occurred_at < end */
  end?: Date;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    filter: AuditFilter,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ rows: AuditEventRow[]; nextCursor: string | null; total: PageTotalDto }> {
    const manager = this.dataSource.manager;
    const qb = selectColumns(
      manager.createQueryBuilder().from('audit_events', 'a') as SelectQueryBuilder<AuditEventRow>,
      AUDIT_COLUMNS,
    );
    if (filter.zoneId !== undefined) qb.andWhere('a.zone_id = :zoneId', { zoneId: filter.zoneId });
    if (filter.type) qb.andWhere('a.type = :type', { type: filter.type });
    if (filter.outcome) qb.andWhere('a.outcome = :outcome', { outcome: filter.outcome });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.start) qb.andWhere('a.occurred_at >= :start', { start: filter.start });
    if (filter.end) qb.andWhere('a.occurred_at < :end', { end: filter.end });
    return fetchPage<AuditEventRow>(manager, qb, AUDIT_SORT, cursor, limit);
  }
}
