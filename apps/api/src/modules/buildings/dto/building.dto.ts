import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BUILDING_LIMITS, UNIT_LIMITS } from '@factoryspace/domain';
import type { Type as ClassType } from '@nestjs/common';
import { PageQueryDto, PageTotalDto, sortParams } from '../../../common/pagination';
import { InRange } from '../../../common/validation/decorators';
import { DtoMode, LatLngDto, MAX_INT, Nullable, Present } from '../../shared/dto';

/** Like the database (length 1–32 only), plus no leading or trailing blanks. */
export const BUILDING_CODE_PATTERN = /^\S(?:.*\S)?$/;
export const BUILDING_SORTS = sortParams(['code', 'name']);

export interface BuildingFields {
  parkId: string;
  code: string;
  name: string;
  floors: number;
  address: string | null;
  location: LatLngDto | null;
}
export const BUILDING_FIELDS: readonly (keyof BuildingFields)[] = [
  'parkId',
  'code',
  'name',
  'floors',
  'address',
  'location',
];

function buildingFieldsDto(mode: DtoMode): ClassType<BuildingFields> {
  const required = mode === 'create';
  class BuildingFieldsDto implements BuildingFields {
    @ApiProperty({ required, format: 'uuid', description: 'The park; it decides the zone' })
    @Present(mode)
    @IsUUID()
    parkId: string;

    @ApiProperty({
      required,
      maxLength: BUILDING_LIMITS.code.maxLength,
      pattern: BUILDING_CODE_PATTERN.source,
      example: 'A1',
    })
    @Present(mode)
    @IsString()
    @MaxLength(BUILDING_LIMITS.code.maxLength)
    @Matches(BUILDING_CODE_PATTERN)
    code: string;

    @ApiProperty({ required, maxLength: BUILDING_LIMITS.name.maxLength, example: 'A1栋' })
    @Present(mode)
    @IsString()
    @MaxLength(BUILDING_LIMITS.name.maxLength)
    @Matches(/\S/)
    name: string;

    @ApiProperty({
      required,
      minimum: BUILDING_LIMITS.floors.min,
      maximum: BUILDING_LIMITS.floors.max,
      example: 3,
    })
    @Present(mode)
    @IsInt()
    @InRange(BUILDING_LIMITS.floors.min, BUILDING_LIMITS.floors.max)
    floors: number;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: UNIT_LIMITS.address.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(UNIT_LIMITS.address.maxLength)
    address: string | null;

    @ApiPropertyOptional({ type: LatLngDto, nullable: true })
    @Nullable()
    @ValidateNested()
    @Type(() => LatLngDto)
    location: LatLngDto | null;
  }
  return BuildingFieldsDto;
}

export class CreateBuildingDto extends buildingFieldsDto('create') {}

export class UpdateBuildingDto extends buildingFieldsDto('update') {
  @ApiProperty({
    minimum: 1,
    description: 'The version this change is based on (optimistic locking)',
  })
  @Present('create')
  @IsInt()
  @InRange(1, MAX_INT)
  version: number;
}

export class ListBuildingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BUILDING_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(BUILDING_SORTS)
  sort?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  zoneId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parkId?: string;

  @ApiPropertyOptional({ description: 'Code or name contains', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class BuildingResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty() parkName: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() floors: number;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: LatLngDto, nullable: true }) location: LatLngDto | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class BuildingPageResponseDto {
  @ApiProperty({ type: [BuildingResponseDto] }) items: BuildingResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
