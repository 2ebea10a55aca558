import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  ACCEPTANCE_STATUSES,
  ENVIRONMENTAL_STATUSES,
  FIRE_SAFETY_STATUSES,
  IDLE_REASON_CATEGORIES,
  INDUSTRIES,
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  OCCUPANCY_STATUSES,
  STRUCTURE_TYPES,
  UNIT_CLASSES,
  UNIT_DOSSIER_FIELDS,
  UNIT_LIMITS,
} from '@factoryspace/domain';
import type {
  AcceptanceStatus,
  EnvironmentalStatus,
  FireSafetyStatus,
  IdleReasonCategory,
  Industry,
  LngLat,
  OccupancyStatus,
  StructureType,
  UnitClass,
  UnitDossierFields,
} from '@factoryspace/domain';
import type { Type as ClassType } from '@nestjs/common';
import {
  PageQueryDto,
  PageTotalDto,
  sortParams,
  toArray,
  toBoolean,
} from '../../../common/pagination';
import { InRange, IsIsoDate, IsLngLatRing } from '../../../common/validation/decorators';
import { DtoMode, MAX_INT, Nullable, Present } from '../../shared/dto';

export const UNIT_SORTS = sortParams([
  'code',
  'grossArea',
  'vacantSince',
  'listRentFen',
  'updatedAt',
]);

/** The dossier fields a client may set, in the order history lists them. */
/** The dossier fields a client may set, in the order history lists them. */
export const UNIT_FIELDS = UNIT_DOSSIER_FIELDS;

/** Dossier fields plus the building, which decides park, zone and floors. */
export type UnitWritableFields = UnitDossierFields & { buildingId: string };

/** Every field that history tracks. */
export const UNIT_TRACKED_FIELDS: readonly (keyof UnitWritableFields)[] = [
  'buildingId',
  ...UNIT_FIELDS,
];

const L = UNIT_LIMITS;
const RING_ITEMS = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } as const;

function unitFieldsDto(mode: DtoMode): ClassType<UnitWritableFields> {
  const required = mode === 'create';
  class UnitFieldsDto implements UnitWritableFields {
    @ApiProperty({
      required,
      format: 'uuid',
      description: 'The building; it decides park, zone and floors',
    })
    @Present(mode)
    @IsUUID()
    buildingId: string;

    @ApiProperty({
      required,
      maxLength: L.code.maxLength,
      pattern: L.code.pattern.source,
      example: 'HX-A1-1F',
    })
    @Present(mode)
    @IsString()
    @MaxLength(L.code.maxLength)
    @Matches(L.code.pattern)
    code: string;

    @ApiProperty({ required, maxLength: L.name.maxLength, example: 'A1栋一层' })
    @Present(mode)
    @IsString()
    @MaxLength(L.name.maxLength)
    @Matches(/\S/)
    name: string;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.address.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(L.address.maxLength)
    address: string | null;

    @ApiProperty({
      required,
      minimum: LATITUDE_RANGE.min,
      maximum: LATITUDE_RANGE.max,
      example: 35.8,
    })
    @Present(mode)
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(LATITUDE_RANGE.min, LATITUDE_RANGE.max)
    latitude: number;

    @ApiProperty({
      required,
      minimum: LONGITUDE_RANGE.min,
      maximum: LONGITUDE_RANGE.max,
      example: 112.92,
    })
    @Present(mode)
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(LONGITUDE_RANGE.min, LONGITUDE_RANGE.max)
    longitude: number;

    @ApiPropertyOptional({
      nullable: true,
      type: 'array',
      items: RING_ITEMS,
      description: 'Outline ring of [lng, lat]',
    })
    @Nullable()
    @IsLngLatRing()
    footprint: LngLat[] | null;

    @ApiProperty({
      required,
      minimum: L.grossArea.min,
      maximum: L.grossArea.max,
      description: 'm², 2 decimals',
    })
    @Present(mode)
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(L.grossArea.min, L.grossArea.max)
    grossArea: number;

    @ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: L.usableArea.min,
      maximum: L.usableArea.max,
    })
    @Nullable()
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(L.usableArea.min, L.usableArea.max)
    usableArea: number | null;

    @ApiProperty({ required, minimum: L.floor.min, maximum: L.floor.max })
    @Present(mode)
    @IsInt()
    @InRange(L.floor.min, L.floor.max)
    floorFrom: number;

    @ApiProperty({ required, minimum: L.floor.min, maximum: L.floor.max })
    @Present(mode)
    @IsInt()
    @InRange(L.floor.min, L.floor.max)
    floorTo: number;

    @ApiProperty({ required, enum: STRUCTURE_TYPES })
    @Present(mode)
    @IsIn(STRUCTURE_TYPES)
    structureType: StructureType;

    @ApiProperty({
      required,
      minimum: L.floorHeightM.min,
      maximum: L.floorHeightM.max,
      description: 'm',
    })
    @Present(mode)
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(L.floorHeightM.min, L.floorHeightM.max)
    floorHeightM: number;

    @ApiProperty({
      required,
      minimum: L.floorLoadKnM2.min,
      maximum: L.floorLoadKnM2.max,
      description: 'kN/m²',
    })
    @Present(mode)
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(L.floorLoadKnM2.min, L.floorLoadKnM2.max)
    floorLoadKnM2: number;

    @ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: L.craneCapacityT.min,
      maximum: L.craneCapacityT.max,
    })
    @Nullable()
    @IsNumber({ allowNaN: false, allowInfinity: false })
    @InRange(L.craneCapacityT.min, L.craneCapacityT.max)
    craneCapacityT: number | null;

    @ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: L.powerCapacityKva.min,
      maximum: L.powerCapacityKva.max,
    })
    @Nullable()
    @IsInt()
    @InRange(L.powerCapacityKva.min, L.powerCapacityKva.max)
    powerCapacityKva: number | null;

    @ApiPropertyOptional({ default: false })
    @Present('update')
    @IsBoolean()
    hasWater: boolean;

    @ApiPropertyOptional({ default: false })
    @Present('update')
    @IsBoolean()
    hasGas: boolean;

    @ApiPropertyOptional({ default: false })
    @Present('update')
    @IsBoolean()
    hasHeating: boolean;

    @ApiPropertyOptional({ default: false })
    @Present('update')
    @IsBoolean()
    hasSewage: boolean;

    @ApiPropertyOptional({ default: false })
    @Present('update')
    @IsBoolean()
    hasFibre: boolean;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.utilitiesNote.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(L.utilitiesNote.maxLength)
    utilitiesNote: string | null;

    @ApiProperty({ required, enum: FIRE_SAFETY_STATUSES })
    @Present(mode)
    @IsIn(FIRE_SAFETY_STATUSES)
    fireSafetyStatus: FireSafetyStatus;

    @ApiProperty({ required, enum: ENVIRONMENTAL_STATUSES })
    @Present(mode)
    @IsIn(ENVIRONMENTAL_STATUSES)
    environmentalStatus: EnvironmentalStatus;

    @ApiProperty({ required, enum: ACCEPTANCE_STATUSES })
    @Present(mode)
    @IsIn(ACCEPTANCE_STATUSES)
    acceptanceStatus: AcceptanceStatus;

    @ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: L.completionYear.min,
      maximum: L.completionYear.max,
    })
    @Nullable()
    @IsInt()
    @InRange(L.completionYear.min, L.completionYear.max)
    completionYear: number | null;

    @ApiProperty({ required, enum: UNIT_CLASSES })
    @Present(mode)
    @IsIn(UNIT_CLASSES)
    unitClass: UnitClass;

    @ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: L.classReason.maxLength,
      description: 'Required for general and difficult',
    })
    @Nullable()
    @IsString()
    @MaxLength(L.classReason.maxLength)
    classReason: string | null;

    @ApiProperty({ required, enum: OCCUPANCY_STATUSES })
    @Present(mode)
    @IsIn(OCCUPANCY_STATUSES)
    occupancyStatus: OccupancyStatus;

    @ApiPropertyOptional({
      type: String,
      format: 'date',
      nullable: true,
      description: 'Required when vacant; not in the future (China time)',
    })
    @Nullable()
    @IsIsoDate()
    vacantSince: string | null;

    @ApiPropertyOptional({ enum: IDLE_REASON_CATEGORIES, nullable: true })
    @Nullable()
    @IsIn(IDLE_REASON_CATEGORIES)
    idleReasonCategory: IdleReasonCategory | null;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.idleReasonText.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(L.idleReasonText.maxLength)
    idleReasonText: string | null;

    @ApiPropertyOptional({
      type: Number,
      nullable: true,
      minimum: L.listRentFen.min,
      maximum: L.listRentFen.max,
      description: 'fen per m² per month',
    })
    @Nullable()
    @IsInt()
    @InRange(L.listRentFen.min, L.listRentFen.max)
    listRentFen: number | null;

    @ApiPropertyOptional({
      enum: INDUSTRIES,
      isArray: true,
      maxItems: L.suitableIndustries.maxItems,
      default: [],
    })
    @Present('update')
    @IsArray()
    @ArrayMaxSize(L.suitableIndustries.maxItems)
    @ArrayUnique()
    @IsIn(INDUSTRIES, { each: true })
    suitableIndustries: Industry[];

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.description.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(L.description.maxLength)
    description: string | null;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: L.contactName.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(L.contactName.maxLength)
    contactName: string | null;

    @ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: L.contactPhone.maxLength,
      pattern: L.contactPhone.pattern.source,
    })
    @Nullable()
    @IsString()
    @MaxLength(L.contactPhone.maxLength)
    @Matches(L.contactPhone.pattern)
    contactPhone: string | null;

    @ApiPropertyOptional({ default: true })
    @Present('update')
    @IsBoolean()
    isListed: boolean;
  }
  return UnitFieldsDto;
}

export class CreateUnitDto extends unitFieldsDto('create') {}

export class UpdateUnitDto extends unitFieldsDto('update') {
  @ApiProperty({
    minimum: 1,
    description: 'The version this change is based on (optimistic locking)',
  })
  @Present('create')
  @IsInt()
  @InRange(1, MAX_INT)
  version: number;
}

const MAX_FILTER_VALUES = 50;

export class ListUnitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UNIT_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(UNIT_SORTS)
  sort?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID('all', { each: true })
  zoneId?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID('all', { each: true })
  parkId?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID('all', { each: true })
  buildingId?: string[];

  @ApiPropertyOptional({ enum: UNIT_CLASSES, isArray: true, description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @IsIn(UNIT_CLASSES, { each: true })
  unitClass?: UnitClass[];

  @ApiPropertyOptional({ enum: OCCUPANCY_STATUSES, isArray: true, description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @IsIn(OCCUPANCY_STATUSES, { each: true })
  occupancyStatus?: OccupancyStatus[];

  @ApiPropertyOptional({ enum: ACCEPTANCE_STATUSES, isArray: true, description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @IsIn(ACCEPTANCE_STATUSES, { each: true })
  acceptanceStatus?: AcceptanceStatus[];

  @ApiPropertyOptional({ description: 'Code or name contains', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Gross area at least (m²)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, L.grossArea.max)
  minArea?: number;

  @ApiPropertyOptional({ description: 'Gross area at most (m²)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, L.grossArea.max)
  maxArea?: number;

  @ApiPropertyOptional({
    description: 'Only units listed publicly (true) or only unlisted (false)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  isListed?: boolean;
}

export class UnitResponseDto implements UnitDossierFields {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty({ format: 'uuid' }) buildingId: string;
  @ApiProperty() parkName: string;
  @ApiProperty() buildingName: string;
  @ApiProperty() buildingFloors: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ nullable: true, type: 'array', items: RING_ITEMS }) footprint: LngLat[] | null;
  @ApiProperty() grossArea: number;
  @ApiProperty({ type: Number, nullable: true }) usableArea: number | null;
  @ApiProperty() floorFrom: number;
  @ApiProperty() floorTo: number;
  @ApiProperty({ enum: STRUCTURE_TYPES }) structureType: StructureType;
  @ApiProperty() floorHeightM: number;
  @ApiProperty() floorLoadKnM2: number;
  @ApiProperty({ type: Number, nullable: true }) craneCapacityT: number | null;
  @ApiProperty({ type: Number, nullable: true }) powerCapacityKva: number | null;
  @ApiProperty() hasWater: boolean;
  @ApiProperty() hasGas: boolean;
  @ApiProperty() hasHeating: boolean;
  @ApiProperty() hasSewage: boolean;
  @ApiProperty() hasFibre: boolean;
  @ApiProperty({ type: String, nullable: true }) utilitiesNote: string | null;
  @ApiProperty({ enum: FIRE_SAFETY_STATUSES }) fireSafetyStatus: FireSafetyStatus;
  @ApiProperty({ enum: ENVIRONMENTAL_STATUSES }) environmentalStatus: EnvironmentalStatus;
  @ApiProperty({ enum: ACCEPTANCE_STATUSES }) acceptanceStatus: AcceptanceStatus;
  @ApiProperty({ type: Number, nullable: true }) completionYear: number | null;
  @ApiProperty({ enum: UNIT_CLASSES }) unitClass: UnitClass;
  @ApiProperty({ type: String, nullable: true }) classReason: string | null;
  @ApiProperty({ enum: OCCUPANCY_STATUSES }) occupancyStatus: OccupancyStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) vacantSince: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Whole days idle (from vacantSince, China date)',
  })
  idleDays: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Whole months idle' }) idleMonths:
    number | null;
  @ApiProperty({ enum: IDLE_REASON_CATEGORIES, nullable: true })
  idleReasonCategory: IdleReasonCategory | null;
  @ApiProperty({ type: String, nullable: true }) idleReasonText: string | null;
  @ApiProperty({ type: Number, nullable: true }) listRentFen: number | null;
  @ApiProperty({ enum: INDUSTRIES, isArray: true }) suitableIndustries: Industry[];
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) contactName: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty() isListed: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UnitPageResponseDto {
  @ApiProperty({ type: [UnitResponseDto] }) items: UnitResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
