/**
 * Conversions between PostgreSQL values and API values, shared by entities (as TypeORM column
 * transformers) and by the raw-row mappers of the hot read paths.
 *
 * node-postgres returns `point` parsed as `{ x, y }` but `polygon` as its text form
 * `((x1,y1),(x2,y2),…)`; `numeric` as a string; `date` as a JS Date at local midnight unless the
 * query formats it. x is the longitude and y the latitude (WGS-84).
 */
import type { LatLng, LngLat } from '@factoryspace/domain';
import { openRing } from '@factoryspace/domain';
import type { ValueTransformer } from 'typeorm';

const NUMBER = String.raw`\s*(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*`;
const POINT_TEXT = new RegExp(String.raw`^\(${NUMBER},${NUMBER}\)$`);
const POINT_IN_POLYGON = new RegExp(String.raw`\(${NUMBER},${NUMBER}\)`, 'g');

/** A pg `point` (object from node-pg, or its text form) as latitude/longitude. */
export function parsePoint(value: unknown): LatLng | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && 'x' in value && 'y' in value) {
    const { x, y } = value as { x: unknown; y: unknown };
    return { longitude: Number(x), latitude: Number(y) };
  }
  if (typeof value === 'string') {
    const match = POINT_TEXT.exec(value.trim());
    if (match) return { longitude: Number(match[1]), latitude: Number(match[2]) };
  }
  throw new Error(`Unexpected point value ${JSON.stringify(value)}`);
}

export function formatPoint(value: LatLng | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return `(${value.longitude},${value.latitude})`;
}

/** A pg `polygon` (text `((x,y),…)`, or an array of `{x,y}`) as an open ring of [lng, lat]. */
export function parsePolygon(value: unknown): LngLat[] | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    return value.map((p: { x: unknown; y: unknown }) => [Number(p.x), Number(p.y)] as LngLat);
  }
  if (typeof value === 'string') {
    const ring: LngLat[] = [];
    for (const match of value.matchAll(POINT_IN_POLYGON))
      ring.push([Number(match[1]), Number(match[2])]);
    if (ring.length > 0) return ring;
  }
  throw new Error(`Unexpected polygon value ${JSON.stringify(value)}`);
}

/** An [lng, lat] ring (GeoJSON-closed or open) as pg polygon text; stored open. */
export function formatPolygon(ring: LngLat[] | null | undefined): string | null {
  if (ring === null || ring === undefined) return null;
  return `(${openRing(ring)
    .map(([lng, lat]) => `(${lng},${lat})`)
    .join(',')})`;
}

/** `numeric` arrives as a string; the API speaks numbers. */
export function parseNumeric(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new Error(`Unexpected numeric value ${JSON.stringify(value)}`);
  return n;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A pg `date` as YYYY-MM-DD whether it arrives as text or as node-pg's local-midnight Date. */
export function parseDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return `${pad(value.getFullYear(), 4)}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (typeof value === 'string') return value.slice(0, 10);
  throw new Error(`Unexpected date value ${JSON.stringify(value)}`);
}

/** A timestamptz as an ISO-8601 UTC string. */
export function parseTimestamp(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return new Date(value).toISOString();
  throw new Error(`Unexpected timestamp value ${JSON.stringify(value)}`);
}

export const pointTransformer: ValueTransformer = {
  to: (value: LatLng | null | undefined) => (value === undefined ? undefined : formatPoint(value)),
  from: (value: unknown) => parsePoint(value),
};

export const polygonTransformer: ValueTransformer = {
  to: (value: LngLat[] | null | undefined) =>
    value === undefined ? undefined : formatPolygon(value),
  from: (value: unknown) => parsePolygon(value),
};

export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: unknown) => parseNumeric(value),
};

export const dateTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: unknown) => parseDate(value),
};
