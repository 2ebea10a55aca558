import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The factory dossier (一厂一档): zones, parks, buildings, units and the unit change history.
 *
 * Invariants live here as well as in code (docs/database.md):
 * - codes unique per zone; every child row in the same zone as its parent (composite FKs);
 * - usable area ≤ gross area; a unit's floors within its building's floors (the building's floor
 *   count is copied onto the unit through a composite FK with ON UPDATE CASCADE, so a building
 *   cannot shrink below a unit's floors);
 * - positive loads and heights; coordinates in range; vacant-since not in the future (China time);
 * - every enumerated value one of the values in packages/domain/src/enums.ts.
 * Locations are PostgreSQL `point` (x = longitude, y = latitude, WGS-84), boundaries `polygon`,
 * both GiST-indexed (no PostGIS: the embedded server lacks it).
 */
export class InitialSchema1763798400000 implements MigrationInterface {
  name = 'InitialSchema1763798400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE zones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        platform_company text NOT NULL,
        platform_company_en text,
        province text,
        city text,
        center point,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT zones_code_uq UNIQUE (code),
        CONSTRAINT zones_code_ck CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,31}$'),
        CONSTRAINT zones_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        CONSTRAINT zones_center_ck CHECK (center IS NULL OR (center[0] BETWEEN -180 AND 180 AND center[1] BETWEEN -90 AND 90))
      )`);

    await q.query(`
      CREATE TABLE parks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        parent_park_id uuid,
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        kind text NOT NULL DEFAULT 'park',
        description text,
        boundary polygon,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT parks_zone_fk FOREIGN KEY (zone_id) REFERENCES zones (id) ON DELETE RESTRICT,
        CONSTRAINT parks_id_zone_uq UNIQUE (id, zone_id),
        CONSTRAINT parks_parent_fk FOREIGN KEY (parent_park_id, zone_id) REFERENCES parks (id, zone_id) ON DELETE RESTRICT,
        CONSTRAINT parks_zone_code_uq UNIQUE (zone_id, code),
        CONSTRAINT parks_code_ck CHECK (length(code) BETWEEN 1 AND 32),
        CONSTRAINT parks_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        CONSTRAINT parks_kind_ck CHECK (kind IN ('park', 'park_in_park')),
        CONSTRAINT parks_parent_kind_ck CHECK ((kind = 'park_in_park') = (parent_park_id IS NOT NULL)),
        CONSTRAINT parks_parent_self_ck CHECK (parent_park_id IS NULL OR parent_park_id <> id)
      )`);
    await q.query(`CREATE INDEX parks_boundary_gist ON parks USING gist (boundary)`);

    await q.query(`
      CREATE TABLE buildings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        park_id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        floors integer NOT NULL,
        address text,
        location point,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT buildings_park_fk FOREIGN KEY (park_id, zone_id) REFERENCES parks (id, zone_id) ON DELETE RESTRICT,
        CONSTRAINT buildings_zone_code_uq UNIQUE (zone_id, code),
        CONSTRAINT buildings_id_zone_park_uq UNIQUE (id, zone_id, park_id),
        CONSTRAINT buildings_id_floors_uq UNIQUE (id, floors),
        CONSTRAINT buildings_code_ck CHECK (length(code) BETWEEN 1 AND 32),
        CONSTRAINT buildings_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        CONSTRAINT buildings_floors_ck CHECK (floors BETWEEN 1 AND 100),
        CONSTRAINT buildings_location_ck CHECK (location IS NULL OR (location[0] BETWEEN -180 AND 180 AND location[1] BETWEEN -90 AND 90))
      )`);
    await q.query(`CREATE INDEX buildings_park_idx ON buildings (park_id)`);

    await q.query(`
      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        zone_id uuid NOT NULL,
        park_id uuid NOT NULL,
        building_id uuid NOT NULL,
        building_floors integer NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        address text,
        location point NOT NULL,
        footprint polygon,
        gross_area numeric(12, 2) NOT NULL,
        usable_area numeric(12, 2),
        floor_from integer NOT NULL,
        floor_to integer NOT NULL,
        structure_type text NOT NULL,
        floor_height_m numeric(5, 2) NOT NULL,
        floor_load_kn_m2 numeric(7, 2) NOT NULL,
        crane_capacity_t numeric(7, 2),
        power_capacity_kva integer,
        has_water boolean NOT NULL DEFAULT false,
        has_gas boolean NOT NULL DEFAULT false,
        has_heating boolean NOT NULL DEFAULT false,
        has_sewage boolean NOT NULL DEFAULT false,
        has_fibre boolean NOT NULL DEFAULT false,
        utilities_note text,
        fire_safety_status text NOT NULL,
        environmental_status text NOT NULL,
        acceptance_status text NOT NULL,
        completion_year integer,
        unit_class text NOT NULL,
        class_reason text,
        occupancy_status text NOT NULL,
        vacant_since date,
        idle_reason_category text,
        idle_reason_text text,
        list_rent_fen integer,
        suitable_industries text[] NOT NULL DEFAULT '{}',
        description text,
        contact_name text,
        contact_phone text,
        is_listed boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_by uuid,
        updated_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT units_building_fk FOREIGN KEY (building_id, zone_id, park_id)
          REFERENCES buildings (id, zone_id, park_id) ON DELETE RESTRICT ON UPDATE CASCADE,
        CONSTRAINT units_building_floors_fk FOREIGN KEY (building_id, building_floors)
          REFERENCES buildings (id, floors) ON DELETE RESTRICT ON UPDATE CASCADE,
        CONSTRAINT units_code_ck CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$'),
        CONSTRAINT units_name_ck CHECK (length(btrim(name)) BETWEEN 1 AND 120),
        CONSTRAINT units_location_ck CHECK (location[0] BETWEEN -180 AND 180 AND location[1] BETWEEN -90 AND 90),
        CONSTRAINT units_gross_area_ck CHECK (gross_area > 0 AND gross_area <= 1000000),
        CONSTRAINT units_usable_area_ck CHECK (usable_area IS NULL OR (usable_area > 0 AND usable_area <= gross_area)),
        CONSTRAINT units_floors_ck CHECK (floor_from >= 1 AND floor_from <= floor_to AND floor_to <= building_floors),
        CONSTRAINT units_structure_type_ck CHECK (structure_type IN ('steel', 'reinforced_concrete', 'steel_concrete', 'brick_concrete', 'other')),
        CONSTRAINT units_floor_height_ck CHECK (floor_height_m > 0 AND floor_height_m <= 50),
        CONSTRAINT units_floor_load_ck CHECK (floor_load_kn_m2 > 0 AND floor_load_kn_m2 <= 500),
        CONSTRAINT units_crane_ck CHECK (crane_capacity_t IS NULL OR (crane_capacity_t > 0 AND crane_capacity_t <= 1000)),
        CONSTRAINT units_power_ck CHECK (power_capacity_kva IS NULL OR power_capacity_kva BETWEEN 0 AND 1000000),
        CONSTRAINT units_fire_safety_ck CHECK (fire_safety_status IN ('passed', 'rectification_required', 'not_inspected')),
        CONSTRAINT units_environmental_ck CHECK (environmental_status IN ('approved', 'rectification_required', 'not_assessed')),
        CONSTRAINT units_acceptance_ck CHECK (acceptance_status IN ('accepted', 'not_accepted', 'under_construction')),
        CONSTRAINT units_completion_year_ck CHECK (completion_year IS NULL OR completion_year BETWEEN 1949 AND 2100),
        CONSTRAINT units_class_ck CHECK (unit_class IN ('quality', 'general', 'difficult')),
        CONSTRAINT units_class_reason_ck CHECK (unit_class = 'quality' OR length(btrim(coalesce(class_reason, ''))) > 0),
        CONSTRAINT units_occupancy_ck CHECK (occupancy_status IN ('vacant', 'reserved', 'leased', 'unavailable')),
        CONSTRAINT units_vacant_since_required_ck CHECK (occupancy_status <> 'vacant' OR vacant_since IS NOT NULL),
        CONSTRAINT units_vacant_since_past_ck CHECK (vacant_since IS NULL OR vacant_since <= (now() AT TIME ZONE 'Asia/Shanghai')::date),
        CONSTRAINT units_idle_reason_ck CHECK (idle_reason_category IS NULL OR idle_reason_category IN
          ('no_tenant_found', 'utilities_incomplete', 'compliance_rectification', 'acceptance_pending', 'legal_dispute', 'tenant_moved_out', 'plan_mismatch', 'other')),
        CONSTRAINT units_rent_ck CHECK (list_rent_fen IS NULL OR list_rent_fen BETWEEN 0 AND 100000),
        CONSTRAINT units_industries_ck CHECK (cardinality(suitable_industries) <= 12),
        CONSTRAINT units_version_ck CHECK (version >= 1)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX units_zone_code_uq ON units (zone_id, code) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX units_location_gist ON units USING gist (location) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX units_building_idx ON units (building_id)`);
    // Keyset pagination: every allowed sort has an index ending in id (see units.repository.ts).
    await q.query(
      `CREATE INDEX units_zone_code_id_idx ON units (zone_id, code, id) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE INDEX units_code_id_idx ON units (code, id) WHERE deleted_at IS NULL`);
    await q.query(
      `CREATE INDEX units_zone_gross_area_idx ON units (zone_id, gross_area, id) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX units_zone_vacant_since_idx ON units (zone_id, vacant_since, id) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX units_zone_rent_idx ON units (zone_id, list_rent_fen, id) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX units_zone_updated_idx ON units (zone_id, updated_at, id) WHERE deleted_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX units_park_code_idx ON units (park_id, code, id) WHERE deleted_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE unit_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        unit_id uuid NOT NULL REFERENCES units (id) ON DELETE CASCADE,
        zone_id uuid NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
        version integer NOT NULL,
        action text NOT NULL,
        source text NOT NULL DEFAULT 'api',
        source_ref text,
        actor_id uuid,
        actor_name text,
        changes jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_history_action_ck CHECK (action IN ('create', 'update', 'status_change', 'delete')),
        CONSTRAINT unit_history_source_ck CHECK (source IN ('api', 'import', 'seed', 'system')),
        CONSTRAINT unit_history_changes_ck CHECK (jsonb_typeof(changes) = 'array')
      )`);
    await q.query(`CREATE INDEX unit_history_unit_idx ON unit_history (unit_id, id DESC)`);
    await q.query(
      `CREATE INDEX unit_history_zone_time_idx ON unit_history (zone_id, created_at DESC)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unit_history`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE buildings`);
    await q.query(`DROP TABLE parks`);
    await q.query(`DROP TABLE zones`);
  }
}
