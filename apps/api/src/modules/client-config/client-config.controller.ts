import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/access/policy';
import {
  COORDINATE_SYSTEMS,
  InjectConfig,
  MAP_BASE_LAYERS,
  type AppConfig,
  type CoordinateSystem,
  type MapBaseLayer,
  type MapConfig,
} from '../../config';

export class MapTileLayerResponseDto {
  @ApiProperty({
    description: 'Leaflet URL template with {z}, {x}, {y}, and {s} when `subdomains` is not empty',
    example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  })
  url: string;

  @ApiProperty({ type: [String], description: 'Values for {s}; empty when the URL has no {s}' })
  subdomains: string[];
}

export class ClientConfigResponseDto {
  @ApiProperty({ enum: MAP_BASE_LAYERS, description: 'The base map chosen by MAP_BASE_LAYER' })
  mapBaseLayer: MapBaseLayer;

  @ApiProperty({
    enum: COORDINATE_SYSTEMS,
    description:
      'Datum of the tiles. Positions from the API are WGS-84; for gcj02 the map converts them for display and converts clicks and bounds back',
  })
  coordinateSystem: CoordinateSystem;

  @ApiProperty({
    type: [MapTileLayerResponseDto],
    description:
      'Tile layers, bottom first (Tianditu: map, then annotation). Empty: draw maps without tiles and request none',
  })
  mapTileLayers: MapTileLayerResponseDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Attribution as plain text (not HTML)',
  })
  mapTileAttribution: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "Where the attribution links to (the provider's copyright page)",
  })
  mapAttributionUrl: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Highest zoom the tiles exist for' })
  mapMaxZoom: number;

  @ApiProperty({
    type: String,
    nullable: true,
    deprecated: true,
    description: 'The first tile layer URL (use mapTileLayers)',
  })
  mapTileUrl: string | null;
}

export function mapClientConfig(map: MapConfig): ClientConfigResponseDto {
  return {
    mapBaseLayer: map.baseLayer,
    coordinateSystem: map.coordinateSystem,
    mapTileLayers: map.tileLayers.map((layer) => ({
      url: layer.url,
      subdomains: [...layer.subdomains],
    })),
    mapTileAttribution: map.attribution,
    mapAttributionUrl: map.attributionUrl,
    mapMaxZoom: map.maxZoom,
    mapTileUrl: map.tileLayers[0]?.url ?? null,
  };
}

/**
 * Runtime settings the web app needs (one build serves every deployment). The tile hosts here
 * are the ones the Content-Security-Policy allows.
 */
@ApiTags('config')
@Controller('client-config')
export class ClientConfigController {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Settings for the web app (map base layer and tiles)' })
  @ApiOkResponse({ type: ClientConfigResponseDto })
  getClientConfig(): ClientConfigResponseDto {
    return mapClientConfig(this.config.web.map);
  }
}

@Module({ controllers: [ClientConfigController] })
export class ClientConfigModule {}
