import type { LatLng } from '@factoryspace/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { pointTransformer } from '../../shared/columns';

/** A development zone (开发区) with its platform company (平台公司). Mirrors the `zones` table. */
@Entity('zones')
@Unique('zones_code_uq', ['code'])
@Check('zones_code_ck', `code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'`)
@Check('zones_name_ck', `length(btrim(name)) BETWEEN 1 AND 120`)
@Check(
  'zones_center_ck',
  `center IS NULL OR (center[0] BETWEEN -180 AND 180 AND center[1] BETWEEN -90 AND 90)`,
)
export class ZoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'platform_company', type: 'text' })
  platformCompany: string;

  @Column({ name: 'platform_company_en', type: 'text', nullable: true })
  platformCompanyEn: string | null;

  @Column({ type: 'text', nullable: true })
  province: string | null;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'point', nullable: true, transformer: pointTransformer })
  center: LatLng | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
