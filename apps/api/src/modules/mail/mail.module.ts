import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessageEntity } from './entities/outbox-message.entity';
import {
  DEFAULT_MAIL_SENDER_OPTIONS,
  MAIL_SENDER_OPTIONS,
  MailSenderService,
} from './mail-sender.service';
import { MailService } from './mail.service';
import { OutboxController } from './outbox.controller';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/**
 * Outgoing mail: MailService queues messages in the caller's transaction, MailSenderService
 * delivers them through SMTP when configured, GET /outbox lets administrators read them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessageEntity])],
  controllers: [OutboxController],
  providers: [
    MailService,
    MailSenderService,
    OutboxRepository,
    OutboxService,
    { provide: MAIL_SENDER_OPTIONS, useValue: DEFAULT_MAIL_SENDER_OPTIONS },
  ],
  exports: [MailService],
})
export class MailModule {}
