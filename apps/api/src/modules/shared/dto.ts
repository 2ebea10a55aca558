/** Building blocks shared by the feature DTOs. */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsNumber, IsOptional, ValidateIf } from 'class-validator';
import { LATITUDE_RANGE, LONGITUDE_RANGE } from '@factoryspace/domain';
import { InRange } from '../../common/validation/decorators';

/** Create DTOs require the field; update DTOs accept it absent but never null. */
export type DtoMode = 'create' | 'update';

export const MAX_INT = 2_147_483_647;

/** Required on create; on update optional, but `null` is refused (the column is NOT NULL). */
export function Present(mode: DtoMode): PropertyDecorator {
  return mode === 'create'
    ? IsDefined()
    : ValidateIf((_: object, value: unknown) => value !== undefined);
}

/** A nullable column: absent or `null` skips the other checks. */
export function Nullable(): PropertyDecorator {
  return IsOptional();
}

/** Escapes LIKE wildcards so a search text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class LatLngDto {
  @ApiProperty({ minimum: LATITUDE_RANGE.min, maximum: LATITUDE_RANGE.max, example: 35.8 })
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(LATITUDE_RANGE.min, LATITUDE_RANGE.max)
  latitude: number;

  @ApiProperty({ minimum: LONGITUDE_RANGE.min, maximum: LONGITUDE_RANGE.max, example: 112.92 })
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange(LONGITUDE_RANGE.min, LONGITUDE_RANGE.max)
  longitude: number;
}

/** The `version` a PATCH body was based on. */
export class VersionedDto {
  @ApiProperty({
    minimum: 1,
    description: 'The version this change is based on (optimistic locking)',
  })
  @IsDefined()
  @IsInt()
  @InRange(1, MAX_INT)
  version: number;
}

/** `?version=` of a DELETE. */
export class DeleteQueryDto {
  @ApiProperty({ minimum: 1, description: 'The version being deleted (optimistic locking)' })
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @InRange(1, MAX_INT)
  version: number;
}
