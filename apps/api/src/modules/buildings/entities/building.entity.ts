import type { LatLng } from '@factoryspace/domain';
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
import { pointTransformer } from '../../shared/columns';
import { ParkEntity } from '../../parks/entities/park.entity';

/** A building (楼栋) in a park. Mirrors the `buildings` table. */
@Entity('buildings')
@Unique('buildings_zone_code_uq', ['zoneId', 'code'])
@Unique('buildings_id_zone_park_uq', ['id', 'zoneId', 'parkId'])
@Unique('buildings_id_floors_uq', ['id', 'floors'])
@ForeignKey<ParkEntity, ['parkId', 'zoneId']>(
  () => ParkEntity,
  ['parkId', 'zoneId'],
  ['id', 'zoneId'],
  {
    name: 'buildings_park_fk',
    onDelete: 'RESTRICT',
  },
)
@Check('buildings_code_ck', `length(code) BETWEEN 1 AND 32`)
@Check('buildings_name_ck', `length(btrim(name)) BETWEEN 1 AND 120`)
@Check('buildings_floors_ck', `floors BETWEEN 1 AND 100`)
@Check(
  'buildings_location_ck',
  `location IS NULL OR (location[0] BETWEEN -180 AND 180 AND location[1] BETWEEN -90 AND 90)`,
)
export class BuildingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  zoneId: string;

  @Index('buildings_park_idx')
  @Column({ name: 'park_id', type: 'uuid' })
  parkId: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  floors: number;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'point', nullable: true, transformer: pointTransformer })
  location: LatLng | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
