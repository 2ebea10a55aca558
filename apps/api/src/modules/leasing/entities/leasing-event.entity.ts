import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';

export const LEASING_SUBJECT_TYPES = ['viewing', 'application', 'lease'] as const;
export type LeasingSubjectType = (typeof LEASING_SUBJECT_TYPES)[number];

/** Who acted: a user's role, or `system` (scheduled jobs); null when unknown. */
export const LEASING_EVENT_ACTOR_ROLES = [
  'firm',
  'staff',
  'zone_admin',
  'super_admin',
  'system',
] as const;
export type LeasingEventActorRole = (typeof LEASING_EVENT_ACTOR_ROLES)[number];

/**
 * One transition on the timeline of a viewing, application or lease (`event` is the state
 * machine's event code, e.g. `submit`, `move_in`). The subject is polymorphic, so there is no
 * foreign key to it: the timeline is read by `(subject_type, subject_id)` and outlives a
 * deleted subject. Written in the transaction of the transition it records; never updated.
 */
@Entity('leasing_events')
@Index('leasing_events_subject_idx', ['subjectType', 'subjectId', 'occurredAt'])
@Index('leasing_events_actor_idx', ['actorId', 'occurredAt'], { where: 'actor_id IS NOT NULL' })
@Check('leasing_events_subject_type_ck', `subject_type IN ('viewing', 'application', 'lease')`)
@Check('leasing_events_event_ck', `event ~ '^[a-z][a-z0-9_]{0,63}$'`)
@Check(
  'leasing_events_actor_role_ck',
  `actor_role IS NULL OR actor_role IN ('firm', 'staff', 'zone_admin', 'super_admin', 'system')`,
)
@Check('leasing_events_reason_ck', `reason IS NULL OR length(reason) <= 2000`)
@Check('leasing_events_details_ck', `jsonb_typeof(details) = 'object'`)
export class LeasingEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: LeasingSubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ type: 'text' })
  event: string;

  /** Null for the event that creates the subject. */
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'leasing_events_actor_fk', onDelete: 'SET NULL' })
  actorId: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole: LeasingEventActorRole | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
