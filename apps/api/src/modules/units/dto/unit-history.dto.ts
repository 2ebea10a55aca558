import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto, PageTotalDto } from '../../../common/pagination';
import { HISTORY_ACTIONS, HISTORY_SOURCES } from '../entities/unit-history.entity';
import type { HistoryAction, HistorySource } from '../entities/unit-history.entity';

export class FieldChangeDto {
  @ApiProperty({ example: 'floorLoadKnM2', description: 'camelCase API field name' })
  field: string;

  @ApiProperty({
    nullable: true,
    description: 'Value before, in API representation (null on create)',
    example: 30,
  })
  before: unknown;

  @ApiProperty({ nullable: true, description: 'Value after, in API representation', example: 35 })
  after: unknown;
}

export class UnitHistoryEntryDto {
  @ApiProperty({ example: '123', description: 'bigint as a string' }) id: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ description: 'The unit version this entry produced' }) version: number;
  @ApiProperty({ enum: HISTORY_ACTIONS }) action: HistoryAction;
  @ApiProperty({ enum: HISTORY_SOURCES }) source: HistorySource;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** History is always newest first; only limit and cursor apply. */
export class ListUnitHistoryQueryDto extends PageQueryDto {}

export class UnitHistoryPageResponseDto {
  @ApiProperty({ type: [UnitHistoryEntryDto] }) items: UnitHistoryEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: PageTotalDto }) total: PageTotalDto;
}
