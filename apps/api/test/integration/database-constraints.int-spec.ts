/**
 * The database enforces the dossier invariants on its own (bypassing the app), and the entities
 * describe the migrated schema exactly (an empty TypeORM schema diff).
 */
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { createDossierTree, createUnit, type Dossier } from '../factories/dossier.factory';

describe('database constraints (integration, direct SQL)', () => {
  let t: TestApp;
  let tree: Dossier;

  beforeAll(async () => {
    t = await createTestApp({ as: 'super_admin' });
    tree = await createDossierTree(t.inject);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function insertUnit(overrides: Record<string, unknown>): Promise<unknown> {
    const values: Record<string, unknown> = {
      zone_id: tree.zone.id,
      park_id: tree.park.id,
      building_id: tree.building.id,
      building_floors: 3,
      code: `SQL-${Math.random().toString(36).slice(2, 8)}`,
      name: 'direct',
      location: '(112.92,35.8)',
      gross_area: 1000,
      usable_area: 900,
      floor_from: 1,
      floor_to: 1,
      structure_type: 'steel',
      floor_height_m: 8,
      floor_load_kn_m2: 30,
      fire_safety_status: 'passed',
      environmental_status: 'approved',
      acceptance_status: 'accepted',
      unit_class: 'quality',
      occupancy_status: 'leased',
      ...overrides,
    };
    const columns = Object.keys(values);
    const sql = `INSERT INTO units (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
    return t.dataSource.query(sql, Object.values(values));
  }

  async function refusal(
    overrides: Record<string, unknown>,
  ): Promise<{ code?: string; constraint?: string }> {
    try {
      await insertUnit(overrides);
    } catch (error) {
      const { code, constraint } =
        (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? {};
      return { code, constraint };
    }
    throw new Error('the database accepted the row');
  }

  it('accepts a valid row (the control)', async () => {
    await expect(insertUnit({})).resolves.toBeDefined();
  });

  it('refuses usable area above gross area', async () => {
    expect(await refusal({ gross_area: 1000, usable_area: 1000.01 })).toEqual({
      code: '23514',
      constraint: 'units_usable_area_ck',
    });
  });

  it('refuses a floor above the building’s floors', async () => {
    expect(await refusal({ floor_from: 1, floor_to: 4 })).toEqual({
      code: '23514',
      constraint: 'units_floors_ck',
    });
  });

  it('refuses a unit claiming more floors than its building has', async () => {
    expect(await refusal({ building_floors: 10, floor_to: 5 })).toEqual({
      code: '23503',
      constraint: 'units_building_floors_fk',
    });
  });

  it('refuses a unit in a zone other than its building’s', async () => {
    const other = await createDossierTree(t.inject);
    expect(await refusal({ zone_id: other.zone.id })).toEqual({
      code: '23503',
      constraint: 'units_building_fk',
    });
  });

  it.each([
    ['zero floor load', { floor_load_kn_m2: 0 }, 'units_floor_load_ck'],
    ['zero floor height', { floor_height_m: 0 }, 'units_floor_height_ck'],
    ['latitude 91', { location: '(112.92,91)' }, 'units_location_ck'],
    [
      'vacant without vacant_since',
      { occupancy_status: 'vacant' },
      'units_vacant_since_required_ck',
    ],
    [
      'vacant_since in the future',
      { occupancy_status: 'vacant', vacant_since: '2999-01-01' },
      'units_vacant_since_past_ck',
    ],
    ['general without reason', { unit_class: 'general' }, 'units_class_reason_ck'],
    ['an unknown enum value', { structure_type: 'wood' }, 'units_structure_type_ck'],
  ])('refuses %s', async (_, overrides, constraint) => {
    expect(await refusal(overrides)).toEqual({ code: '23514', constraint });
  });

  it('refuses a duplicate live code in a zone, but allows it once the first is soft-deleted', async () => {
    const unit = await createUnit(t.inject, tree.building.id);
    expect(await refusal({ code: unit.code })).toEqual({
      code: '23505',
      constraint: 'units_zone_code_uq',
    });
    await t.dataSource.query('UPDATE units SET deleted_at = now() WHERE id = $1', [unit.id]);
    await expect(insertUnit({ code: unit.code })).resolves.toBeDefined();
  });

  it('cannot shrink a building below its units’ floors (cascade hits the check)', async () => {
    await createUnit(t.inject, tree.building.id, { floorFrom: 3, floorTo: 3 });
    await expect(
      t.dataSource.query('UPDATE buildings SET floors = 2 WHERE id = $1', [tree.building.id]),
    ).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'units_floors_ck' },
    });
  });

  it('has entities that match the migrated schema exactly (empty schema diff)', async () => {
    const { upQueries } = await t.dataSource.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });
});
