import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import type { RentPolicyRules } from '@factoryspace/domain';
import { IsIsoDate } from '../../../common/validation/decorators';
import { Present, VersionedDto } from '../../shared/dto';
import {
  RENT_POLICY_STATUSES,
  type RentPolicyStatus,
} from '../entities/rent-policy-version.entity';
import { RentPolicyRulesDto } from './rent-policy-rules.dto';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export const RENT_POLICY_NAME_MAX = 100;
export const RENT_POLICY_NOTES_MAX = 2000;

/**
 * `rules` is checked here only for being a JSON object; the domain's `validateRentPolicy` is the
 * authority on its content (400 INVALID_RENT_POLICY), so the document is kept as sent, never
 * stripped or converted by the validation pipe.
 */
const RULES_DESCRIPTION =
  'The policy document, validated by validateRentPolicy (400 INVALID_RENT_POLICY with details.issues)';

export class CreateRentPolicyDto {
  @ApiProperty({ minLength: 1, maxLength: RENT_POLICY_NAME_MAX })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @Length(1, RENT_POLICY_NAME_MAX)
  name: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the version takes effect once published (required to publish)',
  })
  @IsOptional()
  @IsIsoDate()
  effectiveFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: RENT_POLICY_NOTES_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(RENT_POLICY_NOTES_MAX)
  notes?: string | null;

  @ApiProperty({ type: RentPolicyRulesDto, description: RULES_DESCRIPTION })
  @IsDefined()
  @IsObject()
  rules: RentPolicyRules;
}

export class UpdateRentPolicyDto extends VersionedDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: RENT_POLICY_NAME_MAX })
  @Present('update')
  @Transform(trim)
  @IsString()
  @Length(1, RENT_POLICY_NAME_MAX)
  name?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsIsoDate()
  effectiveFrom?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: RENT_POLICY_NOTES_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(RENT_POLICY_NOTES_MAX)
  notes?: string | null;

  @ApiPropertyOptional({ type: RentPolicyRulesDto, description: RULES_DESCRIPTION })
  @Present('update')
  @IsObject()
  rules?: RentPolicyRules;
}

export class PublishRentPolicyDto extends VersionedDto {}

export class CurrentRentPolicyQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsDefined()
  @IsUUID()
  zoneId: string;

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today in China' })
  @IsOptional()
  @IsIsoDate()
  date?: string;
}

export class PublicRentPolicyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() versionNo: number;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ type: RentPolicyRulesDto }) rules: RentPolicyRulesDto;
}

export class RentPolicyVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty() versionNo: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: RENT_POLICY_STATUSES }) status: RentPolicyStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveFrom: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Optimistic-locking version' }) version: number;
  @ApiProperty({ description: 'The version in effect today (China)' }) isCurrent: boolean;
}

export class RentPolicyVersionDto extends RentPolicyVersionSummaryDto {
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: RentPolicyRulesDto }) rules: RentPolicyRulesDto;
}

export class RentPolicyVersionListResponseDto {
  @ApiProperty({ type: [RentPolicyVersionSummaryDto], description: 'Newest version first' })
  items: RentPolicyVersionSummaryDto[];
}

export class ParkCoverageDto {
  @ApiProperty({ format: 'uuid' }) parkId: string;
  @ApiProperty() parkName: string;
  @ApiProperty({ description: 'm²' }) areaM2: number;
  @ApiProperty({ description: 'm²' }) coveredAreaM2: number;
}

export class RentPolicyCoverageDto {
  @ApiProperty({ description: 'Gross area of every unit of the zone that is not deleted, m²' })
  zoneAreaM2: number;
  @ApiProperty({ description: 'Area of the units that get a floor or area tier discount, m²' })
  coveredAreaM2: number;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'coveredAreaM2 ÷ zoneAreaM2, four decimals' })
  coveredShare: number;
  @ApiProperty() unitCount: number;
  @ApiProperty() coveredUnitCount: number;
  @ApiProperty({ description: 'Area of the units with a floor tier discount, m²' })
  floorTierAreaM2: number;
  @ApiProperty({ description: 'Area of the units with an area tier discount, m²' })
  areaTierAreaM2: number;
  @ApiProperty({ type: [ParkCoverageDto] }) byPark: ParkCoverageDto[];
}
