import type { InvitationRole } from '@factoryspace/domain';
import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { FirmEntity } from './firm.entity';
import { UserEntity } from './user.entity';

/** An emailed, expiring invitation to join a zone's staff or a firm. */
@Entity('invitations')
@Unique('invitations_token_hash_uq', ['tokenHash'])
@Index('invitations_zone_idx', ['zoneId', 'createdAt', 'id'])
@Index('invitations_firm_idx', ['firmId', 'createdAt', 'id'])
@Index('invitations_created_idx', ['createdAt', 'id'])
@Check('invitations_email_ck', `email = lower(email)`)
@Check(
  'invitations_scope_ck',
  `(role IN ('staff', 'zone_admin') AND zone_id IS NOT NULL AND firm_id IS NULL) OR (role = 'firm_member' AND firm_id IS NOT NULL AND zone_id IS NULL)`,
)
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  role: InvitationRole;

  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ZoneEntity, { name: 'invitations_zone_id_fkey', onDelete: 'CASCADE' })
  zoneId: string | null;

  @Column({ name: 'firm_id', type: 'uuid', nullable: true })
  @ForeignKey(() => FirmEntity, { name: 'invitations_firm_id_fkey', onDelete: 'CASCADE' })
  firmId: string | null;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'invitations_invited_by_fkey', onDelete: 'SET NULL' })
  invitedBy: string | null;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_user_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, {
    name: 'invitations_accepted_user_id_fkey',
    onDelete: 'SET NULL',
  })
  acceptedUserId: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
