import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
  FIRE_SAFETY_STATUSES,
  INDUSTRIES,
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  UNIT_CLASSES,
  type AcceptanceStatus,
  type FireSafetyStatus,
  type Industry,
  type UnitClass,
} from '@factoryspace/domain';
import { PageTotalDto, toArray, toBoolean } from '../../../common/pagination';
import { InRange } from '../../../common/validation/decorators';
import { AREA_BANDS, SEARCH_SORTS, UTILITIES, type SearchSort, type Utility } from '../search.sql';

const MAX_FILTER_VALUES = 50;
export const MAX_SEARCH_LIMIT = 50;
export const DEFAULT_SEARCH_LIMIT = 20;
/** The largest search radius (km). */
export const MAX_WITHIN_KM = 1000;

/** `west,south,east,north` in degrees (WGS-84). */
const BBOX_PATTERN = /^-?\d{1,3}(\.\d{1,12})?(,-?\d{1,3}(\.\d{1,12})?){3}$/;

/**
 * The filters shared by search, facets and the map, but the box (optional for search and facets,
 * required for the map: a subclass cannot make a property required that its parent marks
 * @IsOptional, class-validator keeps the parent's). Ranges are checked by the service.
 */
export class UnitFilterFieldsDto {
  @ApiPropertyOptional({
    description:
      'Keyword in Chinese or English (unit, park, zone, building names, address, description, industries); every word must match',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID('all', { each: true })
  zoneId?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'May repeat; a park includes its parks-in-park',
  })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsUUID('all', { each: true })
  parkId?: string[];

  @ApiPropertyOptional({ description: 'Gross area at least (m²)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, 1_000_000)
  minArea?: number;

  @ApiPropertyOptional({ description: 'Gross area at most (m²)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, 1_000_000)
  maxArea?: number;

  @ApiPropertyOptional({ description: 'Floor load rating at least (kN/m²)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, 500)
  minFloorLoad?: number;

  @ApiPropertyOptional({ description: 'Clear floor height at least (m)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, 50)
  minFloorHeight?: number;

  @ApiPropertyOptional({ description: 'Power capacity at least (kVA)', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @InRange(0, 1_000_000)
  minPower?: number;

  @ApiPropertyOptional({
    enum: UTILITIES,
    isArray: true,
    description: 'Required utilities (all of them); may repeat',
  })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(UTILITIES.length * 2)
  @IsIn(UTILITIES, { each: true })
  utility?: Utility[];

  @ApiPropertyOptional({ enum: UNIT_CLASSES, isArray: true, description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(UNIT_CLASSES, { each: true })
  unitClass?: UnitClass[];

  @ApiPropertyOptional({ enum: ACCEPTANCE_STATUSES, isArray: true, description: 'May repeat' })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(ACCEPTANCE_STATUSES, { each: true })
  acceptanceStatus?: AcceptanceStatus[];

  @ApiPropertyOptional({ description: 'Only units on the ground floor' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  groundFloor?: boolean;

  @ApiPropertyOptional({ description: 'Only units with an overhead crane' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  crane?: boolean;

  @ApiPropertyOptional({
    description: 'List rent at most (fen per m² per month); units without a list rent are left out',
    minimum: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @InRange(0, 100_000)
  maxRentFen?: number;

  @ApiPropertyOptional({
    description: 'Move-in ready: class quality, completion accepted and fire safety passed',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  moveInReady?: boolean;

  @ApiPropertyOptional({
    enum: INDUSTRIES,
    isArray: true,
    description: 'Suited to any of these industries; may repeat',
  })
  @IsOptional()
  @Transform(toArray)
  @ArrayMaxSize(MAX_FILTER_VALUES)
  @IsIn(INDUSTRIES, { each: true })
  industry?: Industry[];

  @ApiPropertyOptional({
    description: 'Latitude of the point distances are measured from (WGS-84)',
    minimum: LATITUDE_RANGE.min,
    maximum: LATITUDE_RANGE.max,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(LATITUDE_RANGE.min, LATITUDE_RANGE.max)
  nearLat?: number;

  @ApiPropertyOptional({
    description: 'Longitude of that point (WGS-84)',
    minimum: LONGITUDE_RANGE.min,
    maximum: LONGITUDE_RANGE.max,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(LONGITUDE_RANGE.min, LONGITUDE_RANGE.max)
  nearLng?: number;

  @ApiPropertyOptional({
    description: 'Only units within this many km of nearLat/nearLng',
    minimum: 0.1,
    maximum: MAX_WITHIN_KM,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0.1, MAX_WITHIN_KM)
  withinKm?: number;
}

/** The filters of search and facets. */
export class UnitSearchFiltersDto extends UnitFilterFieldsDto {
  @ApiPropertyOptional({
    description:
      'Only units in this box: west,south,east,north (degrees, WGS-84; west < east, a box may not cross the antimeridian)',
    example: '112.8,35.7,113.0,35.9',
  })
  @IsOptional()
  @IsString()
  @Matches(BBOX_PATTERN, { message: 'bbox must be west,south,east,north in degrees' })
  bbox?: string;
}

export class SearchUnitsQueryDto extends UnitSearchFiltersDto {
  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    default: 'relevance',
    description:
      'relevance (newest when there is no keyword), newest, rent_asc, rent_desc, area_asc, area_desc, longest_idle, distance (needs nearLat/nearLng; without withinKm it looks 200 km far)',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort?: SearchSort;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_SEARCH_LIMIT,
    default: DEFAULT_SEARCH_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @InRange(1, MAX_SEARCH_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor: the previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
}

export class UnitMapQueryDto extends UnitFilterFieldsDto {
  @ApiProperty({
    description: 'The viewport: west,south,east,north (degrees, WGS-84)',
    example: '112.8,35.7,113.0,35.9',
  })
  @IsString()
  @Matches(BBOX_PATTERN, { message: 'bbox must be west,south,east,north in degrees' })
  bbox: string;

  @ApiProperty({ minimum: 0, maximum: 22, description: 'The map zoom level' })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(0, 22)
  zoom: number;
}

export class ParkBoundariesQueryDto {
  @ApiPropertyOptional({
    description: 'Only parks overlapping this box: west,south,east,north',
    example: '112.8,35.7,113.0,35.9',
  })
  @IsOptional()
  @IsString()
  @Matches(BBOX_PATTERN, { message: 'bbox must be west,south,east,north in degrees' })
  bbox?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  zoneId?: string;
}

/** A unit on the market as a result card: the industrial facts at a glance. */
export class PublicUnitCardDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() zoneName: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty() parkName: string;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty() grossArea: number;
  @ApiProperty() floorFrom: number;
  @ApiProperty() floorTo: number;
  @ApiProperty() buildingFloors: number;
  @ApiProperty() floorHeightM: number;
  @ApiProperty() floorLoadKnM2: number;
  @ApiProperty({ type: Number, nullable: true }) powerCapacityKva: number | null;
  @ApiProperty({ type: Number, nullable: true }) craneCapacityT: number | null;
  @ApiProperty() hasWater: boolean;
  @ApiProperty() hasGas: boolean;
  @ApiProperty() hasHeating: boolean;
  @ApiProperty() hasSewage: boolean;
  @ApiProperty() hasFibre: boolean;
  @ApiProperty({ enum: UNIT_CLASSES }) unitClass: UnitClass;
  @ApiProperty({ enum: ACCEPTANCE_STATUSES }) acceptanceStatus: AcceptanceStatus;
  @ApiProperty({ enum: FIRE_SAFETY_STATUSES }) fireSafetyStatus: FireSafetyStatus;
  @ApiProperty({ enum: ['vacant', 'reserved'] }) occupancyStatus: 'vacant' | 'reserved';
  @ApiProperty({ type: String, format: 'date', nullable: true }) vacantSince: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Whole months idle' })
  idleMonths: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'List rent, fen per m² per month (null: negotiable)',
  })
  listRentFen: number | null;
  @ApiProperty({ enum: INDUSTRIES, isArray: true }) suitableIndustries: Industry[];
  @ApiProperty({ format: 'date-time', description: 'When the unit came onto the market' })
  publishedAt: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Distance from nearLat/nearLng (km), when given',
  })
  distanceKm: number | null;
}

export class UnitSearchResponseDto {
  @ApiProperty({ type: [PublicUnitCardDto] }) items: PublicUnitCardDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}

export class FacetValueDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() count: number;
}

export class ParkFacetValueDto extends FacetValueDto {
  @ApiProperty() zoneName: string;
}

export class ClassFacetValueDto {
  @ApiProperty({ enum: UNIT_CLASSES }) value: UnitClass;
  @ApiProperty() count: number;
}

export class AreaBandFacetDto {
  @ApiProperty({ enum: AREA_BANDS.map((b) => b.band) }) band: string;
  @ApiProperty() min: number;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
  @ApiProperty() count: number;
}

export class UnitFacetsResponseDto {
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
  @ApiProperty({ type: [FacetValueDto], description: 'The 50 zones with most matches' })
  zones: FacetValueDto[];
  @ApiProperty({ type: [ParkFacetValueDto], description: 'The 50 parks with most matches' })
  parks: ParkFacetValueDto[];
  @ApiProperty({ type: [ClassFacetValueDto] }) unitClasses: ClassFacetValueDto[];
  @ApiProperty({ type: [AreaBandFacetDto] }) areaBands: AreaBandFacetDto[];
}

export class MapFeatureDto {
  @ApiProperty({ enum: ['cluster', 'unit'] }) kind: 'cluster' | 'unit';
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Total vacant (gross) area of the units, m²' }) totalArea: number;
  @ApiProperty({
    type: [Number],
    nullable: true,
    description: 'Clusters: west,south,east,north of their units',
  })
  bounds: [number, number, number, number] | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) unitId: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: Number, nullable: true }) listRentFen: number | null;
  @ApiProperty({ enum: UNIT_CLASSES, nullable: true }) unitClass: UnitClass | null;
}

export class UnitMapResponseDto {
  @ApiProperty({ description: 'Whether the features are grid clusters' }) clustered: boolean;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
  @ApiProperty({ type: [MapFeatureDto], description: 'At most 500' }) features: MapFeatureDto[];
}

export class ParkGeometryDto {
  @ApiProperty({ enum: ['Polygon'] }) type: 'Polygon';
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'array', items: { type: 'number' } } },
    description: 'One closed ring of [lng, lat]',
  })
  coordinates: number[][][];
}

export class ParkFeaturePropertiesDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ enum: ['park', 'park_in_park'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() zoneName: string;
}

export class ParkFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: ParkGeometryDto }) geometry: ParkGeometryDto;
  @ApiProperty({ type: ParkFeaturePropertiesDto }) properties: ParkFeaturePropertiesDto;
}

export class ParkBoundariesResponseDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ description: 'More than 500 parks matched; narrow the box' }) truncated: boolean;
  @ApiProperty({ type: [ParkFeatureDto] }) features: ParkFeatureDto[];
}
