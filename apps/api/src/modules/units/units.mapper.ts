import { idleDuration, todayInChina } from '@factoryspace/domain';
import type {
  AcceptanceStatus,
  EnvironmentalStatus,
  FireSafetyStatus,
  IdleReasonCategory,
  Industry,
  OccupancyStatus,
  StructureType,
  UnitClass,
} from '@factoryspace/domain';
import {
  parseDate,
  parseNumeric,
  parsePoint,
  parsePolygon,
  parseTimestamp,
} from '../shared/columns';
import type { FieldChange } from '../shared/diff';
import type { UnitResponseDto, UnitWritableFields } from './dto/unit.dto';
import { UNIT_TRACKED_FIELDS } from './dto/unit.dto';
import type { UnitHistoryEntryDto } from './dto/unit-history.dto';
import type { HistoryAction, HistorySource } from './entities/unit-history.entity';

/** A unit as UnitsRepository selects it: raw pg values (numeric as text, point as {x,y}, …). */
export interface UnitRow {
  id: string;
  zoneId: string;
  parkId: string;
  buildingId: string;
  parkName: string;
  buildingName: string;
  buildingFloors: number;
  code: string;
  name: string;
  address: string | null;
  location: unknown;
  footprint: unknown;
  grossArea: string | number;
  usableArea: string | number | null;
  floorFrom: number;
  floorTo: number;
  structureType: StructureType;
  floorHeightM: string | number;
  floorLoadKnM2: string | number;
  craneCapacityT: string | number | null;
  powerCapacityKva: number | null;
  hasWater: boolean;
  hasGas: boolean;
  hasHeating: boolean;
  hasSewage: boolean;
  hasFibre: boolean;
  utilitiesNote: string | null;
  fireSafetyStatus: FireSafetyStatus;
  environmentalStatus: EnvironmentalStatus;
  acceptanceStatus: AcceptanceStatus;
  completionYear: number | null;
  unitClass: UnitClass;
  classReason: string | null;
  occupancyStatus: OccupancyStatus;
  vacantSince: string | Date | null;
  idleReasonCategory: IdleReasonCategory | null;
  idleReasonText: string | null;
  listRentFen: number | null;
  suitableIndustries: Industry[] | string | null;
  description: string | null;
  contactName: string | null;
  contactPhone: string | null;
  isListed: boolean;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
}

/** text[] normally arrives parsed; parse the literal `{a,b}` if a driver setting left it as text. */
function parseTextArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') {
    const inner = value.replace(/^\{|\}$/g, '');
    return inner ? inner.split(',').map((item) => item.replace(/^"|"$/g, '')) : [];
  }
  return [];
}

export function mapUnit(row: UnitRow, today: string = todayInChina()): UnitResponseDto {
  const location = parsePoint(row.location)!;
  const vacantSince = parseDate(row.vacantSince);
  const idle = idleDuration(vacantSince, today);
  return {
    id: row.id,
    zoneId: row.zoneId,
    parkId: row.parkId,
    buildingId: row.buildingId,
    parkName: row.parkName,
    buildingName: row.buildingName,
    buildingFloors: row.buildingFloors,
    code: row.code,
    name: row.name,
    address: row.address,
    latitude: location.latitude,
    longitude: location.longitude,
    footprint: parsePolygon(row.footprint),
    grossArea: parseNumeric(row.grossArea)!,
    usableArea: parseNumeric(row.usableArea),
    floorFrom: row.floorFrom,
    floorTo: row.floorTo,
    structureType: row.structureType,
    floorHeightM: parseNumeric(row.floorHeightM)!,
    floorLoadKnM2: parseNumeric(row.floorLoadKnM2)!,
    craneCapacityT: parseNumeric(row.craneCapacityT),
    powerCapacityKva: row.powerCapacityKva,
    hasWater: row.hasWater,
    hasGas: row.hasGas,
    hasHeating: row.hasHeating,
    hasSewage: row.hasSewage,
    hasFibre: row.hasFibre,
    utilitiesNote: row.utilitiesNote,
    fireSafetyStatus: row.fireSafetyStatus,
    environmentalStatus: row.environmentalStatus,
    acceptanceStatus: row.acceptanceStatus,
    completionYear: row.completionYear,
    unitClass: row.unitClass,
    classReason: row.classReason,
    occupancyStatus: row.occupancyStatus,
    vacantSince,
    idleDays: idle?.days ?? null,
    idleMonths: idle?.months ?? null,
    idleReasonCategory: row.idleReasonCategory,
    idleReasonText: row.idleReasonText,
    listRentFen: row.listRentFen,
    suitableIndustries: parseTextArray(row.suitableIndustries) as Industry[],
    description: row.description,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    isListed: row.isListed,
    version: row.version,
    createdAt: parseTimestamp(row.createdAt),
    updatedAt: parseTimestamp(row.updatedAt),
  };
}

/** The tracked (client-writable) fields of a unit, in API representation. */
export function unitWritableFields(unit: UnitResponseDto): UnitWritableFields {
  const fields = {} as Record<string, unknown>;
  for (const field of UNIT_TRACKED_FIELDS) fields[field] = unit[field];
  return fields as unknown as UnitWritableFields;
}

/** The changes a create records: every field that has a value, before null. */
export function creationChanges(unit: UnitResponseDto): FieldChange[] {
  return UNIT_TRACKED_FIELDS.filter(
    (field) => unit[field] !== null && unit[field] !== undefined,
  ).map((field) => ({
    field,
    before: null,
    after: unit[field],
  }));
}

/** An update that touches occupancyStatus is a status change. */
export function historyAction(changes: FieldChange[]): HistoryAction {
  return changes.some((change) => change.field === 'occupancyStatus') ? 'status_change' : 'update';
}

export interface UnitHistoryRow {
  id: string;
  unitId: string;
  version: number;
  action: HistoryAction;
  source: HistorySource;
  actorName: string | null;
  changes: FieldChange[] | string;
  createdAt: Date | string;
}

export function mapUnitHistory(row: UnitHistoryRow): UnitHistoryEntryDto {
  return {
    id: String(row.id),
    unitId: row.unitId,
    version: row.version,
    action: row.action,
    source: row.source,
    actorName: row.actorName,
    changes:
      typeof row.changes === 'string' ? (JSON.parse(row.changes) as FieldChange[]) : row.changes,
    createdAt: parseTimestamp(row.createdAt),
  };
}
