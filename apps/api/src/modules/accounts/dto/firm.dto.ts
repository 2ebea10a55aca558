import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import {
  FIRM_SIZES,
  SPECIALISED_LEVELS,
  normalizeCreditCode,
  type FirmSize,
  type SpecialisedLevel,
} from '@factoryspace/domain';
import { IsCreditCode, IsIndustryCode, IsIsoDate } from '../../../common/validation/decorators';
import { Nullable } from '../../shared/dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const creditCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeCreditCode(value) : value;

/** A firm's registration data (统一社会信用代码, 法定代表人, 行业, 规模, 资质). */
export class FirmInputDto {
  @ApiProperty({ maxLength: 200, example: '高平示例精密制造有限公司' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: '统一社会信用代码 (GB 32100-2015)', example: '91350100M000100Y43' })
  @Transform(creditCode)
  @IsString()
  @IsCreditCode()
  creditCode: string;

  @ApiProperty({ maxLength: 60 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  legalRepresentative: string;

  @ApiProperty({
    description: 'GB/T 4754-2017 section letter or two-digit division',
    example: '34',
  })
  @IsString()
  @IsIndustryCode()
  industryCode: string;

  @ApiProperty({ enum: FIRM_SIZES })
  @IsIn(FIRM_SIZES)
  size: FirmSize;

  @ApiProperty({ maxLength: 60 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  contactName: string;

  @ApiProperty({ maxLength: 30 })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(30)
  contactPhone: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 40,
    description: '高新技术企业证书编号',
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  highTechCertificateNo?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsIsoDate()
  highTechExpiresOn?: string | null;

  @ApiPropertyOptional({ enum: SPECIALISED_LEVELS, nullable: true, description: '专精特新 level' })
  @Nullable()
  @IsIn(SPECIALISED_LEVELS)
  specialisedLevel?: SpecialisedLevel | null;
}

export class UpdateFirmDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(creditCode)
  @IsString()
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  legalRepresentative?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsIndustryCode()
  industryCode?: string;

  @ApiPropertyOptional({ enum: FIRM_SIZES })
  @IsOptional()
  @IsIn(FIRM_SIZES)
  size?: FirmSize;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  contactName?: string;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(30)
  contactPhone?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  highTechCertificateNo?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Nullable()
  @IsIsoDate()
  highTechExpiresOn?: string | null;

  @ApiPropertyOptional({ enum: SPECIALISED_LEVELS, nullable: true })
  @Nullable()
  @IsIn(SPECIALISED_LEVELS)
  specialisedLevel?: SpecialisedLevel | null;

  @ApiProperty({ minimum: 1, description: 'The version you edited (optimistic locking)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class FirmResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() creditCode: string;
  @ApiProperty() legalRepresentative: string;
  @ApiProperty() industryCode: string;
  @ApiProperty({ enum: FIRM_SIZES }) size: FirmSize;
  @ApiProperty() contactName: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty({ type: String, nullable: true }) highTechCertificateNo: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) highTechExpiresOn: string | null;
  @ApiProperty({ enum: SPECIALISED_LEVELS, nullable: true })
  specialisedLevel: SpecialisedLevel | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class FirmMemberResponseDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['owner', 'member'] }) firmRole: 'owner' | 'member';
  @ApiProperty({ enum: ['active', 'disabled'] }) status: 'active' | 'disabled';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
