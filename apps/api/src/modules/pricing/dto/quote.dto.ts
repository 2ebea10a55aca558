import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsUUID,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { QUALIFICATIONS, SPECIALISED_LEVELS } from '@factoryspace/domain';
import type { DiscountKind, Qualification, SpecialisedLevel } from '@factoryspace/domain';
import { InRange, IsIsoDate } from '../../../common/validation/decorators';
import { QuoteTotalsDto } from './quote-totals.dto';

/** Upper bound of a requested term before the policy's own range applies (TERM_OUT_OF_RANGE). */
export const MAX_REQUESTED_TERM_MONTHS = 600;

export class ApplicantProfileDto {
  @ApiProperty({ description: 'A project in one of the zone’s leading industries (主导产业)' })
  @IsDefined()
  @IsBoolean()
  leadingIndustry: boolean;

  @ApiProperty({ description: 'A certified high-tech enterprise (高新技术企业)' })
  @IsDefined()
  @IsBoolean()
  highTech: boolean;

  @ApiProperty({
    enum: SPECIALISED_LEVELS,
    nullable: true,
    description: '专精特新 level, or null',
  })
  @ValidateIf((_o: object, value: unknown) => value !== null)
  @IsDefined()
  @IsIn(SPECIALISED_LEVELS)
  specialisedLevel: SpecialisedLevel | null;
}

export class CreateQuoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  unitId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_REQUESTED_TERM_MONTHS, example: 36 })
  @IsDefined()
  @IsInt()
  @InRange(1, MAX_REQUESTED_TERM_MONTHS)
  termMonths: number;

  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'First day of the lease' })
  @IsDefined()
  @IsIsoDate()
  startDate: string;

  @ApiProperty({ type: ApplicantProfileDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ApplicantProfileDto)
  profile: ApplicantProfileDto;
}

export class LineDiscountDto {
  @ApiProperty({ enum: ['floor', 'area', 'year', 'rent_free', 'min_rent'] }) kind: DiscountKind;
  @ApiPropertyOptional({ enum: QUALIFICATIONS }) qualification?: Qualification;
  @ApiProperty() pct: number;
  @ApiProperty({ description: 'fen; the amounts of a line add up to its discountFen' })
  amountFen: number;
}

export class QuoteLineDto {
  @ApiProperty() month: number;
  @ApiProperty() leaseYear: number;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty() listFen: number;
  @ApiProperty({ type: [LineDiscountDto] }) discounts: LineDiscountDto[];
  @ApiProperty() discountFen: number;
  @ApiProperty() rentFen: number;
  @ApiProperty() deferredFen: number;
  @ApiProperty() repaidFen: number;
  @ApiProperty() dueFen: number;
}

export class ExplanationLineDto {
  @ApiProperty({ example: 'FLOOR_TIER' }) code: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class QuoteResultDto {
  @ApiProperty() termMonths: number;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty() maxTermMonths: number;
  @ApiProperty({ enum: QUALIFICATIONS, isArray: true }) appliedQualifications: Qualification[];
  @ApiProperty({ type: [QuoteLineDto] }) lines: QuoteLineDto[];
  @ApiProperty({ type: QuoteTotalsDto }) totals: QuoteTotalsDto;
  @ApiProperty({ type: [ExplanationLineDto] }) explanation: ExplanationLineDto[];
}

export class QuoteUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ description: 'm²' }) grossArea: number;
  @ApiProperty({ description: 'The lowest floor of the unit (sets the floor tier)' })
  floor: number;
  @ApiProperty({ description: 'List rent, fen per m² per month' }) listRentFenPerM2: number;
}

export class QuotePolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() versionNo: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveFrom: string | null;
}

export class QuoteResponseDto {
  @ApiProperty({ type: QuoteUnitDto }) unit: QuoteUnitDto;
  @ApiProperty({ type: QuotePolicyDto, description: 'The policy version the quote used' })
  policy: QuotePolicyDto;
  @ApiProperty({ type: ApplicantProfileDto }) profile: ApplicantProfileDto;
  @ApiProperty({ type: QuoteResultDto }) result: QuoteResultDto;
}

export class SavedQuoteDto extends QuoteResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SavedQuoteUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class SavedQuoteSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: SavedQuoteUnitDto }) unit: SavedQuoteUnitDto;
  @ApiProperty({ type: QuotePolicyDto }) policy: QuotePolicyDto;
  @ApiProperty() termMonths: number;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ type: QuoteTotalsDto }) totals: QuoteTotalsDto;
}

export class SavedQuoteListResponseDto {
  @ApiProperty({ type: [SavedQuoteSummaryDto], description: 'Newest first' })
  items: SavedQuoteSummaryDto[];
}
