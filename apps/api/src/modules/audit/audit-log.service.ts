import { Injectable } from '@nestjs/common';
import { type Actor, zoneScopeOf } from '../../common/access/actor';
import { DEFAULT_PAGE_LIMIT, cappedTotal } from '../../common/pagination';
import { chinaDayRange } from './audit-period';
import { mapAuditEvent } from './audit.mapper';
import { AuditRepository } from './audit.repository';
import type { AuditEventPageResponseDto, ListAuditEventsQueryDto } from './dto/audit-event.dto';

/** Reads the audit log: zone administrators their zone's events, the super administrator all. */
@Injectable()
export class AuditLogService {
  constructor(private readonly events: AuditRepository) {}

  async list(query: ListAuditEventsQueryDto, actor: Actor): Promise<AuditEventPageResponseDto> {
    const zoneId = zoneScopeOf(actor);
    if (zoneId === null && actor.role !== 'super_admin') {
      // A zone role without a zone (the schema forbids it): nothing to see.
      return { items: [], nextCursor: null, total: cappedTotal(0) };
    }
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const { start, end } = chinaDayRange(query.from, query.to);
    const page = await this.events.list(
      {
        zoneId: zoneId ?? undefined,
        type: query.type,
        outcome: query.outcome,
        actorId: query.actorId?.toLowerCase(),
        start,
        end,
      },
      query.cursor,
      limit,
    );
    return { items: page.rows.map(mapAuditEvent), nextCursor: page.nextCursor, total: page.total };
  }
}
