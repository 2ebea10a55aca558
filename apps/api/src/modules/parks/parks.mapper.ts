import { closeRing } from '@factoryspace/domain';
import type { ParkKind } from '@factoryspace/domain';
import { parsePolygon, parseTimestamp } from '../shared/columns';
import type { GeoJsonPolygon, ParkFields, ParkResponseDto } from './dto/park.dto';

export interface ParkRow {
  id: string;
  zoneId: string;
  parentParkId: string | null;
  code: string;
  name: string;
  nameEn: string | null;
  kind: ParkKind;
  description: string | null;
  boundary: unknown;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export function toGeoJsonPolygon(value: unknown): GeoJsonPolygon | null {
  const ring = parsePolygon(value);
  return ring ? { type: 'Polygon', coordinates: [closeRing(ring)] } : null;
}

export function mapPark(row: ParkRow): ParkResponseDto {
  return {
    id: row.id,
    zoneId: row.zoneId,
    parentParkId: row.parentParkId,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    kind: row.kind,
    description: row.description,
    boundary: toGeoJsonPolygon(row.boundary),
    version: row.version,
    createdAt: parseTimestamp(row.createdAt),
    updatedAt: parseTimestamp(row.updatedAt),
  };
}

export function parkFields(park: ParkResponseDto): ParkFields {
  const { code, name, nameEn, kind, parentParkId, description, boundary } = park;
  return { code, name, nameEn, kind, parentParkId, description, boundary };
}

/** A boundary as given (possibly open or closed) in the form it is stored and returned. */
export function normalizeBoundary(boundary: GeoJsonPolygon | null): GeoJsonPolygon | null {
  return boundary ? { type: 'Polygon', coordinates: [closeRing(boundary.coordinates[0])] } : null;
}
