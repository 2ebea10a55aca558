import { Injectable } from '@nestjs/common';
import { type Actor, zoneScopeOf } from '../../common/access/actor';
import { DEFAULT_PAGE_LIMIT, cappedTotal } from '../../common/pagination';
import { InjectConfig, type AppConfig } from '../../config';
import type { ListOutboxQueryDto, OutboxPageResponseDto } from './dto/outbox.dto';
import { mapOutboxMessage } from './outbox.mapper';
import { OutboxRepository } from './outbox.repository';

/** Administrators read the outbox: zone administrators their zone's mail, the super administrator all. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly outbox: OutboxRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async list(query: ListOutboxQueryDto, actor: Actor): Promise<OutboxPageResponseDto> {
    const smtpConfigured = Boolean(this.config.mail.smtpUrl);
    const zoneId = zoneScopeOf(actor);
    if (zoneId === null && actor.role !== 'super_admin') {
      // A zone role without a zone (the schema forbids it): nothing to see.
      return { items: [], nextCursor: null, total: cappedTotal(0), smtpConfigured };
    }
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const page = await this.outbox.list(
      { status: query.status, zoneId: zoneId ?? undefined },
      query.cursor,
      limit,
    );
    return {
      items: page.rows.map(mapOutboxMessage),
      nextCursor: page.nextCursor,
      total: page.total,
      smtpConfigured,
    };
  }
}
