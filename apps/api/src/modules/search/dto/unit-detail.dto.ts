import { ApiProperty } from '@nestjs/swagger';
import { PublicUnitResponseDto } from '../../units/dto/public-unit.dto';
import { PublicUnitCardDto } from './search.dto';

export class PublicParkSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
}

export class UnitPhotoDto {
  @ApiProperty() url: string;
  @ApiProperty({ type: String, nullable: true }) caption: string | null;
}

/** The unit page: the public dossier, its park and zone, and similar units on the market. */
export class PublicUnitDetailDto extends PublicUnitResponseDto {
  @ApiProperty() zoneName: string;
  @ApiProperty({ type: String, nullable: true }) zoneNameEn: string | null;
  @ApiProperty({ description: 'The zone platform company that lets the unit' })
  platformCompany: string;
  @ApiProperty({ type: PublicParkSummaryDto }) park: PublicParkSummaryDto;
  @ApiProperty({ format: 'date-time', description: 'When the unit came onto the market' })
  publishedAt: string;
  @ApiProperty({
    type: [UnitPhotoDto],
    description: 'Photos (empty until unit media are supported)',
  })
  photos: UnitPhotoDto[];
  @ApiProperty({ type: [PublicUnitCardDto], description: 'Up to 4 similar units in the zone' })
  similar: PublicUnitCardDto[];
}
