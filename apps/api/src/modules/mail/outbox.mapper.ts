import { parseTimestamp } from '../shared/columns';
import type { OutboxMessageResponseDto } from './dto/outbox.dto';
import type { OutboxStatus } from './entities/outbox-message.entity';

/** An outbox message as selected by OutboxRepository (raw row). */
export interface OutboxRow {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | string;
  sentAt: Date | string | null;
  createdAt: Date | string;
  zoneId: string | null;
}

export function mapOutboxMessage(row: OutboxRow): OutboxMessageResponseDto {
  return {
    id: row.id,
    kind: row.kind,
    toAddress: row.toAddress,
    subject: row.subject,
    bodyText: row.bodyText,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: parseTimestamp(row.nextAttemptAt),
    sentAt: row.sentAt === null ? null : parseTimestamp(row.sentAt),
    createdAt: parseTimestamp(row.createdAt),
    zoneId: row.zoneId,
  };
}
