/**
 * The rent policy document (`RentPolicyRules` of @factoryspace/domain) described for OpenAPI, so
 * the generated api-client has real types. These classes only document the shape: the API keeps
 * the document as plain JSON and `validateRentPolicy` of the domain package is the one authority
 * on it (400 INVALID_RENT_POLICY with one issue per problem, in zh-CN and en).
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AREA_TIER_MODES, QUALIFICATIONS, SPECIALISED_LEVELS } from '@factoryspace/domain';
import type { AreaTierMode, Qualification, SpecialisedLevel } from '@factoryspace/domain';

export class FloorTierDto {
  @ApiProperty({ minimum: 1, description: 'First floor of the tier' }) fromFloor: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Last floor of the tier (inclusive); null = and above (the last tier only)',
  })
  toFloor: number | null;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent off, two decimals at most' })
  discountPct: number;
}

export class AreaBandDto {
  @ApiProperty({ minimum: 0, description: 'From this area, m² (inclusive)' }) fromM2: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Up to this area, m² (exclusive); null = and above (the last band only)',
  })
  toM2: number | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) discountPct: number;
}

export class AreaTiersDto {
  @ApiProperty({
    enum: AREA_TIER_MODES,
    description:
      'marginal: each band’s rate applies to the part of the area inside it (like tax brackets); whole: the band the total area falls in sets the rate',
  })
  mode: AreaTierMode;
  @ApiProperty({ type: [AreaBandDto] }) bands: AreaBandDto[];
}

export class DeferralRuleDto {
  @ApiProperty({ minimum: 1, description: 'The first N months of rent are deferred' })
  months: number;
  @ApiProperty({ minimum: 1, description: 'Repaid in equal parts over the next M months' })
  repayOverMonths: number;
}

export class IncentiveGroupDto {
  @ApiProperty({ enum: QUALIFICATIONS }) qualification: Qualification;
  @ApiPropertyOptional({
    enum: SPECIALISED_LEVELS,
    isArray: true,
    description: 'specialised only: the 专精特新 levels that qualify (at least one)',
  })
  specialisedLevels?: SpecialisedLevel[];
  @ApiProperty({
    type: [Number],
    description: 'Percent off by lease year: index 0 = year 1; later years get none',
  })
  yearDiscountPcts: number[];
  @ApiProperty({ minimum: 0, description: 'The first N months are free (免租期)' })
  rentFreeMonths: number;
  @ApiProperty({ type: DeferralRuleDto, nullable: true }) deferral: DeferralRuleDto | null;
  @ApiProperty({ description: 'Longest term this group may sign (延长租期)' })
  maxTermMonths: number;
}

export class StackingRuleDto {
  @ApiProperty({
    enum: ['additive', 'best_of'],
    description: 'additive: the sum of the discounts, capped at capPct; best_of: the largest one',
  })
  mode: 'additive' | 'best_of';
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    description: 'additive only (required there): the cap of the summed discounts, percent',
  })
  capPct?: number;
}

export class RentPolicyRulesDto {
  @ApiProperty({ type: [FloorTierDto] }) floorTiers: FloorTierDto[];
  @ApiProperty({ type: AreaTiersDto, nullable: true, description: 'null = no area tiers' })
  areaTiers: AreaTiersDto | null;
  @ApiProperty({ type: [IncentiveGroupDto] }) incentives: IncentiveGroupDto[];
  @ApiProperty({ type: StackingRuleDto }) stacking: StackingRuleDto;
  @ApiProperty({
    minimum: 0,
    maximum: 100000,
    description: 'No month (other than a rent-free one) below this rent, fen per m²; 0 = none',
  })
  minRentFenPerM2: number;
  @ApiProperty({ minimum: 1 }) minTermMonths: number;
  @ApiProperty({ maximum: 240, description: 'Longest term without a qualification' })
  standardMaxTermMonths: number;
}

export class PolicyIssueDto {
  @ApiProperty({ example: 'floorTiers[1].fromFloor' }) path: string;
  @ApiProperty({ example: 'NOT_CONTIGUOUS' }) code: string;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}
