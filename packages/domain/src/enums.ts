/**
 * Closed vocabularies of the factory dossier (一厂一档). The string values are stored in
 * PostgreSQL (CHECK constraints list the same values) and sent over the API, so never rename one
 * without a migration.
 */

/** 分类施策: the three classes of vacant unit. */
export const UNIT_CLASSES = ['quality', 'general', 'difficult'] as const;
export type UnitClass = (typeof UNIT_CLASSES)[number];

/** Where a unit stands in the leasing cycle. */
export const OCCUPANCY_STATUSES = ['vacant', 'reserved', 'leased', 'unavailable'] as const;
export type OccupancyStatus = (typeof OCCUPANCY_STATUSES)[number];

/** Completion acceptance (竣工验收). */
export const ACCEPTANCE_STATUSES = ['accepted', 'not_accepted', 'under_construction'] as const;
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];

/** Building structure (结构). */
export const STRUCTURE_TYPES = [
  'steel',
  'reinforced_concrete',
  'steel_concrete',
  'brick_concrete',
  'other',
] as const;
export type StructureType = (typeof STRUCTURE_TYPES)[number];

/** Fire-safety compliance (消防). */
export const FIRE_SAFETY_STATUSES = ['passed', 'rectification_required', 'not_inspected'] as const;
export type FireSafetyStatus = (typeof FIRE_SAFETY_STATUSES)[number];

/** Environmental compliance (环保). */
export const ENVIRONMENTAL_STATUSES = [
  'approved',
  'rectification_required',
  'not_assessed',
] as const;
export type EnvironmentalStatus = (typeof ENVIRONMENTAL_STATUSES)[number];

/** Why a unit is idle (闲置原因), the category; a free text gives the detail. */
export const IDLE_REASON_CATEGORIES = [
  'no_tenant_found',
  'utilities_incomplete',
  'compliance_rectification',
  'acceptance_pending',
  'legal_dispute',
  'tenant_moved_out',
  'plan_mismatch',
  'other',
] as const;
export type IdleReasonCategory = (typeof IDLE_REASON_CATEGORIES)[number];

/** Utilities (配套) recorded as available or not on every dossier. */
export const UTILITIES = ['water', 'gas', 'heating', 'sewage', 'fibre'] as const;
export type Utility = (typeof UTILITIES)[number];

/** A park (园区) or a park within a park (园中园). */
export const PARK_KINDS = ['park', 'park_in_park'] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

/**
 * Industry tags for "suitable industries". Coarse groups a firm recognises, each mapped to
 * GB/T 4754-2017 divisions in `industries.ts`.
 */
export const INDUSTRIES = [
  'equipment_manufacturing',
  'opto_mechatronics',
  'new_materials',
  'food_processing',
  'biomedicine',
  'electronics',
  'surface_treatment',
  'textiles_apparel',
  'new_energy',
  'logistics_warehousing',
  'light_industry',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
