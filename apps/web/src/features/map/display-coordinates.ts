/**
 * Positions are WGS-84 everywhere (API, database, stores). A map whose tiles are in GCJ-02
 * (Gaode) draws every position through `wgs84ToGcj02` and reads every position back (clicks,
 * bounds) through `gcj02ToWgs84`; for WGS-84 tiles both directions are the identity.
 */
import { gcj02ToWgs84, wgs84ToGcj02, type GeoPoint } from '@factoryspace/domain';
import type { CoordinateSystem } from './client-config';

export interface DisplayTransform {
  /** WGS-84 → the map's display datum. */
  toDisplay(lat: number, lng: number): GeoPoint;
  /** The map's display datum → WGS-84. */
  fromDisplay(lat: number, lng: number): GeoPoint;
}

const identity: DisplayTransform = {
  toDisplay: (lat, lng) => ({ lat, lng }),
  fromDisplay: (lat, lng) => ({ lat, lng }),
};

const gcj02: DisplayTransform = {
  toDisplay: (lat, lng) => wgs84ToGcj02({ lat, lng }),
  fromDisplay: (lat, lng) => gcj02ToWgs84({ lat, lng }),
};

export function displayTransform(system: CoordinateSystem): DisplayTransform {
  return system === 'gcj02' ? gcj02 : identity;
}

export interface Viewport {
  west: number;
  south: number;
  east: number;
  north: number;
  zoom: number;
}

export const VIEWPORT_MAX_LATITUDE = 85;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/**
 * The visible area in WGS-84 from the map's bounds in display coordinates, clamped to
 * longitude [-180, 180] and latitude [-85, 85]. Leaflet's longitudes keep growing when the
 * world is panned round, so the view is first shifted back to a centre within ±180°; a view
 * wider than the world or across the antimeridian becomes the whole longitude range (a
 * superset, so a search by this box never misses anything visible).
 */
export function viewportFromDisplayBounds(
  bounds: { west: number; south: number; east: number; north: number },
  zoom: number,
  transform: DisplayTransform,
): Viewport {
  let { west, east } = bounds;
  const south = Math.min(bounds.south, bounds.north);
  const north = Math.max(bounds.south, bounds.north);
  let wholeWorld = !(east - west < 360);
  if (!wholeWorld) {
    const shift = Math.round((west + east) / 2 / 360) * 360;
    west -= shift;
    east -= shift;
    wholeWorld = west < -180 || east > 180;
  }
  const lats: number[] = [];
  const lngs: number[] = [];
  const cornerLngs = wholeWorld ? [-180, 180] : [west, east];
  for (const lat of [south, north]) {
    for (const lng of cornerLngs) {
      const p = transform.fromDisplay(clamp(lat, -90, 90), lng);
      lats.push(p.lat);
      lngs.push(p.lng);
    }
  }
  return {
    west: wholeWorld ? -180 : clamp(Math.min(...lngs), -180, 180),
    south: clamp(Math.min(...lats), -VIEWPORT_MAX_LATITUDE, VIEWPORT_MAX_LATITUDE),
    east: wholeWorld ? 180 : clamp(Math.max(...lngs), -180, 180),
    north: clamp(Math.max(...lats), -VIEWPORT_MAX_LATITUDE, VIEWPORT_MAX_LATITUDE),
    zoom,
  };
}

/** Text safe to hand to Leaflet's attribution control (which takes HTML). */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** The attribution as Leaflet HTML: escaped text, linked when the URL is http(s). */
export function attributionHtml(text: string | null, url: string | null): string {
  if (!text) return '';
  const escaped = escapeHtml(text);
  if (!url || !/^https?:\/\//i.test(url)) return escaped;
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escaped}</a>`;
}
