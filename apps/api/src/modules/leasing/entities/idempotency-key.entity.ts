import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';

export const IDEMPOTENCY_KEY_STATUSES = ['pending', 'done'] as const;
export type IdempotencyKeyStatus = (typeof IDEMPOTENCY_KEY_STATUSES)[number];

/** A second row for the same (user, key) fails with SQLSTATE 23505 on this constraint. */
export const IDEMPOTENCY_KEY_PK = 'idempotency_keys_pk';

/**
 * A client's `Idempotency-Key` for one user: claimed as `pending` (the primary key settles two
 * concurrent claims), then `done` with the response to replay. `request_hash` detects the same
 * key reused for a different request. Rows expire by `created_at` (index for the sweep).
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_idx', ['createdAt'])
@Check('idempotency_keys_key_ck', `length(key) BETWEEN 1 AND 200`)
@Check('idempotency_keys_method_ck', `method IN ('POST', 'PUT', 'PATCH', 'DELETE')`)
@Check('idempotency_keys_path_ck', `length(path) BETWEEN 1 AND 2000`)
@Check('idempotency_keys_request_hash_ck', `length(request_hash) BETWEEN 1 AND 200`)
@Check('idempotency_keys_status_ck', `status IN ('pending', 'done')`)
@Check(
  'idempotency_keys_response_ck',
  `(status = 'done') = (response_status IS NOT NULL) AND (response_status IS NULL OR response_status BETWEEN 100 AND 599)`,
)
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: IDEMPOTENCY_KEY_PK })
  @ForeignKey(() => UserEntity, { name: 'idempotency_keys_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: IDEMPOTENCY_KEY_PK })
  key: string;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  path: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash: string;

  @Column({ type: 'text', default: 'pending' })
  status: IdempotencyKeyStatus;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus: number | null;

  /** The JSON text that was sent, byte for byte (jsonb would reorder keys). */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
