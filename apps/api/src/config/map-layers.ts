/**
 * Base-map tile layers chosen by MAP_BASE_LAYER. The web app gets the result through
 * `GET /api/v1/client-config`, and the Content-Security-Policy allows exactly the hosts of these
 * layers (`mapTileOrigins`), so tiles from anywhere else never load.
 */

export const MAP_BASE_LAYERS = ['osm', 'tianditu', 'gaode', 'custom', 'none'] as const;
export type MapBaseLayer = (typeof MAP_BASE_LAYERS)[number];

export const COORDINATE_SYSTEMS = ['wgs84', 'gcj02'] as const;
/** The datum the tiles are drawn in; positions are always stored in WGS-84. */
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

export interface MapTileLayer {
  /** Leaflet URL template: {z}/{x}/{y}, and {s} when `subdomains` is not empty. */
  url: string;
  /** Values Leaflet puts in {s}; empty when the template has no {s}. */
  subdomains: string[];
}

export interface MapConfig {
  baseLayer: MapBaseLayer;
  coordinateSystem: CoordinateSystem;
  /** Bottom first (Tianditu: the map, then its annotation layer). Empty for `none`. */
  tileLayers: MapTileLayer[];
  /** Plain text, shown in the map corner. */
  attribution: string | null;
  /** Where the attribution links to (the provider's copyright or home page). */
  attributionUrl: string | null;
  maxZoom: number;
}

export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const GAODE_TILE_URL =
  'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}';

/** Tianditu WMTS in Web Mercator (`_w`): `vec` is the map, `cva` its Chinese annotation. */
export function tiandituTileUrl(layer: 'vec' | 'cva', key: string): string {
  return (
    `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
    `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
    `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
  );
}

const TIANDITU_SUBDOMAINS = ['0', '1', '2', '3', '4', '5', '6', '7'];
/** Leaflet's own default for {s}. */
const LEAFLET_SUBDOMAINS = ['a', 'b', 'c'];

export interface MapVariables {
  MAP_BASE_LAYER?: MapBaseLayer;
  MAP_TILE_URL?: string;
  MAP_TILE_ATTRIBUTION?: string;
  TIANDITU_KEY?: string;
}

/**
 * The map settings for validated variables, or the problems that make them unusable together.
 * MAP_TILE_URL without MAP_BASE_LAYER means `custom` (the setting before MAP_BASE_LAYER existed).
 */
export function resolveMapConfig(
  vars: MapVariables,
): { map: MapConfig; problems: [] } | { map: null; problems: string[] } {
  const baseLayer: MapBaseLayer = vars.MAP_BASE_LAYER ?? (vars.MAP_TILE_URL ? 'custom' : 'osm');
  const problems: string[] = [];
  if (baseLayer === 'tianditu' && !vars.TIANDITU_KEY) {
    problems.push(
      'TIANDITU_KEY: MAP_BASE_LAYER=tianditu needs a Tianditu key (apply at https://console.tianditu.gov.cn/)',
    );
  }
  if (baseLayer === 'custom' && !vars.MAP_TILE_URL) {
    problems.push('MAP_TILE_URL: MAP_BASE_LAYER=custom needs a tile URL template');
  }
  if (baseLayer !== 'custom') {
    for (const name of ['MAP_TILE_URL', 'MAP_TILE_ATTRIBUTION'] as const) {
      if (vars[name]) {
        problems.push(
          `${name}: only used with MAP_BASE_LAYER=custom (MAP_BASE_LAYER is ${baseLayer}); unset it or set MAP_BASE_LAYER=custom`,
        );
      }
    }
  }
  if (problems.length > 0) return { map: null, problems };

  const base = { baseLayer, coordinateSystem: 'wgs84' as CoordinateSystem };
  switch (baseLayer) {
    case 'osm':
      return {
        map: {
          ...base,
          tileLayers: [{ url: OSM_TILE_URL, subdomains: [] }],
          attribution: '© OpenStreetMap contributors',
          attributionUrl: 'https://www.openstreetmap.org/copyright',
          maxZoom: 19,
        },
        problems: [],
      };
    case 'tianditu':
      return {
        map: {
          ...base,
          tileLayers: [
            { url: tiandituTileUrl('vec', vars.TIANDITU_KEY!), subdomains: TIANDITU_SUBDOMAINS },
            { url: tiandituTileUrl('cva', vars.TIANDITU_KEY!), subdomains: TIANDITU_SUBDOMAINS },
          ],
          attribution: '© 天地图 Tianditu',
          attributionUrl: 'https://www.tianditu.gov.cn/',
          maxZoom: 18,
        },
        problems: [],
      };
    case 'gaode':
      return {
        map: {
          ...base,
          coordinateSystem: 'gcj02',
          tileLayers: [{ url: GAODE_TILE_URL, subdomains: ['1', '2', '3', '4'] }],
          attribution: '© 高德地图 AutoNavi',
          attributionUrl: 'https://www.amap.com/',
          maxZoom: 18,
        },
        problems: [],
      };
    case 'custom': {
      const url = vars.MAP_TILE_URL!;
      return {
        map: {
          ...base,
          tileLayers: [{ url, subdomains: url.includes('{s}') ? LEAFLET_SUBDOMAINS : [] }],
          attribution: vars.MAP_TILE_ATTRIBUTION ?? null,
          attributionUrl: null,
          maxZoom: 19,
        },
        problems: [],
      };
    }
    case 'none':
      return {
        map: {
          ...base,
          tileLayers: [],
          attribution: null,
          attributionUrl: null,
          maxZoom: 19,
        },
        problems: [],
      };
  }
}

/**
 * The origins (scheme://host[:port]) tiles load from, each subdomain spelled out:
 * `https://t{s}.tianditu.gov.cn/…` with 0–7 → `https://t0.tianditu.gov.cn` … `https://t7…`.
 */
export function mapTileOrigins(map: MapConfig): string[] {
  const origins = new Set<string>();
  for (const layer of map.tileLayers) {
    const values = layer.subdomains.length > 0 ? layer.subdomains : [''];
    for (const s of values) {
      const match = /^(https?:\/\/[^/?#]+)/.exec(layer.url.replace(/\{s\}/g, s));
      if (match) origins.add(match[1].toLowerCase());
    }
  }
  return [...origins];
}
