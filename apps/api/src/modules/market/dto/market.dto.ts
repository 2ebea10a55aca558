import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PublicUnitCardDto } from '../../search/dto/search.dto';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class FavouriteDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
  @ApiProperty({
    type: PublicUnitCardDto,
    nullable: true,
    description: 'null: the unit is no longer on the market',
  })
  unit: PublicUnitCardDto | null;
}

export class FavouriteListResponseDto {
  @ApiProperty({ type: [FavouriteDto], description: 'Newest first' }) items: FavouriteDto[];
}

export class CreateSavedSearchDto {
  @ApiProperty({ minLength: 1, maxLength: 60 })
  @IsDefined()
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiProperty({
    maxLength: 2000,
    description:
      'The search as a URL query string with the search endpoint parameters, e.g. q=食品&minArea=1000&utility=gas',
    example: 'q=食品&minArea=1000&utility=gas',
  })
  @IsDefined()
  @IsString()
  @MaxLength(2000)
  query: string;

  @ApiProperty({ description: 'Email me when a new unit matches' })
  @IsDefined()
  @IsBoolean()
  alertsEnabled: boolean;
}

export class UpdateSavedSearchDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 60 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  alertsEnabled?: boolean;
}

export class SavedSearchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'URL query string of the search' }) query: string;
  @ApiProperty() alertsEnabled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAlertedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SavedSearchListResponseDto {
  @ApiProperty({ type: [SavedSearchDto] }) items: SavedSearchDto[];
}
