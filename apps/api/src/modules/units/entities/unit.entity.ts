import type {
  AcceptanceStatus,
  EnvironmentalStatus,
  FireSafetyStatus,
  IdleReasonCategory,
  Industry,
  LatLng,
  LngLat,
  OccupancyStatus,
  StructureType,
  UnitClass,
} from '@factoryspace/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '../../accounts/entities/user.entity';
import { BuildingEntity } from '../../buildings/entities/building.entity';
import {
  dateTransformer,
  numericTransformer,
  pointTransformer,
  polygonTransformer,
} from '../../shared/columns';

/** The units a visitor may find (listed, not deleted, vacant or reserved), as SQL on `units`. */
export const PUBLIC_UNITS = `deleted_at IS NULL AND is_listed AND occupancy_status IN ('vacant', 'reserved')`;

/**
 * One factory dossier (一厂一档). Mirrors the `units` table column for column; the CHECK
 * constraints repeat the migration's so that a schema diff stays empty.
 */
@Entity('units')
@ForeignKey<BuildingEntity, ['buildingId', 'zoneId', 'parkId']>(
  () => BuildingEntity,
  ['buildingId', 'zoneId', 'parkId'],
  ['id', 'zoneId', 'parkId'],
  { name: 'units_building_fk', onDelete: 'RESTRICT', onUpdate: 'CASCADE' },
)
@ForeignKey<BuildingEntity, ['buildingId', 'buildingFloors']>(
  () => BuildingEntity,
  ['buildingId', 'buildingFloors'],
  ['id', 'floors'],
  { name: 'units_building_floors_fk', onDelete: 'RESTRICT', onUpdate: 'CASCADE' },
)
@Index('units_zone_code_uq', ['zoneId', 'code'], { unique: true, where: 'deleted_at IS NULL' })
@Index('units_location_gist', ['location'], { spatial: true, where: 'deleted_at IS NULL' })
@Index('units_building_idx', ['buildingId'])
@Index('units_zone_code_id_idx', ['zoneId', 'code', 'id'], { where: 'deleted_at IS NULL' })
@Index('units_code_id_idx', ['code', 'id'], { where: 'deleted_at IS NULL' })
@Index('units_zone_gross_area_idx', ['zoneId', 'grossArea', 'id'], { where: 'deleted_at IS NULL' })
@Index('units_zone_vacant_since_idx', ['zoneId', 'vacantSince', 'id'], {
  where: 'deleted_at IS NULL',
})
@Index('units_zone_rent_idx', ['zoneId', 'listRentFen', 'id'], { where: 'deleted_at IS NULL' })
@Index('units_zone_updated_idx', ['zoneId', 'updatedAt', 'id'], { where: 'deleted_at IS NULL' })
@Index('units_park_code_idx', ['parkId', 'code', 'id'], { where: 'deleted_at IS NULL' })
// Public search (migration 1763971200000-search): partial indexes over the units on the market.
@Index('units_public_published_idx', ['publishedAt', 'id'], { where: PUBLIC_UNITS })
@Index('units_public_area_idx', ['grossArea', 'id'], { where: PUBLIC_UNITS })
@Index('units_public_zone_published_idx', ['zoneId', 'publishedAt', 'id'], { where: PUBLIC_UNITS })
@Index('units_park_idx', ['parkId'], { where: PUBLIC_UNITS })
// GIN and GiST-with-INCLUDE indexes TypeORM cannot describe: created by the migration only.
@Index('units_public_tokens_gin', { synchronize: false })
@Index('units_public_industries_gin', { synchronize: false })
@Index('units_public_location_gist', { synchronize: false })
// Expression indexes of the nullable public sorts (migration 1763971400000).
@Index('units_public_rent_asc_idx', { synchronize: false })
@Index('units_public_rent_desc_idx', { synchronize: false })
@Index('units_public_idle_idx', { synchronize: false })
@Check('units_code_ck', `code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'`)
@Check('units_name_ck', `length(btrim(name)) BETWEEN 1 AND 120`)
@Check('units_location_ck', `location[0] BETWEEN -180 AND 180 AND location[1] BETWEEN -90 AND 90`)
@Check('units_gross_area_ck', `gross_area > 0 AND gross_area <= 1000000`)
@Check(
  'units_usable_area_ck',
  `usable_area IS NULL OR (usable_area > 0 AND usable_area <= gross_area)`,
)
@Check(
  'units_floors_ck',
  `floor_from >= 1 AND floor_from <= floor_to AND floor_to <= building_floors`,
)
@Check(
  'units_structure_type_ck',
  `structure_type IN ('steel', 'reinforced_concrete', 'steel_concrete', 'brick_concrete', 'other')`,
)
@Check('units_floor_height_ck', `floor_height_m > 0 AND floor_height_m <= 50`)
@Check('units_floor_load_ck', `floor_load_kn_m2 > 0 AND floor_load_kn_m2 <= 500`)
@Check(
  'units_crane_ck',
  `crane_capacity_t IS NULL OR (crane_capacity_t > 0 AND crane_capacity_t <= 1000)`,
)
@Check('units_power_ck', `power_capacity_kva IS NULL OR power_capacity_kva BETWEEN 0 AND 1000000`)
@Check(
  'units_fire_safety_ck',
  `fire_safety_status IN ('passed', 'rectification_required', 'not_inspected')`,
)
@Check(
  'units_environmental_ck',
  `environmental_status IN ('approved', 'rectification_required', 'not_assessed')`,
)
@Check(
  'units_acceptance_ck',
  `acceptance_status IN ('accepted', 'not_accepted', 'under_construction')`,
)
@Check(
  'units_completion_year_ck',
  `completion_year IS NULL OR completion_year BETWEEN 1949 AND 2100`,
)
@Check('units_class_ck', `unit_class IN ('quality', 'general', 'difficult')`)
@Check(
  'units_class_reason_ck',
  `unit_class = 'quality' OR length(btrim(coalesce(class_reason, ''))) > 0`,
)
@Check('units_occupancy_ck', `occupancy_status IN ('vacant', 'reserved', 'leased', 'unavailable')`)
@Check('units_vacant_since_required_ck', `occupancy_status <> 'vacant' OR vacant_since IS NOT NULL`)
@Check(
  'units_vacant_since_past_ck',
  `vacant_since IS NULL OR vacant_since <= (now() AT TIME ZONE 'Asia/Shanghai')::date`,
)
@Check(
  'units_idle_reason_ck',
  `idle_reason_category IS NULL OR idle_reason_category IN ('no_tenant_found', 'utilities_incomplete', 'compliance_rectification', 'acceptance_pending', 'legal_dispute', 'tenant_moved_out', 'plan_mismatch', 'other')`,
)
@Check('units_rent_ck', `list_rent_fen IS NULL OR list_rent_fen BETWEEN 0 AND 100000`)
@Check('units_industries_ck', `cardinality(suitable_industries) <= 12`)
@Check('units_version_ck', `version >= 1`)
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'zone_id', type: 'uuid' })
  zoneId: string;

  @Column({ name: 'park_id', type: 'uuid' })
  parkId: string;

  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @Column({ name: 'building_floors', type: 'integer' })
  buildingFloors: number;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'point', transformer: pointTransformer })
  location: LatLng;

  @Column({ type: 'polygon', nullable: true, transformer: polygonTransformer })
  footprint: LngLat[] | null;

  @Column({
    name: 'gross_area',
    type: 'numeric',
    precision: 12,
    scale: 2,
    transformer: numericTransformer,
  })
  grossArea: number;

  @Column({
    name: 'usable_area',
    type: 'numeric',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  usableArea: number | null;

  @Column({ name: 'floor_from', type: 'integer' })
  floorFrom: number;

  @Column({ name: 'floor_to', type: 'integer' })
  floorTo: number;

  @Column({ name: 'structure_type', type: 'text' })
  structureType: StructureType;

  @Column({
    name: 'floor_height_m',
    type: 'numeric',
    precision: 5,
    scale: 2,
    transformer: numericTransformer,
  })
  floorHeightM: number;

  @Column({
    name: 'floor_load_kn_m2',
    type: 'numeric',
    precision: 7,
    scale: 2,
    transformer: numericTransformer,
  })
  floorLoadKnM2: number;

  @Column({
    name: 'crane_capacity_t',
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  craneCapacityT: number | null;

  @Column({ name: 'power_capacity_kva', type: 'integer', nullable: true })
  powerCapacityKva: number | null;

  @Column({ name: 'has_water', type: 'boolean', default: false })
  hasWater: boolean;

  @Column({ name: 'has_gas', type: 'boolean', default: false })
  hasGas: boolean;

  @Column({ name: 'has_heating', type: 'boolean', default: false })
  hasHeating: boolean;

  @Column({ name: 'has_sewage', type: 'boolean', default: false })
  hasSewage: boolean;

  @Column({ name: 'has_fibre', type: 'boolean', default: false })
  hasFibre: boolean;

  @Column({ name: 'utilities_note', type: 'text', nullable: true })
  utilitiesNote: string | null;

  @Column({ name: 'fire_safety_status', type: 'text' })
  fireSafetyStatus: FireSafetyStatus;

  @Column({ name: 'environmental_status', type: 'text' })
  environmentalStatus: EnvironmentalStatus;

  @Column({ name: 'acceptance_status', type: 'text' })
  acceptanceStatus: AcceptanceStatus;

  @Column({ name: 'completion_year', type: 'integer', nullable: true })
  completionYear: number | null;

  @Column({ name: 'unit_class', type: 'text' })
  unitClass: UnitClass;

  @Column({ name: 'class_reason', type: 'text', nullable: true })
  classReason: string | null;

  @Column({ name: 'occupancy_status', type: 'text' })
  occupancyStatus: OccupancyStatus;

  @Column({ name: 'vacant_since', type: 'date', nullable: true, transformer: dateTransformer })
  vacantSince: string | null;

  @Column({ name: 'idle_reason_category', type: 'text', nullable: true })
  idleReasonCategory: IdleReasonCategory | null;

  @Column({ name: 'idle_reason_text', type: 'text', nullable: true })
  idleReasonText: string | null;

  @Column({ name: 'list_rent_fen', type: 'integer', nullable: true })
  listRentFen: number | null;

  @Column({ name: 'suitable_industries', type: 'text', array: true, default: () => "'{}'" })
  suitableIndustries: Industry[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'is_listed', type: 'boolean', default: true })
  isListed: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'units_created_by_fk', onDelete: 'SET NULL' })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'units_updated_by_fk', onDelete: 'SET NULL' })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Search words of the unit, its park, zone and building; kept by a trigger (never written). */
  @Column({
    name: 'search_tokens',
    type: 'text',
    array: true,
    default: () => "'{}'",
    select: false,
    insert: false,
    update: false,
  })
  searchTokens: string[];

  /** When the unit last came onto the market; kept by the same trigger. */
  @Column({
    name: 'published_at',
    type: 'timestamptz',
    nullable: true,
    select: false,
    insert: false,
    update: false,
  })
  publishedAt: Date | null;
}
