import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';
import type { FieldChange } from '../../shared/diff';
import { ZoneEntity } from '../../zones/entities/zone.entity';
import { UnitEntity } from './unit.entity';

export const HISTORY_ACTIONS = ['create', 'update', 'status_change', 'delete'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const HISTORY_SOURCES = ['api', 'import', 'seed', 'system'] as const;
export type HistorySource = (typeof HISTORY_SOURCES)[number];

/** The change history of a dossier. Mirrors the `unit_history` table. */
@Entity('unit_history')
@Index('unit_history_unit_idx', ['unitId', 'id'])
@Index('unit_history_zone_time_idx', ['zoneId', 'createdAt'])
@Check('unit_history_action_ck', `action IN ('create', 'update', 'status_change', 'delete')`)
@Check('unit_history_source_ck', `source IN ('api', 'import', 'seed', 'system')`)
@Check('unit_history_changes_ck', `jsonb_typeof(changes) = 'array'`)
export class UnitHistoryEntity {
  /** bigint: node-pg returns it as a string, and so does the API. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  @ForeignKey(() => UnitEntity, { name: 'unit_history_unit_id_fkey', onDelete: 'CASCADE' })
  unitId: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  @ForeignKey(() => ZoneEntity, { name: 'unit_history_zone_id_fkey', onDelete: 'CASCADE' })
  zoneId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  action: HistoryAction;

  @Column({ type: 'text', default: 'api' })
  source: HistorySource;

  @Column({ name: 'source_ref', type: 'text', nullable: true })
  sourceRef: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'unit_history_actor_fk', onDelete: 'SET NULL' })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  changes: FieldChange[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
