import type { ApplicantProfile, QuoteResult } from '@factoryspace/domain';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { FirmEntity } from '../../accounts/entities/firm.entity';
import { UserEntity } from '../../accounts/entities/user.entity';
import { UnitEntity } from '../../units/entities/unit.entity';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { dateTransformer } from '../../shared/columns';
import { RentPolicyVersionEntity } from './rent-policy-version.entity';

/** What a saved quote keeps of its unit, as it was when the quote was computed. */
export interface QuoteUnitSnapshot {
  listRentFenPerM2: number;
  areaM2: number;
  floor: number;
  code: string;
  name: string;
}

/**
 * A firm's saved quote, locked to the policy version it was computed with: `result` is the
 * engine's QuoteResult exactly as returned, never recomputed (publishing a new version or
 * changing the unit does not touch it). Every member of the firm sees the firm's quotes.
 */
@Entity('quotes')
@Index('quotes_firm_created_idx', ['firmId', 'createdAt'])
@Index('quotes_policy_version_idx', ['policyVersionId'])
@Index('quotes_unit_idx', ['unitId'])
@Check('quotes_term_ck', `term_months BETWEEN 1 AND 240`)
@Check('quotes_total_due_ck', `total_due_fen >= 0`)
@Check('quotes_profile_ck', `jsonb_typeof(profile) = 'object'`)
@Check('quotes_unit_snapshot_ck', `jsonb_typeof(unit_snapshot) = 'object'`)
@Check('quotes_result_ck', `jsonb_typeof(result) = 'object'`)
export class QuoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'firm_id', type: 'uuid' })
  @ForeignKey(() => FirmEntity, { name: 'quotes_firm_fk', onDelete: 'CASCADE' })
  firmId: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'quotes_created_by_fk', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'unit_id', type: 'uuid' })
  @ForeignKey(() => UnitEntity, { name: 'quotes_unit_fk', onDelete: 'RESTRICT' })
  unitId: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  @ForeignKey(() => ZoneEntity, { name: 'quotes_zone_fk', onDelete: 'RESTRICT' })
  zoneId: string;

  @Column({ name: 'policy_version_id', type: 'uuid' })
  @ForeignKey(() => RentPolicyVersionEntity, {
    name: 'quotes_policy_version_fk',
    onDelete: 'RESTRICT',
  })
  policyVersionId: string;

  @Column({ name: 'term_months', type: 'integer' })
  termMonths: number;

  @Column({ name: 'start_date', type: 'date', transformer: dateTransformer })
  startDate: string;

  @Column({ type: 'jsonb' })
  profile: ApplicantProfile;

  @Column({ name: 'unit_snapshot', type: 'jsonb' })
  unitSnapshot: QuoteUnitSnapshot;

  @Column({ type: 'jsonb' })
  result: QuoteResult;

  /** bigint arrives as a string from node-pg. */
  @Column({ name: 'total_due_fen', type: 'bigint' })
  totalDueFen: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
