import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AuditOutcome = 'success' | 'failure' | 'denied';

/** One security-relevant event. Append-only; no foreign keys, so it outlives what it names. */
@Entity('audit_events')
@Index('audit_events_occurred_idx', ['occurredAt', 'id'])
@Index('audit_events_zone_idx', ['zoneId', 'occurredAt', 'id'])
@Index('audit_events_actor_idx', ['actorId', 'occurredAt'])
@Check('audit_events_outcome_ck', `outcome IN ('success', 'failure', 'denied')`)
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  outcome: AuditOutcome;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_label', type: 'text', nullable: true })
  actorLabel: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: string | null;

  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  zoneId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ name: 'target_type', type: 'text', nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ name: 'target_label', type: 'text', nullable: true })
  targetLabel: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
