import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsString, MaxLength, Min, MinLength } from 'class-validator';
import {
  FIRM_SIZES,
  SPECIALISED_LEVELS,
  normalizeCreditCode,
  type FirmSize,
  type SpecialisedLevel,
} from '@factoryspace/domain';
import { IsCreditCode, IsIndustryCode, IsIsoDate } from '../../../common/validation/decorators';
import { type DtoMode, Nullable, Present } from '../../shared/dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const creditCode = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalizeCreditCode(value) : value;

/** The firm's fields; `create` requires the mandatory ones, `update` takes any subset. */
function firmFieldsDto(mode: DtoMode) {
  const required = mode === 'create';
  class FirmFieldsDto {
    @ApiProperty({ required, maxLength: 200, example: '高平示例精密制造有限公司' })
    @Present(mode)
    @Transform(trim)
    @IsString()
    @MinLength(1)
    @MaxLength(200)
    name: string;

    @ApiProperty({
      required,
      description: '统一社会信用代码 (GB 32100-2015)',
      example: '91350100M000100Y43',
    })
    @Present(mode)
    @Transform(creditCode)
    @IsString()
    @IsCreditCode()
    creditCode: string;

    @ApiProperty({ required, maxLength: 60 })
    @Present(mode)
    @Transform(trim)
    @IsString()
    @MinLength(1)
    @MaxLength(60)
    legalRepresentative: string;

    @ApiProperty({
      required,
      description: 'GB/T 4754-2017 section letter or two-digit division',
      example: '34',
    })
    @Present(mode)
    @IsString()
    @IsIndustryCode()
    industryCode: string;

    @ApiProperty({ required, enum: FIRM_SIZES })
    @Present(mode)
    @IsIn(FIRM_SIZES)
    size: FirmSize;

    @ApiProperty({ required, maxLength: 60 })
    @Present(mode)
    @Transform(trim)
    @IsString()
    @MinLength(1)
    @MaxLength(60)
    contactName: string;

    @ApiProperty({ required, maxLength: 30 })
    @Present(mode)
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

    @ApiPropertyOptional({
      enum: SPECIALISED_LEVELS,
      nullable: true,
      description: '专精特新 level',
    })
    @Nullable()
    @IsIn(SPECIALISED_LEVELS)
    specialisedLevel?: SpecialisedLevel | null;
  }
  return FirmFieldsDto;
}

/** A firm's registration data (统一社会信用代码, 法定代表人, 行业, 规模, 资质). */
export class FirmInputDto extends firmFieldsDto('create') {}

/** Any subset of the firm's fields, with the version that was edited. */
export class UpdateFirmDto extends firmFieldsDto('update') {
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
