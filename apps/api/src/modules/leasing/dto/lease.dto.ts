import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LEASE_STATUSES, type LeaseStatus } from '@factoryspace/domain';
import { IsIsoDate } from '../../../common/validation/decorators';
import { QuoteLineDto } from '../../pricing/dto/quote.dto';
import { REASON_MAX } from './application.dto';

export class SignLeaseDto {
  @ApiProperty({
    format: 'date',
    description: 'The day the contract was signed (not in the future)',
  })
  @IsDefined()
  @IsIsoDate()
  signedOn: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500, description: 'Contract file reference' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  contractFile?: string;
}

export class MoveInLeaseDto {
  @ApiProperty({ format: 'date', description: 'Not in the future' })
  @IsDefined()
  @IsIsoDate()
  movedInOn: string;
}

export class ExpireLeaseDto {
  @ApiProperty({
    format: 'date',
    description:
      'First day the unit is free again; the lease period is cut here (not in the future)',
  })
  @IsDefined()
  @IsIsoDate()
  movedOutOn: string;
}

export class TerminateLeaseDto extends ExpireLeaseDto {
  @ApiProperty({ minLength: 1, maxLength: REASON_MAX })
  @IsDefined()
  @IsString()
  @MinLength(1)
  @MaxLength(REASON_MAX)
  reason: string;
}

export class LeaseResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) zoneId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ format: 'uuid' }) firmId: string;
  @ApiProperty() firmName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) applicationId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) quoteId: string | null;
  @ApiProperty({ format: 'uuid', description: 'The rent policy version the schedule is locked to' })
  policyVersionId: string;
  @ApiProperty({ enum: LEASE_STATUSES }) status: LeaseStatus;
  @ApiProperty({ format: 'date' }) periodStart: string;
  @ApiProperty({ format: 'date', description: 'End of the period (exclusive)' }) periodEnd: string;
  @ApiProperty() termMonths: number;
  @ApiProperty({ type: [QuoteLineDto] }) monthlyRentSchedule: QuoteLineDto[];
  @ApiProperty({ description: 'fen' }) totalDueFen: number;
  @ApiProperty({ description: 'fen' }) depositFen: number;
  @ApiProperty({ type: String, format: 'date', nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) contractFile: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) movedInOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) movedOutOn: string | null;
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class LeaseListResponseDto {
  @ApiProperty({ type: [LeaseResponseDto] }) items: LeaseResponseDto[];
}

export class LeasingEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() event: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['firm', 'staff', 'zone_admin', 'super_admin', 'system'],
  })
  actorRole: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
}

export class LeasingEventListResponseDto {
  @ApiProperty({ type: [LeasingEventDto] }) items: LeasingEventDto[];
}
