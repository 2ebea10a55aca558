import { parsePoint, parseTimestamp } from '../shared/columns';
import type { BuildingFields, BuildingResponseDto } from './dto/building.dto';

export interface BuildingRow {
  id: string;
  zoneId: string;
  parkId: string;
  parkName: string;
  code: string;
  name: string;
  floors: number;
  address: string | null;
  location: unknown;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

export function mapBuilding(row: BuildingRow): BuildingResponseDto {
  return {
    id: row.id,
    zoneId: row.zoneId,
    parkId: row.parkId,
    parkName: row.parkName,
    code: row.code,
    name: row.name,
    floors: row.floors,
    address: row.address,
    location: parsePoint(row.location),
    version: row.version,
    createdAt: parseTimestamp(row.createdAt),
    updatedAt: parseTimestamp(row.updatedAt),
  };
}

export function buildingFields(building: BuildingResponseDto): BuildingFields {
  const { parkId, code, name, floors, address, location } = building;
  return { parkId, code, name, floors, address, location };
}
