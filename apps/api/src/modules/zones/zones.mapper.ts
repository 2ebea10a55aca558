import { closeRing } from '@factoryspace/domain';
import type { OccupancyStatus, ParkKind, UnitClass } from '@factoryspace/domain';
import { parseNumeric, parsePoint, parsePolygon, parseTimestamp } from '../shared/columns';
import type { ZoneFields, ZoneResponseDto } from './dto/zone.dto';
import type { ParkFeatureDto, UnitFeatureDto, ZoneMapResponseDto } from './dto/zone-map.dto';

/** A zone as selected by ZonesRepository (raw row; `center` as node-pg returns a point). */
export interface ZoneRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  platformCompany: string;
  platformCompanyEn: string | null;
  province: string | null;
  city: string | null;
  center: unknown;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export function mapZone(row: ZoneRow): ZoneResponseDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    platformCompany: row.platformCompany,
    platformCompanyEn: row.platformCompanyEn,
    province: row.province,
    city: row.city,
    center: parsePoint(row.center),
    version: row.version,
    createdAt: parseTimestamp(row.createdAt),
    updatedAt: parseTimestamp(row.updatedAt),
  };
}

/** The editable fields of a zone in API representation (for diffs). */
export function zoneFields(zone: ZoneResponseDto): ZoneFields {
  const { code, name, nameEn, platformCompany, platformCompanyEn, province, city, center } = zone;
  return { code, name, nameEn, platformCompany, platformCompanyEn, province, city, center };
}

export interface ParkMapRow {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  kind: ParkKind;
  boundary: unknown;
}

export interface UnitMapRow {
  id: string;
  code: string;
  name: string;
  unitClass: UnitClass;
  occupancyStatus: OccupancyStatus;
  grossArea: string | number;
  parkId: string;
  location: unknown;
}

export function mapZoneMap(parks: ParkMapRow[], units: UnitMapRow[]): ZoneMapResponseDto {
  const parkFeatures: ParkFeatureDto[] = [];
  for (const park of parks) {
    const ring = parsePolygon(park.boundary);
    if (!ring) continue;
    parkFeatures.push({
      type: 'Feature',
      id: park.id,
      geometry: { type: 'Polygon', coordinates: [closeRing(ring)] },
      properties: {
        id: park.id,
        code: park.code,
        name: park.name,
        nameEn: park.nameEn,
        kind: park.kind,
      },
    });
  }
  const unitFeatures: UnitFeatureDto[] = units.map((unit) => {
    const point = parsePoint(unit.location)!;
    return {
      type: 'Feature',
      id: unit.id,
      geometry: { type: 'Point', coordinates: [point.longitude, point.latitude] },
      properties: {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        unitClass: unit.unitClass,
        occupancyStatus: unit.occupancyStatus,
        grossArea: parseNumeric(unit.grossArea)!,
        parkId: unit.parkId,
      },
    };
  });
  return {
    parks: { type: 'FeatureCollection', features: parkFeatures },
    units: { type: 'FeatureCollection', features: unitFeatures },
  };
}
