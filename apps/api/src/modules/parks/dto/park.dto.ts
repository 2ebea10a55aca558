import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PARK_KINDS, PARK_LIMITS } from '@factoryspace/domain';
import type { ParkKind } from '@factoryspace/domain';
import type { Type as ClassType } from '@nestjs/common';
import { PageQueryDto, PageTotalDto, sortParams } from '../../../common/pagination';
import { IsLngLatRing, InRange } from '../../../common/validation/decorators';
import { DtoMode, MAX_INT, Nullable, Present } from '../../shared/dto';
import { PolygonGeometryDto } from '../../zones/dto/zone-map.dto';

/** Like the database (length 1–32 only), plus no leading or trailing blanks. */
export const PARK_CODE_PATTERN = /^\S(?:.*\S)?$/;
export const PARK_SORTS = sortParams(['code', 'name']);

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export interface ParkFields {
  code: string;
  name: string;
  nameEn: string | null;
  kind: ParkKind;
  parentParkId: string | null;
  description: string | null;
  boundary: GeoJsonPolygon | null;
}
export const PARK_FIELDS: readonly (keyof ParkFields)[] = [
  'code',
  'name',
  'nameEn',
  'kind',
  'parentParkId',
  'description',
  'boundary',
];

function parkFieldsDto(mode: DtoMode): ClassType<ParkFields> {
  const required = mode === 'create';
  class ParkFieldsDto implements ParkFields {
    @ApiProperty({
      required,
      maxLength: PARK_LIMITS.code.maxLength,
      pattern: PARK_CODE_PATTERN.source,
      example: 'HX',
    })
    @Present(mode)
    @IsString()
    @MaxLength(PARK_LIMITS.code.maxLength)
    @Matches(PARK_CODE_PATTERN)
    code: string;

    @ApiProperty({
      required,
      maxLength: PARK_LIMITS.name.maxLength,
      example: '海峡两岸(高平)产业园',
    })
    @Present(mode)
    @IsString()
    @MaxLength(PARK_LIMITS.name.maxLength)
    @Matches(/\S/)
    name: string;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: PARK_LIMITS.name.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(PARK_LIMITS.name.maxLength)
    nameEn: string | null;

    @ApiProperty({
      required: false,
      enum: PARK_KINDS,
      default: 'park',
      description: 'park_in_park needs parentParkId',
    })
    @Present('update')
    @IsIn(PARK_KINDS)
    kind: ParkKind;

    @ApiPropertyOptional({
      type: String,
      format: 'uuid',
      nullable: true,
      description: 'The enclosing park (园中园)',
    })
    @Nullable()
    @IsUUID()
    parentParkId: string | null;

    @ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: PARK_LIMITS.description.maxLength,
    })
    @Nullable()
    @IsString()
    @MaxLength(PARK_LIMITS.description.maxLength)
    description: string | null;

    @ApiPropertyOptional({
      type: PolygonGeometryDto,
      nullable: true,
      description: 'GeoJSON Polygon, one ring (WGS-84)',
    })
    @Nullable()
    @IsLngLatRing({ geoJsonPolygon: true })
    boundary: GeoJsonPolygon | null;
  }
  return ParkFieldsDto;
}

export class CreateParkDto extends parkFieldsDto('create') {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Required for a top-level park; a park within a park takes its parent’s zone',
  })
  @IsOptional()
  @IsUUID()
  zoneId?: string;
}

export class UpdateParkDto extends parkFieldsDto('update') {
  @ApiProperty({
    minimum: 1,
    description: 'The version this change is based on (optimistic locking)',
  })
  @Present('create')
  @IsInt()
  @InRange(1, MAX_INT)
  version: number;
}

export class ListParksQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARK_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(PARK_SORTS)
  sort?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @ApiPropertyOptional({ enum: PARK_KINDS })
  @IsOptional()
  @IsIn(PARK_KINDS)
  kind?: ParkKind;

  @ApiPropertyOptional({ description: 'Code or name contains', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ParkResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentParkId: string | null;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ enum: PARK_KINDS }) kind: ParkKind;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: PolygonGeometryDto, nullable: true }) boundary: GeoJsonPolygon | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ParkPageResponseDto {
  @ApiProperty({ type: [ParkResponseDto] }) items: ParkResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
