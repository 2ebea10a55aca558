import type { RentPolicyRules } from '@factoryspace/domain';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { dateTransformer } from '../../shared/columns';

export const RENT_POLICY_STATUSES = ['draft', 'published'] as const;
export type RentPolicyStatus = (typeof RENT_POLICY_STATUSES)[number];

/** Raised by the trigger `rent_policy_versions_immutable_tg` (migration 1764057600000). */
export const RENT_POLICY_IMMUTABLE_CONSTRAINT = 'rent_policy_versions_published_immutable';
export const RENT_POLICY_EFFECTIVE_UNIQUE = 'rent_policy_versions_effective_uq';

/**
 * One version of a zone's rent policy (梯度优惠). Drafts change freely; a published version is
 * immutable, which PostgreSQL enforces with the BEFORE UPDATE OR DELETE trigger
 * `rent_policy_versions_immutable_tg` (created by the migration only; TypeORM does not model
 * triggers). The CHECK constraints repeat the migration's so that a schema diff stays empty.
 */
@Entity('rent_policy_versions')
@Unique('rent_policy_versions_zone_version_uq', ['zoneId', 'versionNo'])
@Index(RENT_POLICY_EFFECTIVE_UNIQUE, ['zoneId', 'effectiveFrom'], {
  unique: true,
  where: `status = 'published'`,
})
@Check('rent_policy_versions_version_no_ck', `version_no >= 1`)
@Check('rent_policy_versions_name_ck', `length(btrim(name)) BETWEEN 1 AND 100`)
@Check('rent_policy_versions_status_ck', `status IN ('draft', 'published')`)
@Check('rent_policy_versions_effective_ck', `status <> 'published' OR effective_from IS NOT NULL`)
@Check(
  'rent_policy_versions_published_at_ck',
  `(status = 'published') = (published_at IS NOT NULL)`,
)
@Check('rent_policy_versions_rules_ck', `jsonb_typeof(rules) = 'object'`)
@Check('rent_policy_versions_notes_ck', `notes IS NULL OR length(notes) <= 2000`)
@Check('rent_policy_versions_version_ck', `version >= 1`)
export class RentPolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  @ForeignKey(() => ZoneEntity, { name: 'rent_policy_versions_zone_fk', onDelete: 'RESTRICT' })
  zoneId: string;

  @Column({ name: 'version_no', type: 'integer' })
  versionNo: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: 'draft' })
  status: RentPolicyStatus;

  @Column({ name: 'effective_from', type: 'date', nullable: true, transformer: dateTransformer })
  effectiveFrom: string | null;

  @Column({ type: 'jsonb' })
  rules: RentPolicyRules;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, {
    name: 'rent_policy_versions_created_by_fk',
    onDelete: 'SET NULL',
  })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, {
    name: 'rent_policy_versions_updated_by_fk',
    onDelete: 'SET NULL',
  })
  updatedBy: string | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, {
    name: 'rent_policy_versions_published_by_fk',
    onDelete: 'SET NULL',
  })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
