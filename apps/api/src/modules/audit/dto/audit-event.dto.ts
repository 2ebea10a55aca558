import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto, PageTotalDto } from '../../../common/pagination';
import { IsIsoDate } from '../../../common/validation/decorators';
import { AUDIT_EVENT_TYPES, type AuditEventType } from '../audit.service';
import type { AuditOutcome } from '../entities/audit-event.entity';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];

/** The audit log is always newest first; filters combine with AND. */
export class ListAuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES)
  type?: AuditEventType;

  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events of this user' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-01',
    description: 'Events on or after this day (00:00 China time, UTC+8)',
  })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-31',
    description:
      'Events on or before this day (the whole day, China time, UTC+8); a `to` before `from` matches nothing',
  })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class AuditEventResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES, example: 'login.success' }) type: string;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome: AuditOutcome;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The actor's e-mail, or the identifier given by someone not signed in",
  })
  actorLabel: string | null;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) zoneId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'user' }) targetType: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true }) targetLabel: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Event-specific facts' })
  details: Record<string, unknown>;
}

export class AuditEventPageResponseDto {
  @ApiProperty({ type: [AuditEventResponseDto] }) items: AuditEventResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
