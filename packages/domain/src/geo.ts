/** WGS-84 positions. GeoJSON order: [longitude, latitude]. */
export type LngLat = [number, number];

export interface LatLng {
  latitude: number;
  longitude: number;
}

export const LATITUDE_RANGE = { min: -90, max: 90 } as const;
export const LONGITUDE_RANGE = { min: -180, max: 180 } as const;

export function isValidLatitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -90 && value <= 90;
}

export function isValidLongitude(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= -180 && value <= 180;
}

/** Max vertices accepted in one boundary or footprint ring. */
export const MAX_RING_POINTS = 2000;

/**
 * A ring is valid when it has at least 3 distinct in-range points. A closing point equal to the
 * first is allowed and ignored (GeoJSON closes rings, PostgreSQL polygons do not).
 */
export function isValidRing(ring: unknown): ring is LngLat[] {
  if (!Array.isArray(ring) || ring.length > MAX_RING_POINTS + 1) return false;
  for (const point of ring) {
    if (!Array.isArray(point) || point.length !== 2) return false;
    if (!isValidLongitude(point[0]) || !isValidLatitude(point[1])) return false;
  }
  return openRing(ring as LngLat[]).length >= 3;
}

/** The ring without a repeated closing point. */
export function openRing(ring: LngLat[]): LngLat[] {
  if (ring.length > 1) {
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) return ring.slice(0, -1);
  }
  return ring;
}

/** The ring closed for GeoJSON (first point repeated at the end). */
export function closeRing(ring: LngLat[]): LngLat[] {
  const open = openRing(ring);
  return open.length ? [...open, open[0]!] : open;
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A position as Leaflet and the map code spell it: WGS-84 unless a function says otherwise. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** Mean Earth radius in kilometres (IUGG), the same radius `distanceMetres` uses. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres between two `{ lat, lng }` points (haversine). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
