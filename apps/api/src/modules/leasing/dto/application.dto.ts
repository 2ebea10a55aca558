import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@factoryspace/domain';
import { InRange, IsIsoDate } from '../../../common/validation/decorators';
import { MAX_ALTERNATIVES } from '../leasing.errors';

export const MAX_TERM_MONTHS = 240;
export const REASON_MAX = 2000;

/** Utilities the firm needs (each optional; absent = not stated). */
export class ApplicationNeedsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() gas?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() water?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() heating?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() sewage?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() fibre?: boolean;
}

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid', description: 'The unit applied for (on the market)' })
  @IsDefined()
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_ALTERNATIVES,
    description: 'Other units of the same zone the firm would accept, first choice first',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALTERNATIVES)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  alternatives?: string[];

  @ApiProperty({ minLength: 1, maxLength: 500, example: '食品加工生产线' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  intendedUse: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  industry?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000 })
  @IsOptional()
  @IsInt()
  @InRange(0, 100_000)
  headcount?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'kVA' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @InRange(0, 99_999_999)
  powerKva?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'kN/m²' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @InRange(0, 999_999)
  floorLoadKnM2?: number;

  @ApiPropertyOptional({ type: ApplicationNeedsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplicationNeedsDto)
  needs?: ApplicationNeedsDto;

  @ApiProperty({ minimum: 1, maximum: MAX_TERM_MONTHS, example: 36 })
  @IsDefined()
  @IsInt()
  @InRange(1, MAX_TERM_MONTHS)
  termMonths: number;

  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'Today (China) or later' })
  @IsDefined()
  @IsIsoDate()
  desiredMoveIn: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The firm’s own saved quote for this unit; its term and start date must match',
  })
  @IsOptional()
  @IsUUID()
  quoteId?: string;
}

/** Changes a draft; `version` is the one read (409 VERSION_CONFLICT otherwise). */
export class UpdateApplicationDto extends PartialType(CreateApplicationDto) {
  @ApiProperty({ minimum: 1 })
  @IsDefined()
  @IsInt()
  @InRange(1, 2_147_483_647)
  version: number;
}

export class WithdrawApplicationDto {
  @ApiPropertyOptional({ maxLength: REASON_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(REASON_MAX)
  reason?: string;
}

/** A reason staff must give (request information, reject). */
export class ReasonDto {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX)
  reason: string;
}

export class AnswerApplicationDto {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX, description: 'The information asked for' })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX)
  message: string;
}

export class ApproveApplicationDto {
  @ApiPropertyOptional({ minimum: 0, description: 'Deposit in fen (default 0)' })
  @IsOptional()
  @IsInt()
  @InRange(0, 1_000_000_000_000)
  depositFen?: number;
}

export class ListZoneApplicationsQueryDto {
  @ApiPropertyOptional({
    enum: APPLICATION_STATUSES.filter((s) => s !== 'draft'),
    description: 'Default: the open ones (submitted, under review, information requested, waiting)',
  })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES.filter((s) => s !== 'draft'))
  status?: Exclude<ApplicationStatus, 'draft'>;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @InRange(1, 100)
  limit?: number;
}

export class ApplicationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'uuid' }) firmId: string;
  @ApiProperty() firmName: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: [String], description: 'Alternative unit ids, first choice first' })
  alternatives: string[];
  @ApiProperty({ type: String, nullable: true }) intendedUse: string | null;
  @ApiProperty({ type: String, nullable: true }) industry: string | null;
  @ApiProperty({ type: Number, nullable: true }) headcount: number | null;
  @ApiProperty({ type: Number, nullable: true }) powerKva: number | null;
  @ApiProperty({ type: Number, nullable: true }) floorLoadKnM2: number | null;
  @ApiProperty({ type: ApplicationNeedsDto }) needs: ApplicationNeedsDto;
  @ApiProperty() termMonths: number;
  @ApiProperty({ format: 'date' }) desiredMoveIn: string;
  @ApiProperty({ format: 'date', description: 'End of the requested period (exclusive)' })
  requestedUntil: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) quoteId: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Whole days since submission while the application is open',
  })
  daysWaiting: number | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Once approved' })
  leaseId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class ApplicationListResponseDto {
  @ApiProperty({ type: [ApplicationResponseDto] }) items: ApplicationResponseDto[];
}

export class ApplicationPageResponseDto {
  @ApiProperty({ type: [ApplicationResponseDto] }) items: ApplicationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
