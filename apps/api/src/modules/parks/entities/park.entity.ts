import type { LngLat, ParkKind } from '@factoryspace/domain';
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
import { polygonTransformer } from '../../shared/columns';
import { ZoneEntity } from '../../zones/entities/zone.entity';

/** A park (园区) or a park within a park (园中园). Mirrors the `parks` table. */
@Entity('parks')
@Unique('parks_id_zone_uq', ['id', 'zoneId'])
@Unique('parks_zone_code_uq', ['zoneId', 'code'])
@ForeignKey<ParkEntity, ['parentParkId', 'zoneId']>(
  () => ParkEntity,
  ['parentParkId', 'zoneId'],
  ['id', 'zoneId'],
  {
    name: 'parks_parent_fk',
    onDelete: 'RESTRICT',
  },
)
@Check('parks_code_ck', `length(code) BETWEEN 1 AND 32`)
@Check('parks_name_ck', `length(btrim(name)) BETWEEN 1 AND 120`)
@Check('parks_kind_ck', `kind IN ('park', 'park_in_park')`)
@Check('parks_parent_kind_ck', `(kind = 'park_in_park') = (parent_park_id IS NOT NULL)`)
@Check('parks_parent_self_ck', `parent_park_id IS NULL OR parent_park_id <> id`)
export class ParkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  @ForeignKey(() => ZoneEntity, { name: 'parks_zone_fk', onDelete: 'RESTRICT' })
  zoneId: string;

  @Column({ name: 'parent_park_id', type: 'uuid', nullable: true })
  parentParkId: string | null;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', default: 'park' })
  kind: ParkKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Index('parks_boundary_gist', { spatial: true })
  @Column({ type: 'polygon', nullable: true, transformer: polygonTransformer })
  boundary: LngLat[] | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
