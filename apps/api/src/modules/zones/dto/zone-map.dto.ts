import { ApiProperty } from '@nestjs/swagger';
import { OCCUPANCY_STATUSES, PARK_KINDS, UNIT_CLASSES } from '@factoryspace/domain';
import type { OccupancyStatus, ParkKind, UnitClass } from '@factoryspace/domain';

export class PolygonGeometryDto {
  @ApiProperty({ enum: ['Polygon'] }) type: 'Polygon';
  @ApiProperty({
    description: 'One closed ring of [longitude, latitude] (WGS-84)',
    type: 'array',
    items: {
      type: 'array',
      items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    },
  })
  coordinates: [number, number][][];
}

export class PointGeometryDto {
  @ApiProperty({ enum: ['Point'] }) type: 'Point';
  @ApiProperty({
    type: [Number],
    description: '[longitude, latitude] (WGS-84)',
    minItems: 2,
    maxItems: 2,
  })
  coordinates: [number, number];
}

export class ParkMapPropertiesDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) nameEn: string | null;
  @ApiProperty({ enum: PARK_KINDS }) kind: ParkKind;
}

export class UnitMapPropertiesDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_CLASSES }) unitClass: UnitClass;
  @ApiProperty({ enum: OCCUPANCY_STATUSES }) occupancyStatus: OccupancyStatus;
  @ApiProperty() grossArea: number;
  @ApiProperty({ format: 'uuid' }) parkId: string;
}

export class ParkFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PolygonGeometryDto }) geometry: PolygonGeometryDto;
  @ApiProperty({ type: ParkMapPropertiesDto }) properties: ParkMapPropertiesDto;
}

export class UnitFeatureDto {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PointGeometryDto }) geometry: PointGeometryDto;
  @ApiProperty({ type: UnitMapPropertiesDto }) properties: UnitMapPropertiesDto;
}

export class ParkFeatureCollectionDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [ParkFeatureDto] }) features: ParkFeatureDto[];
}

export class UnitFeatureCollectionDto {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [UnitFeatureDto] }) features: UnitFeatureDto[];
}

export class ZoneMapResponseDto {
  @ApiProperty({
    type: ParkFeatureCollectionDto,
    description: 'Park boundaries (parks without one are left out)',
  })
  parks: ParkFeatureCollectionDto;

  @ApiProperty({
    type: UnitFeatureCollectionDto,
    description: 'Every (not deleted) unit of the zone',
  })
  units: UnitFeatureCollectionDto;
}
