/**
 * The unit dossier form: its model (what inputs hold), conversion to the API's fields, the
 * client-side validation that mirrors the server (UNIT_LIMITS per field, then checkDossierRules
 * across fields), and the diff a PATCH sends.
 */
import {
  LATITUDE_RANGE,
  LONGITUDE_RANGE,
  UNIT_LIMITS,
  checkDossierRules,
  fenToYuan,
  yuanToFen,
  type AcceptanceStatus,
  type DossierContext,
  type EnvironmentalStatus,
  type FieldIssue,
  type FireSafetyStatus,
  type IdleReasonCategory,
  type Industry,
  type OccupancyStatus,
  type StructureType,
  type UnitClass,
  type UnitDossierFields,
} from '@factoryspace/domain';
import type { Unit, UnitCreateBody } from '@/api/types';

/** What a number input holds: a number, or '' / null when empty. */
export type NumberInput = number | '' | null;

export interface UnitFormValues {
  parkId: string;
  buildingId: string;
  code: string;
  name: string;
  address: string;
  latitude: NumberInput;
  longitude: NumberInput;
  grossArea: NumberInput;
  usableArea: NumberInput;
  floorFrom: NumberInput;
  floorTo: NumberInput;
  structureType: StructureType | '';
  floorHeightM: NumberInput;
  floorLoadKnM2: NumberInput;
  craneCapacityT: NumberInput;
  powerCapacityKva: NumberInput;
  hasWater: boolean;
  hasGas: boolean;
  hasHeating: boolean;
  hasSewage: boolean;
  hasFibre: boolean;
  utilitiesNote: string;
  fireSafetyStatus: FireSafetyStatus | '';
  environmentalStatus: EnvironmentalStatus | '';
  acceptanceStatus: AcceptanceStatus | '';
  completionYear: NumberInput;
  unitClass: UnitClass | '';
  classReason: string;
  occupancyStatus: OccupancyStatus | '';
  vacantSince: string;
  idleReasonCategory: IdleReasonCategory | '';
  idleReasonText: string;
  /** Rent in yuan per m² per month as typed; sent as `listRentFen`. */
  listRentFen: NumberInput;
  suitableIndustries: Industry[];
  description: string;
  contactName: string;
  contactPhone: string;
  isListed: boolean;
}

export type FormField = keyof UnitFormValues;
export type DossierPayload = Partial<UnitCreateBody>;

export function emptyForm(): UnitFormValues {
  return {
    parkId: '',
    buildingId: '',
    code: '',
    name: '',
    address: '',
    latitude: null,
    longitude: null,
    grossArea: null,
    usableArea: null,
    floorFrom: 1,
    floorTo: 1,
    structureType: '',
    floorHeightM: null,
    floorLoadKnM2: null,
    craneCapacityT: null,
    powerCapacityKva: null,
    hasWater: false,
    hasGas: false,
    hasHeating: false,
    hasSewage: false,
    hasFibre: false,
    utilitiesNote: '',
    fireSafetyStatus: '',
    environmentalStatus: '',
    acceptanceStatus: '',
    completionYear: null,
    unitClass: '',
    classReason: '',
    occupancyStatus: 'vacant',
    vacantSince: '',
    idleReasonCategory: '',
    idleReasonText: '',
    listRentFen: null,
    suitableIndustries: [],
    description: '',
    contactName: '',
    contactPhone: '',
    isListed: true,
  };
}

export function formFromUnit(unit: Unit): UnitFormValues {
  return {
    parkId: unit.parkId,
    buildingId: unit.buildingId,
    code: unit.code,
    name: unit.name,
    address: unit.address ?? '',
    latitude: unit.latitude,
    longitude: unit.longitude,
    grossArea: unit.grossArea,
    usableArea: unit.usableArea,
    floorFrom: unit.floorFrom,
    floorTo: unit.floorTo,
    structureType: unit.structureType,
    floorHeightM: unit.floorHeightM,
    floorLoadKnM2: unit.floorLoadKnM2,
    craneCapacityT: unit.craneCapacityT,
    powerCapacityKva: unit.powerCapacityKva,
    hasWater: unit.hasWater,
    hasGas: unit.hasGas,
    hasHeating: unit.hasHeating,
    hasSewage: unit.hasSewage,
    hasFibre: unit.hasFibre,
    utilitiesNote: unit.utilitiesNote ?? '',
    fireSafetyStatus: unit.fireSafetyStatus,
    environmentalStatus: unit.environmentalStatus,
    acceptanceStatus: unit.acceptanceStatus,
    completionYear: unit.completionYear,
    unitClass: unit.unitClass,
    classReason: unit.classReason ?? '',
    occupancyStatus: unit.occupancyStatus,
    vacantSince: unit.vacantSince ?? '',
    idleReasonCategory: unit.idleReasonCategory ?? '',
    idleReasonText: unit.idleReasonText ?? '',
    listRentFen: unit.listRentFen === null ? null : fenToYuan(unit.listRentFen),
    suitableIndustries: [...unit.suitableIndustries],
    description: unit.description ?? '',
    contactName: unit.contactName ?? '',
    contactPhone: unit.contactPhone ?? '',
    isListed: unit.isListed,
  };
}

function num(value: NumberInput | undefined): number | null {
  if (value === '' || value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number.NaN;
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The API's fields for the form (empty inputs become null, rent becomes fen). */
export function formToDossier(form: UnitFormValues): DossierPayload {
  const rent = num(form.listRentFen);
  const payload: DossierPayload = {
    buildingId: form.buildingId || undefined,
    code: form.code.trim(),
    name: form.name.trim(),
    address: text(form.address),
    grossArea: num(form.grossArea) ?? undefined,
    usableArea: num(form.usableArea),
    floorFrom: num(form.floorFrom) ?? undefined,
    floorTo: num(form.floorTo) ?? undefined,
    structureType: form.structureType || undefined,
    floorHeightM: num(form.floorHeightM) ?? undefined,
    floorLoadKnM2: num(form.floorLoadKnM2) ?? undefined,
    craneCapacityT: num(form.craneCapacityT),
    powerCapacityKva: num(form.powerCapacityKva),
    hasWater: form.hasWater,
    hasGas: form.hasGas,
    hasHeating: form.hasHeating,
    hasSewage: form.hasSewage,
    hasFibre: form.hasFibre,
    utilitiesNote: text(form.utilitiesNote),
    fireSafetyStatus: form.fireSafetyStatus || undefined,
    environmentalStatus: form.environmentalStatus || undefined,
    acceptanceStatus: form.acceptanceStatus || undefined,
    completionYear: num(form.completionYear),
    unitClass: form.unitClass || undefined,
    classReason: text(form.classReason),
    occupancyStatus: form.occupancyStatus || undefined,
    vacantSince: text(form.vacantSince),
    idleReasonCategory: form.idleReasonCategory || null,
    idleReasonText: text(form.idleReasonText),
    listRentFen: rent === null || Number.isNaN(rent) ? rent : yuanToFen(rent),
    suitableIndustries: [...form.suitableIndustries],
    description: text(form.description),
    contactName: text(form.contactName),
    contactPhone: text(form.contactPhone),
    isListed: form.isListed,
    latitude: num(form.latitude) ?? undefined,
    longitude: num(form.longitude) ?? undefined,
  };
  for (const key of Object.keys(payload) as (keyof DossierPayload)[]) {
    if (payload[key] === undefined) delete payload[key];
  }
  return payload;
}

const REQUIRED: FormField[] = [
  'buildingId',
  'code',
  'name',
  'latitude',
  'longitude',
  'grossArea',
  'floorFrom',
  'floorTo',
  'structureType',
  'floorHeightM',
  'floorLoadKnM2',
  'fireSafetyStatus',
  'environmentalStatus',
  'acceptanceStatus',
  'unitClass',
  'occupancyStatus',
];

interface NumberRule {
  min: number;
  max: number;
  integer?: boolean;
}

const NUMBER_RULES: Partial<Record<FormField, NumberRule>> = {
  latitude: LATITUDE_RANGE,
  longitude: LONGITUDE_RANGE,
  grossArea: UNIT_LIMITS.grossArea,
  usableArea: UNIT_LIMITS.usableArea,
  floorFrom: { ...UNIT_LIMITS.floor, integer: true },
  floorTo: { ...UNIT_LIMITS.floor, integer: true },
  floorHeightM: UNIT_LIMITS.floorHeightM,
  floorLoadKnM2: UNIT_LIMITS.floorLoadKnM2,
  craneCapacityT: UNIT_LIMITS.craneCapacityT,
  powerCapacityKva: { ...UNIT_LIMITS.powerCapacityKva, integer: true },
  completionYear: { ...UNIT_LIMITS.completionYear, integer: true },
  // Typed in yuan: the fen limits shown in yuan.
  listRentFen: {
    min: fenToYuan(UNIT_LIMITS.listRentFen.min),
    max: fenToYuan(UNIT_LIMITS.listRentFen.max),
  },
};

const LENGTH_RULES: Partial<Record<FormField, number>> = {
  code: UNIT_LIMITS.code.maxLength,
  name: UNIT_LIMITS.name.maxLength,
  address: UNIT_LIMITS.address.maxLength,
  classReason: UNIT_LIMITS.classReason.maxLength,
  idleReasonText: UNIT_LIMITS.idleReasonText.maxLength,
  utilitiesNote: UNIT_LIMITS.utilitiesNote.maxLength,
  description: UNIT_LIMITS.description.maxLength,
  contactName: UNIT_LIMITS.contactName.maxLength,
  contactPhone: UNIT_LIMITS.contactPhone.maxLength,
};

const PATTERN_RULES: Partial<Record<FormField, RegExp>> = {
  code: UNIT_LIMITS.code.pattern,
  contactPhone: UNIT_LIMITS.contactPhone.pattern,
};

function isEmpty(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** Every issue of the form, at most one per field, in the order of the checks. */
export function validateUnitForm(form: UnitFormValues, context: DossierContext = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const failed = new Set<string>();
  const add = (issue: FieldIssue) => {
    if (failed.has(issue.field)) return;
    failed.add(issue.field);
    issues.push(issue);
  };

  for (const field of REQUIRED) {
    if (isEmpty(form[field])) add({ field, code: 'required' });
  }

  for (const [field, rule] of Object.entries(NUMBER_RULES) as [FormField, NumberRule][]) {
    if (failed.has(field)) continue;
    const value = num(form[field] as NumberInput);
    if (value === null) continue;
    if (!Number.isFinite(value)) add({ field, code: 'not_a_number' });
    else if (rule.integer && !Number.isInteger(value)) add({ field, code: 'not_integer' });
    else if (value < rule.min || value > rule.max) {
      add({ field, code: 'out_of_range', params: { min: rule.min, max: rule.max } });
    }
  }

  for (const [field, max] of Object.entries(LENGTH_RULES) as [FormField, number][]) {
    const value = form[field];
    if (failed.has(field) || typeof value !== 'string') continue;
    if (value.trim().length > max) add({ field, code: 'too_long', params: { max } });
  }

  for (const [field, pattern] of Object.entries(PATTERN_RULES) as [FormField, RegExp][]) {
    const value = form[field];
    if (failed.has(field) || typeof value !== 'string' || value.trim() === '') continue;
    if (!pattern.test(value.trim())) add({ field, code: 'invalid_format' });
  }

  if (form.suitableIndustries.length > UNIT_LIMITS.suitableIndustries.maxItems) {
    add({
      field: 'suitableIndustries',
      code: 'too_many_items',
      params: { max: UNIT_LIMITS.suitableIndustries.maxItems },
    });
  }

  // Cross-field rules, on the fields that passed their own checks (as the server does).
  const dossier = formToDossier(form) as Partial<UnitDossierFields>;
  for (const field of failed) delete (dossier as Record<string, unknown>)[field];
  for (const issue of checkDossierRules(dossier, context)) add(issue);

  return issues;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  return a === b || ((a === undefined || a === null) && (b === undefined || b === null));
}

/** The fields of `current` that differ from `original` (what a PATCH sends, besides version). */
export function changedFields(original: DossierPayload, current: DossierPayload): DossierPayload {
  const changes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(original), ...Object.keys(current)]);
  for (const key of keys) {
    const before = (original as Record<string, unknown>)[key];
    const after = (current as Record<string, unknown>)[key];
    if (!sameValue(before, after)) changes[key] = after === undefined ? null : after;
  }
  return changes as DossierPayload;
}

/**
 * After a version conflict: the latest saved values, with the fields the user changed (relative
 * to the version they started from) kept as typed.
 */
export function rebaseForm(
  typed: UnitFormValues,
  startedFrom: UnitFormValues,
  latest: UnitFormValues,
): UnitFormValues {
  const result = { ...latest };
  for (const key of Object.keys(typed) as FormField[]) {
    if (!sameValue(typed[key], startedFrom[key])) {
      (result as Record<string, unknown>)[key] = typed[key];
    }
  }
  return result;
}
