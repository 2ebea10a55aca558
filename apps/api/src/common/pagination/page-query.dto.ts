import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { InRange } from '../validation/decorators';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

/** `limit` and `cursor` of every list route; each list adds its own `sort` allow-list and filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @InRange(1, MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: "Opaque cursor: the previous page's nextCursor" })
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  cursor?: string;
}

/** Turns one or repeated query values into an array (`?a=x` and `?a=x&a=y`). */
export function toArray({ value }: { value: unknown }): unknown {
  if (value === undefined || value === null) return value;
  return Array.isArray(value) ? value : [value];
}

/** `?flag=true|false` (also 1/0) as a boolean; anything else is left for the validator to refuse. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
}
