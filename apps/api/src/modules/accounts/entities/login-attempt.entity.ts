import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Consecutive login failures per normalised identifier (known account or not, so the back-off
 * tells nothing about which accounts exist).
 */
@Entity('login_attempts')
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'text' })
  identifier: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz', default: () => 'now()' })
  lastFailureAt: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
