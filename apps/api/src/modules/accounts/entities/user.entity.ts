import type { FirmMemberRole, UserRole, UserStatus } from '@factoryspace/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { FirmEntity } from './firm.entity';

/** Every account: firm users, zone staff and administrators, the super administrator. */
@Entity('users')
@Unique('users_email_uq', ['email'])
@Index('users_mobile_uq', ['mobile'], { unique: true, where: 'mobile IS NOT NULL' })
@Index('users_zone_idx', ['zoneId', 'createdAt', 'id'])
@Index('users_firm_idx', ['firmId'])
@Index('users_created_idx', ['createdAt', 'id'])
@Check(
  'users_email_ck',
  `email = lower(email) AND email ~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$'`,
)
@Check('users_mobile_ck', `mobile IS NULL OR mobile ~ '^1[3-9][0-9]{9}$'`)
@Check('users_display_name_ck', `length(btrim(display_name)) BETWEEN 1 AND 60`)
@Check('users_role_ck', `role IN ('firm', 'staff', 'zone_admin', 'super_admin')`)
@Check('users_status_ck', `status IN ('active', 'disabled')`)
@Check(
  'users_scope_ck',
  `(role = 'firm' AND firm_id IS NOT NULL AND firm_role IN ('owner', 'member') AND zone_id IS NULL) OR (role IN ('staff', 'zone_admin') AND zone_id IS NOT NULL AND firm_id IS NULL AND firm_role IS NULL) OR (role = 'super_admin' AND zone_id IS NULL AND firm_id IS NULL AND firm_role IS NULL)`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', nullable: true })
  mobile: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** argon2id PHC string; never leaves the accounts module. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: UserRole;

  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  @ForeignKey(() => ZoneEntity, { name: 'users_zone_id_fkey', onDelete: 'RESTRICT' })
  zoneId: string | null;

  @Column({ name: 'firm_id', type: 'uuid', nullable: true })
  @ForeignKey(() => FirmEntity, { name: 'users_firm_id_fkey', onDelete: 'RESTRICT' })
  firmId: string | null;

  @Column({ name: 'firm_role', type: 'text', nullable: true })
  firmRole: FirmMemberRole | null;

  @Column({ type: 'text', default: 'active' })
  status: UserStatus;

  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  /** Demo seed accounts (README); the seed refuses to run where other users exist. */
  @Column({ name: 'is_demo', type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
