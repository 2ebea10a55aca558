/**
 * WGS-84 ↔ GCJ-02 (the "Mars" datum that Chinese web maps such as Gaode/AMap are drawn in).
 *
 * Positions are stored in WGS-84 everywhere; a map whose tiles are in GCJ-02 converts positions
 * with `wgs84ToGcj02` before drawing them and converts what it reads back (clicks, bounds) with
 * `gcj02ToWgs84`. The forward transform is the published reverse-engineered one (Krasovsky 1940
 * ellipsoid, a = 6378245.0, ee = 0.00669342162296594323) used by googollee/eviltransform and
 * wandergis/coordtransform; it is exact to the tiles within a metre or two. The inverse has no
 * closed form, so it is solved by fixed-point iteration to better than 1e-9 degrees.
 *
 * Outside mainland China's bounding box GCJ-02 equals WGS-84 and both functions return the input.
 */
import type { GeoPoint } from './geo';

/** Semi-major axis of the Krasovsky 1940 ellipsoid the GCJ-02 offset formula uses (metres). */
const A = 6378245.0;
/** Its first eccentricity squared: the published 0.00669342162296594323, as a double. */
const EE = 0.006693421622965943;

/**
 * True outside the rectangle in which GCJ-02 applies (eviltransform's box: longitude
 * 72.004–137.8347, latitude 0.8293–55.8271). The rectangle is coarse: it also covers parts of
 * neighbouring countries, exactly as the tile providers' own conversion does.
 */
export function isOutsideChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret +=
    ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return ret;
}

function transformLng(x: number, y: number): number {
  let ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  ret += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  ret += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  ret +=
    ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return ret;
}

/** The GCJ-02 offset (degrees) at a WGS-84 position inside China. */
function offset(lat: number, lng: number): GeoPoint {
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  const dLat = transformLat(lng - 105.0, lat - 35.0);
  const dLng = transformLng(lng - 105.0, lat - 35.0);
  return {
    lat: (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI),
    lng: (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI),
  };
}

/** WGS-84 → GCJ-02. Unchanged outside China (and for non-finite input). */
export function wgs84ToGcj02(point: GeoPoint): GeoPoint {
  const { lat, lng } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || isOutsideChina(lat, lng)) {
    return { lat, lng };
  }
  const d = offset(lat, lng);
  return { lat: lat + d.lat, lng: lng + d.lng };
}

/** Iteration stops when a step is below this many degrees (≈ 0.1 mm). */
const INVERSE_TOLERANCE = 1e-9;
const INVERSE_MAX_STEPS = 30;

/**
 * GCJ-02 → WGS-84: the WGS-84 point `w` with `wgs84ToGcj02(w) ≈ point`, to better than 1e-6
 * degrees (typically 1e-9 after three or four steps). Unchanged outside China.
 */
export function gcj02ToWgs84(point: GeoPoint): GeoPoint {
  const { lat, lng } = point;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || isOutsideChina(lat, lng)) {
    return { lat, lng };
  }
  // First guess: subtract the offset measured at the GCJ-02 point itself (≈ 1 m off).
  const d = offset(lat, lng);
  let wLat = lat - d.lat;
  let wLng = lng - d.lng;
  for (let step = 0; step < INVERSE_MAX_STEPS; step++) {
    const g = wgs84ToGcj02({ lat: wLat, lng: wLng });
    const eLat = lat - g.lat;
    const eLng = lng - g.lng;
    wLat += eLat;
    wLng += eLng;
    if (Math.abs(eLat) < INVERSE_TOLERANCE && Math.abs(eLng) < INVERSE_TOLERANCE) break;
  }
  return { lat: wLat, lng: wLng };
}
