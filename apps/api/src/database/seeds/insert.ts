/**
 * Writes a DemoDataset with raw parameterised SQL (no entities): one INSERT … SELECT FROM
 * jsonb_to_recordset($1) per table, inside the caller's transaction.
 */
import type { QueryRunner } from 'typeorm';
import { UNIT_DOSSIER_FIELDS } from '@factoryspace/domain';
import type { DemoDataset, DemoUnit } from './dataset';

/** The dossier fields in the order the history lists them (API, camelCase). */
const HISTORY_FIELDS = UNIT_DOSSIER_FIELDS;

export interface FieldChange {
  field: string;
  before: null;
  after: unknown;
}

/** The 'create' history entry's changes: every field the seed set, before = null. */
export function creationChanges(unit: DemoUnit): FieldChange[] {
  const changes: FieldChange[] = [{ field: 'buildingId', before: null, after: unit.buildingId }];
  for (const field of HISTORY_FIELDS) {
    const value = unit[field];
    if (value === null || value === undefined) continue;
    changes.push({ field, before: null, after: value });
  }
  return changes;
}

/** PostgreSQL polygon literal '((lng,lat),…)'. */
export function polygonLiteral(ring: ReadonlyArray<readonly [number, number]>): string {
  return `(${ring.map(([lng, lat]) => `(${lng},${lat})`).join(',')})`;
}

export async function insertDataset(q: QueryRunner, data: DemoDataset): Promise<void> {
  await q.query(
    `INSERT INTO zones (id, code, name, name_en, platform_company, platform_company_en, province, city, center)
     SELECT r.id, r.code, r.name, r.name_en, r.platform_company, r.platform_company_en, r.province, r.city, point(r.lng, r.lat)
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, code text, name text, name_en text, platform_company text,
       platform_company_en text, province text, city text, lng float8, lat float8)`,
    [
      JSON.stringify(
        data.zones.map((z) => ({
          id: z.id,
          code: z.code,
          name: z.name,
          name_en: z.nameEn,
          platform_company: z.platformCompany,
          platform_company_en: z.platformCompanyEn,
          province: z.province,
          city: z.city,
          lng: z.center[0],
          lat: z.center[1],
        })),
      ),
    ],
  );

  // Parents first (the composite parent FK is checked per statement anyway).
  const parks = [...data.parks].sort(
    (a, b) => Number(a.parentParkId !== null) - Number(b.parentParkId !== null),
  );
  await q.query(
    `INSERT INTO parks (id, zone_id, parent_park_id, code, name, name_en, kind, description, boundary)
     SELECT r.id, r.zone_id, r.parent_park_id, r.code, r.name, r.name_en, r.kind, r.description, r.boundary::polygon
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, zone_id uuid, parent_park_id uuid, code text, name text,
       name_en text, kind text, description text, boundary text)`,
    [
      JSON.stringify(
        parks.map((p) => ({
          id: p.id,
          zone_id: p.zoneId,
          parent_park_id: p.parentParkId,
          code: p.code,
          name: p.name,
          name_en: p.nameEn,
          kind: p.kind,
          description: p.description,
          boundary: polygonLiteral(p.boundary),
        })),
      ),
    ],
  );

  await q.query(
    `INSERT INTO buildings (id, zone_id, park_id, code, name, floors, address, location)
     SELECT r.id, r.zone_id, r.park_id, r.code, r.name, r.floors, r.address, point(r.lng, r.lat)
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, zone_id uuid, park_id uuid, code text, name text,
       floors integer, address text, lng float8, lat float8)`,
    [
      JSON.stringify(
        data.buildings.map((b) => ({
          id: b.id,
          zone_id: b.zoneId,
          park_id: b.parkId,
          code: b.code,
          name: b.name,
          floors: b.floors,
          address: b.address,
          lng: b.location[0],
          lat: b.location[1],
        })),
      ),
    ],
  );

  await q.query(
    `INSERT INTO units (id, zone_id, park_id, building_id, building_floors, code, name, address, location, footprint,
       gross_area, usable_area, floor_from, floor_to, structure_type, floor_height_m, floor_load_kn_m2,
       crane_capacity_t, power_capacity_kva, has_water, has_gas, has_heating, has_sewage, has_fibre, utilities_note,
       fire_safety_status, environmental_status, acceptance_status, completion_year, unit_class, class_reason,
       occupancy_status, vacant_since, idle_reason_category, idle_reason_text, list_rent_fen, suitable_industries,
       description, contact_name, contact_phone, is_listed)
     SELECT r.id, r.zone_id, r.park_id, r.building_id, r.building_floors, r.code, r.name, r.address,
       point(r.lng, r.lat), r.footprint::polygon,
       r.gross_area, r.usable_area, r.floor_from, r.floor_to, r.structure_type, r.floor_height_m, r.floor_load_kn_m2,
       r.crane_capacity_t, r.power_capacity_kva, r.has_water, r.has_gas, r.has_heating, r.has_sewage, r.has_fibre,
       r.utilities_note, r.fire_safety_status, r.environmental_status, r.acceptance_status, r.completion_year,
       r.unit_class, r.class_reason, r.occupancy_status, r.vacant_since, r.idle_reason_category, r.idle_reason_text,
       r.list_rent_fen, r.suitable_industries, r.description, r.contact_name, r.contact_phone, r.is_listed
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, zone_id uuid, park_id uuid, building_id uuid,
       building_floors integer, code text, name text, address text, lng float8, lat float8, footprint text,
       gross_area numeric, usable_area numeric, floor_from integer, floor_to integer, structure_type text,
       floor_height_m numeric, floor_load_kn_m2 numeric, crane_capacity_t numeric, power_capacity_kva integer,
       has_water boolean, has_gas boolean, has_heating boolean, has_sewage boolean, has_fibre boolean,
       utilities_note text, fire_safety_status text, environmental_status text, acceptance_status text,
       completion_year integer, unit_class text, class_reason text, occupancy_status text, vacant_since date,
       idle_reason_category text, idle_reason_text text, list_rent_fen integer, suitable_industries text[],
       description text, contact_name text, contact_phone text, is_listed boolean)`,
    [
      JSON.stringify(
        data.units.map((u) => ({
          id: u.id,
          zone_id: u.zoneId,
          park_id: u.parkId,
          building_id: u.buildingId,
          building_floors: u.buildingFloors,
          code: u.code,
          name: u.name,
          address: u.address,
          lng: u.longitude,
          lat: u.latitude,
          footprint: u.footprint ? polygonLiteral(u.footprint) : null,
          gross_area: u.grossArea,
          usable_area: u.usableArea,
          floor_from: u.floorFrom,
          floor_to: u.floorTo,
          structure_type: u.structureType,
          floor_height_m: u.floorHeightM,
          floor_load_kn_m2: u.floorLoadKnM2,
          crane_capacity_t: u.craneCapacityT,
          power_capacity_kva: u.powerCapacityKva,
          has_water: u.hasWater,
          has_gas: u.hasGas,
          has_heating: u.hasHeating,
          has_sewage: u.hasSewage,
          has_fibre: u.hasFibre,
          utilities_note: u.utilitiesNote,
          fire_safety_status: u.fireSafetyStatus,
          environmental_status: u.environmentalStatus,
          acceptance_status: u.acceptanceStatus,
          completion_year: u.completionYear,
          unit_class: u.unitClass,
          class_reason: u.classReason,
          occupancy_status: u.occupancyStatus,
          vacant_since: u.vacantSince,
          idle_reason_category: u.idleReasonCategory,
          idle_reason_text: u.idleReasonText,
          list_rent_fen: u.listRentFen,
          suitable_industries: u.suitableIndustries,
          description: u.description,
          contact_name: u.contactName,
          contact_phone: u.contactPhone,
          is_listed: u.isListed,
        })),
      ),
    ],
  );

  await q.query(
    `INSERT INTO unit_history (unit_id, zone_id, version, action, source, actor_name, changes)
     SELECT r.unit_id, r.zone_id, 1, 'create', 'seed', NULL, r.changes
     FROM jsonb_to_recordset($1::jsonb) AS r(unit_id uuid, zone_id uuid, changes jsonb)`,
    [
      JSON.stringify(
        data.units.map((u) => ({ unit_id: u.id, zone_id: u.zoneId, changes: creationChanges(u) })),
      ),
    ],
  );
}
