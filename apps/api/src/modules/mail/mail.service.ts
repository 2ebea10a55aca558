import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './entities/outbox-message.entity';

export interface MailMessage {
  /** What it is, e.g. `verify_email`, `reset_password`, `invitation`. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** The zone whose administrators may read it in the outbox (null: super administrator only). */
  zoneId?: string | null;
}

/**
 * Queues mail in the outbox, in the caller's transaction: the message exists exactly when the
 * change that caused it commits. Delivery is MailSenderService's job.
 */
@Injectable()
export class MailService {
  async enqueue(manager: EntityManager, message: MailMessage): Promise<void> {
    await manager.insert(OutboxMessageEntity, {
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject,
      bodyText: message.text,
      zoneId: message.zoneId ?? null,
    });
  }
}
