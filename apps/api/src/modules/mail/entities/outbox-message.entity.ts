import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sent';

/**
 * Every mail the platform sends, written in the same transaction as what caused it. The sender
 * delivers pending messages through SMTP when configured and retries with back-off; without SMTP
 * they stay here, readable by administrators.
 */
@Entity('outbox_messages')
@Index('outbox_messages_due_idx', ['nextAttemptAt'], { where: `status = 'pending'` })
@Index('outbox_messages_created_idx', ['createdAt', 'id'])
@Index('outbox_messages_zone_idx', ['zoneId', 'createdAt', 'id'])
@Check('outbox_messages_status_ck', `status IN ('pending', 'sent')`)
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'to_address', type: 'text' })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  /** The zone whose administrators may read it (null: only the super administrator). */
  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  zoneId: string | null;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
