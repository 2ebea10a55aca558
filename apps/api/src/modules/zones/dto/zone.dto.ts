import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ZONE_LIMITS } from '@factoryspace/domain';
import type { Type as ClassType } from '@nestjs/common';
import { PageQueryDto, PageTotalDto, sortParams } from '../../../common/pagination';
import { DtoMode, LatLngDto, MAX_INT, Nullable, Present } from '../../shared/dto';
import { InRange } from '../../../common/validation/decorators';

export const ZONE_CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** Free-text lengths for fields the domain does not limit (province, city). */
export const ZONE_PLACE_MAX_LENGTH = 60;
export const ZONE_SORTS = sortParams(['code', 'name']);

export interface ZoneFields {
  code: string;
  name: string;
  nameEn: string | null;
  platformCompany: string;
  platformCompanyEn: string | null;
  province: string | null;
  city: string | null;
  center: LatLngDto | null;
}
export const ZONE_FIELDS: readonly (keyof ZoneFields)[] = [
  'code',
  'name',
  'nameEn',
  'platformCompany',
  'platformCompanyEn',
  'province',
  'city',
  'center',
];

function zoneFieldsDto(mode: DtoMode): ClassType<ZoneFields> {
  const required = mode === 'create';
  class ZoneFieldsDto implements ZoneFields {
    @ApiProperty({
      required,
      pattern: ZONE_CODE_PATTERN.source,
      maxLength: ZONE_LIMITS.code.maxLength,
      example: 'gaoping',
    })
    @Present(mode)
    @IsString()
    @MaxLength(ZONE_LIMITS.code.maxLength)
    @Matches(ZONE_CODE_PATTERN)
    code: string;

    @ApiProperty({ required, maxLength: ZONE_LIMITS.name.maxLength, example: '高平经济技术开发区' })
    @Present(mode)
    @IsString()
    @MaxLength(ZONE_LIMITS.name.maxLength)
    @Matches(/\S/)
    name: string;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: ZONE_LIMITS.name.maxLength })
    @Nullable()
    @IsString()
    @MaxLength(ZONE_LIMITS.name.maxLength)
    nameEn: string | null;

    @ApiProperty({
      required,
      maxLength: ZONE_LIMITS.platformCompany.maxLength,
      example: '恒通集团',
    })
    @Present(mode)
    @IsString()
    @MaxLength(ZONE_LIMITS.platformCompany.maxLength)
    @Matches(/\S/)
    platformCompany: string;

    @ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: ZONE_LIMITS.platformCompany.maxLength,
    })
    @Nullable()
    @IsString()
    @MaxLength(ZONE_LIMITS.platformCompany.maxLength)
    platformCompanyEn: string | null;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: ZONE_PLACE_MAX_LENGTH })
    @Nullable()
    @IsString()
    @MaxLength(ZONE_PLACE_MAX_LENGTH)
    province: string | null;

    @ApiPropertyOptional({ type: String, nullable: true, maxLength: ZONE_PLACE_MAX_LENGTH })
    @Nullable()
    @IsString()
    @MaxLength(ZONE_PLACE_MAX_LENGTH)
    city: string | null;

    @ApiPropertyOptional({ type: LatLngDto, nullable: true })
    @Nullable()
    @ValidateNested()
    @Type(() => LatLngDto)
    center: LatLngDto | null;
  }
  return ZoneFieldsDto;
}

export class CreateZoneDto extends zoneFieldsDto('create') {}

export class UpdateZoneDto extends zoneFieldsDto('update') {
  @ApiProperty({
    minimum: 1,
    description: 'The version this change is based on (optimistic locking)',
  })
  @Present('create')
  @IsInt()
  @InRange(1, MAX_INT)
  version: number;
}

export class ListZonesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ZONE_SORTS, default: 'code' })
  @IsOptional()
  @IsIn(ZONE_SORTS)
  sort?: string;

  @ApiPropertyOptional({ description: 'Code or name contains', maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ZoneResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty() platformCompany: string;
  @ApiProperty({ type: String, nullable: true }) platformCompanyEn: string | null;
  @ApiProperty({ type: String, nullable: true }) province: string | null;
  @ApiProperty({ type: String, nullable: true }) city: string | null;
  @ApiProperty({ type: LatLngDto, nullable: true }) center: LatLngDto | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ZonePageResponseDto {
  @ApiProperty({ type: [ZoneResponseDto] }) items: ZoneResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
