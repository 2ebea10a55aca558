import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto, PageTotalDto } from '../../../common/pagination';
import type { OutboxStatus } from '../entities/outbox-message.entity';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'sent'];

/** The outbox is always newest first; filter by status, page with limit and cursor. */
export class ListOutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;
}

export class OutboxMessageResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'verify_email', description: 'What the mail is for' }) kind: string;
  @ApiProperty({ example: 'someone@example.com' }) toAddress: string;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Plain-text body (links stay visible)' }) bodyText: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status: OutboxStatus;
  @ApiProperty({ description: 'Delivery attempts made so far (the successful one included)' })
  attempts: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the last attempt failed (null once sent or before any failure)',
  })
  lastError: string | null;
  @ApiProperty({ format: 'date-time', description: 'When a pending message is tried next' })
  nextAttemptAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Zone whose administrators may read it (null: super administrator only)',
  })
  zoneId: string | null;
}

export class OutboxPageResponseDto {
  @ApiProperty({ type: [OutboxMessageResponseDto] }) items: OutboxMessageResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
  @ApiProperty({
    description:
      'Whether SMTP is configured: true, pending mail is being delivered; false, mail stays here',
  })
  smtpConfigured: boolean;
}
