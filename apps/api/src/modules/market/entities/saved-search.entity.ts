import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';

/**
 * A firm user's saved search: the search page's query string, re-run for alerts. `checkedUntil`
 * is how far the alert job has looked (units published after it are new to this search).
 */
@Entity('saved_searches')
@Index('saved_searches_user_idx', ['userId', 'createdAt'])
@Index('saved_searches_due_idx', ['checkedUntil'], { where: 'alerts_enabled' })
@Check('saved_searches_name_ck', `length(btrim(name)) BETWEEN 1 AND 60`)
@Check('saved_searches_query_ck', `length(query) <= 2000`)
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'saved_searches_user_fk', onDelete: 'CASCADE' })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  query: string;

  @Column({ name: 'alerts_enabled', type: 'boolean', default: true })
  alertsEnabled: boolean;

  @Column({ name: 'last_alerted_at', type: 'timestamptz', nullable: true })
  lastAlertedAt: Date | null;

  @Column({ name: 'checked_until', type: 'timestamptz', default: () => 'now()' })
  checkedUntil: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
