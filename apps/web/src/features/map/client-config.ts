/**
 * Runtime map settings from the API (`GET /api/v1/client-config`): one web build serves every
 * deployment, and the tile hosts the map uses are the ones the API's Content-Security-Policy
 * allows. Loaded once; a failure means "no tiles" (the map still draws its own layers and makes
 * no tile requests).
 */
import type { Schemas } from '@factoryspace/api-client';
import { api, unwrap } from '@/api/http';

export type MapBaseLayer = Schemas['ClientConfigResponseDto']['mapBaseLayer'];
/** The datum the tiles are drawn in. Positions from the API are always WGS-84. */
export type CoordinateSystem = Schemas['ClientConfigResponseDto']['coordinateSystem'];

export interface TileLayerSettings {
  /** Leaflet URL template ({z}/{x}/{y}, {s} when `subdomains` is not empty). */
  url: string;
  subdomains: string[];
}

export interface MapSettings {
  baseLayer: MapBaseLayer;
  coordinateSystem: CoordinateSystem;
  /** Bottom first (Tianditu: map, then annotation). Empty: no tile requests at all. */
  tileLayers: TileLayerSettings[];
  /** Plain text. */
  attribution: string | null;
  attributionUrl: string | null;
  maxZoom: number;
}

/** No base map: what the app uses when the API says `none` or cannot be asked. */
export const NO_TILES: MapSettings = Object.freeze({
  baseLayer: 'none',
  coordinateSystem: 'wgs84',
  tileLayers: [],
  attribution: null,
  attributionUrl: null,
  maxZoom: 19,
}) as MapSettings;

export function toMapSettings(config: Schemas['ClientConfigResponseDto']): MapSettings {
  return {
    baseLayer: config.mapBaseLayer,
    coordinateSystem: config.coordinateSystem === 'gcj02' ? 'gcj02' : 'wgs84',
    tileLayers: (config.mapTileLayers ?? []).map((layer) => ({
      url: layer.url,
      subdomains: [...(layer.subdomains ?? [])],
    })),
    attribution: config.mapTileAttribution ?? null,
    attributionUrl: config.mapAttributionUrl ?? null,
    maxZoom: config.mapMaxZoom ?? NO_TILES.maxZoom,
  };
}

let pending: Promise<MapSettings> | null = null;

export function loadMapSettings(): Promise<MapSettings> {
  pending ??= unwrap<Schemas['ClientConfigResponseDto']>(api.GET('/api/v1/client-config'))
    .then(toMapSettings)
    .catch(() => NO_TILES);
  return pending;
}

/** For tests. */
export function resetMapSettings(): void {
  pending = null;
}
