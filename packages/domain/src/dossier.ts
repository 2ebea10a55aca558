import type {
  AcceptanceStatus,
  EnvironmentalStatus,
  FireSafetyStatus,
  IdleReasonCategory,
  Industry,
  OccupancyStatus,
  StructureType,
  UnitClass,
} from './enums';
import type { LngLat } from './geo';
import { isValidRing } from './geo';
import { isIsoDate, todayInChina } from './dates';
import type { FieldIssue } from './validation';

/**
 * The limits of every dossier field. The API's DTO decorators, the database CHECK constraints
 * and the web form's input attributes are all written from this one table.
 */
export const UNIT_LIMITS = {
  code: { maxLength: 32, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/ },
  name: { maxLength: 120 },
  address: { maxLength: 200 },
  grossArea: { min: 1, max: 1_000_000 },
  usableArea: { min: 1, max: 1_000_000 },
  floor: { min: 1, max: 100 },
  floorHeightM: { min: 2, max: 50 },
  floorLoadKnM2: { min: 0.5, max: 500 },
  craneCapacityT: { min: 0.5, max: 1000 },
  powerCapacityKva: { min: 0, max: 1_000_000 },
  completionYear: { min: 1949, max: 2100 },
  listRentFen: { min: 0, max: 100_000 },
  classReason: { maxLength: 500 },
  idleReasonText: { maxLength: 1000 },
  utilitiesNote: { maxLength: 500 },
  description: { maxLength: 4000 },
  contactName: { maxLength: 60 },
  contactPhone: { maxLength: 30, pattern: /^[0-9+\-() ]{5,30}$/ },
  suitableIndustries: { maxItems: 12 },
} as const;

export const BUILDING_LIMITS = {
  code: { maxLength: 32 },
  name: { maxLength: 120 },
  floors: { min: 1, max: 100 },
} as const;

export const PARK_LIMITS = {
  code: { maxLength: 32 },
  name: { maxLength: 120 },
  description: { maxLength: 4000 },
} as const;

export const ZONE_LIMITS = {
  code: { maxLength: 32 },
  name: { maxLength: 120 },
  platformCompany: { maxLength: 120 },
} as const;

/** The dossier (一厂一档) fields a staff member edits. Numeric values in stored units. */
export interface UnitDossierFields {
  code: string;
  name: string;
  address: string | null;
  latitude: number;
  longitude: number;
  footprint: LngLat[] | null;
  grossArea: number;
  usableArea: number | null;
  floorFrom: number;
  floorTo: number;
  structureType: StructureType;
  floorHeightM: number;
  floorLoadKnM2: number;
  craneCapacityT: number | null;
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
  vacantSince: string | null;
  idleReasonCategory: IdleReasonCategory | null;
  idleReasonText: string | null;
  listRentFen: number | null;
  suitableIndustries: Industry[];
  description: string | null;
  contactName: string | null;
  contactPhone: string | null;
  isListed: boolean;
}

/** Every dossier field a client may set, in the order forms and history list them. */
export const UNIT_DOSSIER_FIELDS: readonly (keyof UnitDossierFields)[] = [
  'code',
  'name',
  'address',
  'latitude',
  'longitude',
  'footprint',
  'grossArea',
  'usableArea',
  'floorFrom',
  'floorTo',
  'structureType',
  'floorHeightM',
  'floorLoadKnM2',
  'craneCapacityT',
  'powerCapacityKva',
  'hasWater',
  'hasGas',
  'hasHeating',
  'hasSewage',
  'hasFibre',
  'utilitiesNote',
  'fireSafetyStatus',
  'environmentalStatus',
  'acceptanceStatus',
  'completionYear',
  'unitClass',
  'classReason',
  'occupancyStatus',
  'vacantSince',
  'idleReasonCategory',
  'idleReasonText',
  'listRentFen',
  'suitableIndustries',
  'description',
  'contactName',
  'contactPhone',
  'isListed',
];

export interface DossierContext {
  /** Floors of the unit's building, when known. */
  buildingFloors?: number;
  /** Today's date (YYYY-MM-DD, China); defaults to the real date. */
  today?: string;
}

/**
 * Rules that span fields or need context (the building), applied to the merged dossier after
 * each field has passed its own checks. The API runs them before writing, the form as you type,
 * and the database enforces the same invariants with constraints.
 */
export function checkDossierRules(
  dossier: Partial<UnitDossierFields>,
  context: DossierContext = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const today = context.today ?? todayInChina();

  if (
    typeof dossier.usableArea === 'number' &&
    typeof dossier.grossArea === 'number' &&
    dossier.usableArea > dossier.grossArea
  ) {
    issues.push({ field: 'usableArea', code: 'usable_exceeds_gross' });
  }

  if (
    typeof dossier.floorFrom === 'number' &&
    typeof dossier.floorTo === 'number' &&
    dossier.floorFrom > dossier.floorTo
  ) {
    issues.push({ field: 'floorFrom', code: 'floor_order' });
  }
  if (context.buildingFloors !== undefined) {
    const floors = context.buildingFloors;
    for (const field of ['floorFrom', 'floorTo'] as const) {
      const value = dossier[field];
      if (typeof value === 'number' && value > floors) {
        issues.push({ field, code: 'floor_exceeds_building', params: { floors } });
      }
    }
  }

  if (dossier.vacantSince) {
    if (!isIsoDate(dossier.vacantSince)) {
      issues.push({ field: 'vacantSince', code: 'invalid_date' });
    } else if (dossier.vacantSince > today) {
      issues.push({ field: 'vacantSince', code: 'date_in_future' });
    }
  } else if (dossier.occupancyStatus === 'vacant') {
    issues.push({ field: 'vacantSince', code: 'required' });
  }

  if (
    (dossier.unitClass === 'general' || dossier.unitClass === 'difficult') &&
    !dossier.classReason?.trim()
  ) {
    issues.push({ field: 'classReason', code: 'reason_required' });
  }

  if (dossier.footprint && !isValidRing(dossier.footprint)) {
    issues.push({ field: 'footprint', code: 'polygon_invalid' });
  }

  return issues;
}
