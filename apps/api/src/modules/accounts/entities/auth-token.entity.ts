import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { UserEntity } from './user.entity';

export type AuthTokenPurpose = 'verify_email' | 'reset_password';

/** A single-use, expiring email-verification or password-reset token (SHA-256 stored). */
@Entity('auth_tokens')
@Unique('auth_tokens_token_hash_uq', ['tokenHash'])
@Index('auth_tokens_user_idx', ['userId', 'purpose'])
@Check('auth_tokens_purpose_ck', `purpose IN ('verify_email', 'reset_password')`)
export class AuthTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'auth_tokens_user_id_fkey', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'text' })
  purpose: AuthTokenPurpose;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
