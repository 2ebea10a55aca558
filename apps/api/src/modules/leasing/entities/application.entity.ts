import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FirmEntity } from '../../accounts/entities/firm.entity';
import { UserEntity } from '../../accounts/entities/user.entity';
import { QuoteEntity } from '../../pricing/entities/quote.entity';
import { UnitEntity } from '../../units/entities/unit.entity';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { dateTransformer, numericTransformer } from '../../shared/columns';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@factoryspace/domain';

/** The statuses are the domain machine's (packages/domain/src/leasing); the CHECK spells them. */
export { APPLICATION_STATUSES, type ApplicationStatus };

/** The statuses of an application still in the staff pipeline (partial index, competition). */
export const APPLICATION_OPEN_STATUSES = [
  'submitted',
  'under_review',
  'info_requested',
  'waiting',
] as const satisfies readonly ApplicationStatus[];

/** `applications_unit_open_idx` and the "open" predicate, spelled as in the migration. */
export const APPLICATION_OPEN_SQL = `status IN ('submitted', 'under_review', 'info_requested', 'waiting')`;

/**
 * `requested_period` as SQL of the row's own columns: `[desired_move_in, desired_move_in +
 * term_months months)`, the end clamped to the end of its month like `addMonthsClamped` of the
 * domain package. The CHECK `applications_requested_period_ck` holds the stored value to exactly
 * this, so a writer either inserts this expression or computes the same range in TypeScript.
 */
export const APPLICATION_REQUESTED_PERIOD_SQL = `daterange(desired_move_in, (desired_move_in + make_interval(months => term_months))::date, '[)')`;

/** Utilities and other requirements of an application (free-form object, validated by the API). */
export type ApplicationNeeds = Record<string, unknown>;

/**
 * A firm's application (入驻申请) for a unit over `requested_period`. Mirrors the `applications`
 * table (migration 1764316800000); the CHECK constraints repeat the migration's so that a schema
 * diff stays empty. The GiST index `(unit_id, requested_period)` needs btree_gist and finds the
 * competing applications for overlapping periods (`requested_period && $period`).
 */
@Entity('applications')
@Index('applications_queue_idx', ['zoneId', 'status', 'submittedAt'])
@Index('applications_firm_created_idx', ['firmId', 'createdAt'])
@Index('applications_unit_open_idx', ['unitId'], { where: APPLICATION_OPEN_SQL })
@Index('applications_unit_period_gist', ['unitId', 'requestedPeriod'], { spatial: true })
@Index('applications_agent_idx', ['agentId'], { where: 'agent_id IS NOT NULL' })
@Index('applications_quote_idx', ['quoteId'], { where: 'quote_id IS NOT NULL' })
@Check(
  'applications_status_ck',
  `status IN ('draft', 'submitted', 'under_review', 'info_requested', 'waiting', 'approved', 'rejected', 'withdrawn')`,
)
@Check(
  'applications_intended_use_ck',
  `intended_use IS NULL OR length(btrim(intended_use)) BETWEEN 1 AND 500`,
)
@Check('applications_industry_ck', `industry IS NULL OR length(btrim(industry)) BETWEEN 1 AND 100`)
@Check('applications_headcount_ck', `headcount IS NULL OR headcount >= 0`)
@Check('applications_power_ck', `power_kva IS NULL OR power_kva >= 0`)
@Check('applications_floor_load_ck', `floor_load_kn_m2 IS NULL OR floor_load_kn_m2 >= 0`)
@Check('applications_needs_ck', `jsonb_typeof(needs) = 'object'`)
@Check('applications_term_ck', `term_months BETWEEN 1 AND 240`)
@Check('applications_requested_period_ck', `requested_period = ${APPLICATION_REQUESTED_PERIOD_SQL}`)
@Check(
  'applications_decision_reason_ck',
  `decision_reason IS NULL OR length(decision_reason) <= 2000`,
)
@Check('applications_submitted_ck', `status IN ('draft', 'withdrawn') OR submitted_at IS NOT NULL`)
@Check(
  'applications_decided_ck',
  `status NOT IN ('approved', 'rejected') OR decided_at IS NOT NULL`,
)
@Check('applications_version_ck', `version >= 1`)
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  @ForeignKey(() => ZoneEntity, { name: 'applications_zone_fk', onDelete: 'RESTRICT' })
  zoneId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  @ForeignKey(() => UnitEntity, { name: 'applications_unit_fk', onDelete: 'RESTRICT' })
  unitId: string;

  @Column({ name: 'firm_id', type: 'uuid' })
  @ForeignKey(() => FirmEntity, { name: 'applications_firm_fk', onDelete: 'CASCADE' })
  firmId: string;

  @Column({ type: 'text', default: 'draft' })
  status: ApplicationStatus;

  @Column({ name: 'intended_use', type: 'text', nullable: true })
  intendedUse: string | null;

  @Column({ type: 'text', nullable: true })
  industry: string | null;

  @Column({ type: 'integer', nullable: true })
  headcount: number | null;

  @Column({
    name: 'power_kva',
    type: 'numeric',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  powerKva: number | null;

  @Column({
    name: 'floor_load_kn_m2',
    type: 'numeric',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  floorLoadKnM2: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  needs: ApplicationNeeds;

  @Column({ name: 'term_months', type: 'integer' })
  termMonths: number;

  @Column({ name: 'desired_move_in', type: 'date', transformer: dateTransformer })
  desiredMoveIn: string;

  /** `[desired_move_in, end)` as PostgreSQL range text, e.g. `[2027-01-01,2030-01-01)`. */
  @Column({ name: 'requested_period', type: 'daterange' })
  requestedPeriod: string;

  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  @ForeignKey(() => QuoteEntity, { name: 'applications_quote_fk', onDelete: 'SET NULL' })
  quoteId: string | null;

  /** The staff member handling the application. */
  @Column({ name: 'agent_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'applications_agent_fk', onDelete: 'SET NULL' })
  agentId: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'applications_created_by_fk', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
