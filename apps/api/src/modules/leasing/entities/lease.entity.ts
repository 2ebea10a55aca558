import { LEASE_STATUSES, type LeaseStatus, type QuoteLine } from '@factoryspace/domain';
import {
  Check,
  Column,
  Entity,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { FirmEntity } from '../../accounts/entities/firm.entity';
import { UserEntity } from '../../accounts/entities/user.entity';
import { QuoteEntity } from '../../pricing/entities/quote.entity';
import { RentPolicyVersionEntity } from '../../pricing/entities/rent-policy-version.entity';
import { UnitEntity } from '../../units/entities/unit.entity';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { dateTransformer } from '../../shared/columns';
import { ApplicationEntity } from './application.entity';

/** The statuses are the domain machine's (packages/domain/src/leasing); the CHECK spells them. */
export { LEASE_STATUSES, type LeaseStatus };

/**
 * The exclusion constraint no two leases of a unit may break: among the leases that are not
 * cancelled, periods of the same unit never overlap. A refused write fails with SQLSTATE 23P01
 * (exclusion_violation) naming this constraint; the API answers 409.
 */
export const LEASE_NO_OVERLAP = 'leases_no_overlap';
/** One lease per application (SQLSTATE 23505). */
export const LEASE_APPLICATION_UNIQUE = 'leases_application_uq';

/**
 * A lease (租约): the legal record of a firm renting a unit over `period`, locked to the rent
 * policy version and the monthly schedule it was made with. Mirrors the `leases` table
 * (migration 1764316800000); the CHECK constraints repeat the migration's so that a schema diff
 * stays empty.
 *
 * `period` is a PostgreSQL `daterange` in canonical `[start,end)` form (end exclusive), e.g.
 * `[2027-01-01,2030-01-01)`. When a lease ends (expired or terminated) the service cuts it at
 * the move-out date: `period = daterange(lower(period), moved_out_on)`, so the rest of the
 * original term is free for the next lease; a cancelled lease blocks nothing.
 */
@Entity('leases')
@Exclusion(
  LEASE_NO_OVERLAP,
  `USING gist (unit_id WITH =, period WITH &&) WHERE (status <> 'cancelled')`,
)
@Unique(LEASE_APPLICATION_UNIQUE, ['applicationId'])
@Index('leases_zone_status_idx', ['zoneId', 'status'])
@Index('leases_firm_created_idx', ['firmId', 'createdAt'])
@Index('leases_policy_version_idx', ['policyVersionId'])
@Index('leases_quote_idx', ['quoteId'], { where: 'quote_id IS NOT NULL' })
@Index('leases_renewed_from_idx', ['renewedFromId'], { where: 'renewed_from_id IS NOT NULL' })
@Check(
  'leases_status_ck',
  `status IN ('draft', 'signed', 'active', 'expired', 'terminated', 'cancelled')`,
)
@Check(
  'leases_period_ck',
  `NOT isempty(period) AND lower_inc(period) AND NOT upper_inf(period) AND NOT lower_inf(period)`,
)
@Check('leases_term_ck', `term_months BETWEEN 1 AND 240`)
@Check('leases_schedule_ck', `jsonb_typeof(monthly_rent_schedule) = 'array'`)
@Check('leases_total_due_ck', `total_due_fen >= 0`)
@Check('leases_deposit_ck', `deposit_fen >= 0`)
@Check(
  'leases_signed_on_ck',
  `status NOT IN ('signed', 'active', 'expired', 'terminated') OR signed_on IS NOT NULL`,
)
@Check(
  'leases_moved_in_ck',
  `status NOT IN ('active', 'expired', 'terminated') OR moved_in_on IS NOT NULL`,
)
@Check('leases_moved_out_ck', `status NOT IN ('expired', 'terminated') OR moved_out_on IS NOT NULL`)
@Check(
  'leases_move_dates_ck',
  `moved_out_on IS NULL OR (moved_in_on IS NOT NULL AND moved_out_on >= moved_in_on)`,
)
@Check(
  'leases_end_reason_ck',
  `(status <> 'terminated' OR length(btrim(coalesce(end_reason, ''))) > 0) AND (end_reason IS NULL OR length(end_reason) <= 2000)`,
)
@Check(
  'leases_contract_file_ck',
  `contract_file IS NULL OR length(contract_file) BETWEEN 1 AND 500`,
)
@Check('leases_renewed_from_ck', `renewed_from_id IS NULL OR renewed_from_id <> id`)
@Check('leases_version_ck', `version >= 1`)
export class LeaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  @ForeignKey(() => ZoneEntity, { name: 'leases_zone_fk', onDelete: 'RESTRICT' })
  zoneId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  @ForeignKey(() => UnitEntity, { name: 'leases_unit_fk', onDelete: 'RESTRICT' })
  unitId: string;

  /** RESTRICT: a lease is a legal record; a firm with leases cannot be deleted. */
  @Column({ name: 'firm_id', type: 'uuid' })
  @ForeignKey(() => FirmEntity, { name: 'leases_firm_fk', onDelete: 'RESTRICT' })
  firmId: string;

  @Column({ name: 'application_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ApplicationEntity, { name: 'leases_application_fk', onDelete: 'SET NULL' })
  applicationId: string | null;

  @Column({ name: 'quote_id', type: 'uuid', nullable: true })
  @ForeignKey(() => QuoteEntity, { name: 'leases_quote_fk', onDelete: 'SET NULL' })
  quoteId: string | null;

  /** The policy version the rent was computed with (locked; published versions never change). */
  @Column({ name: 'policy_version_id', type: 'uuid' })
  @ForeignKey(() => RentPolicyVersionEntity, {
    name: 'leases_policy_version_fk',
    onDelete: 'RESTRICT',
  })
  policyVersionId: string;

  @Column({ type: 'text', default: 'draft' })
  status: LeaseStatus;

  /** `[start,end)` as PostgreSQL range text; never empty, both bounds finite. */
  @Column({ type: 'daterange' })
  period: string;

  @Column({ name: 'term_months', type: 'integer' })
  termMonths: number;

  /** The quote's monthly lines (`QuoteResult.lines`) as agreed; a JSON array. */
  @Column({ name: 'monthly_rent_schedule', type: 'jsonb' })
  monthlyRentSchedule: QuoteLine[];

  /** bigint arrives as a string from node-pg. */
  @Column({ name: 'total_due_fen', type: 'bigint' })
  totalDueFen: string;

  /** bigint arrives as a string from node-pg. */
  @Column({ name: 'deposit_fen', type: 'bigint', default: 0 })
  depositFen: string;

  @Column({ name: 'signed_on', type: 'date', nullable: true, transformer: dateTransformer })
  signedOn: string | null;

  @Column({ name: 'contract_file', type: 'text', nullable: true })
  contractFile: string | null;

  @Column({ name: 'moved_in_on', type: 'date', nullable: true, transformer: dateTransformer })
  movedInOn: string | null;

  @Column({ name: 'moved_out_on', type: 'date', nullable: true, transformer: dateTransformer })
  movedOutOn: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  @Column({ name: 'renewed_from_id', type: 'uuid', nullable: true })
  @ForeignKey(() => LeaseEntity, { name: 'leases_renewed_from_fk', onDelete: 'SET NULL' })
  renewedFromId: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'leases_created_by_fk', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
