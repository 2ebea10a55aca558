/**
 * unit_map_cells (migration 1763971300000-map-cells) always equals the units on the market summed
 * per 0.01° cell, whatever the writes: create, lease, move, resize, unlist, delete, bulk SQL.
 */
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { createDossierTree, createUnit, type Dossier } from '../factories/dossier.factory';

interface Cell {
  cx: number;
  cy: number;
  units: number;
  area: string;
}

describe('map cells (integration)', () => {
  let t: TestApp;
  let tree: Dossier;

  beforeAll(async () => {
    t = await createTestApp({ as: 'super_admin' });
    tree = await createDossierTree(t.inject, { floors: 6 });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function kept(): Promise<Cell[]> {
    return t.dataSource.query(
      `SELECT cx, cy, units, round(gross_area, 2)::text AS area FROM unit_map_cells
        WHERE units > 0 ORDER BY cx, cy`,
    );
  }

  async function recomputed(): Promise<Cell[]> {
    return t.dataSource.query(
      `SELECT floor(location[0] * 100)::int AS cx, floor(location[1] * 100)::int AS cy,
              count(*)::int AS units, round(sum(gross_area), 2)::text AS area
         FROM units
        WHERE deleted_at IS NULL AND is_listed AND occupancy_status IN ('vacant', 'reserved')
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  }

  async function expectConsistent(): Promise<void> {
    expect(await kept()).toEqual(await recomputed());
  }

  async function patch(id: string, payload: Record<string, unknown>): Promise<void> {
    const current = await t.inject({ method: 'GET', url: `/api/v1/units/${id}` });
    const res = await t.inject({
      method: 'PATCH',
      url: `/api/v1/units/${id}`,
      payload: { version: (current.json() as { version: number }).version, ...payload },
    });
    expect([res.statusCode, res.body]).toEqual([200, expect.any(String)]);
  }

  it('follows every kind of write', async () => {
    const a = await createUnit(t.inject, tree.building.id, {
      latitude: 35.801,
      longitude: 112.921,
    });
    const b = await createUnit(t.inject, tree.building.id, {
      latitude: 35.801,
      longitude: 112.921,
      grossArea: 1000.25,
      usableArea: null,
    });
    const c = await createUnit(t.inject, tree.building.id, { isListed: false });
    await expectConsistent();

    await patch(a.id, { occupancyStatus: 'leased', vacantSince: null, idleReasonCategory: null });
    await expectConsistent();
    await patch(b.id, { latitude: 35.9, longitude: 113.05, grossArea: 2000 });
    await expectConsistent();
    await patch(c.id, { isListed: true });
    await expectConsistent();
    await patch(a.id, { occupancyStatus: 'vacant', vacantSince: '2024-01-01' });
    await expectConsistent();

    const current = await t.inject({ method: 'GET', url: `/api/v1/units/${b.id}` });
    const deleted = await t.inject({
      method: 'DELETE',
      url: `/api/v1/units/${b.id}?version=${(current.json() as { version: number }).version}`,
    });
    expect(deleted.statusCode).toBe(204);
    await expectConsistent();
  });

  it('follows bulk SQL statements and a park rename (a no-op for the cells)', async () => {
    await t.dataSource.query(
      `UPDATE units SET gross_area = gross_area + 1 WHERE building_id = $1`,
      [tree.building.id],
    );
    await expectConsistent();
    const before = await kept();
    await t.dataSource.query(`UPDATE parks SET name = name || '·新' WHERE id = $1`, [tree.park.id]);
    expect(await kept()).toEqual(before);
    await t.dataSource.query(
      `UPDATE units SET occupancy_status = 'unavailable' WHERE building_id = $1`,
      [tree.building.id],
    );
    await expectConsistent();
  });

  it('a country-zoom cluster holding one unit names that unit', async () => {
    const lone = await createDossierTree(t.inject);
    const unit = await createUnit(t.inject, lone.building.id, {
      latitude: 47.123,
      longitude: 88.456,
      name: '阿勒泰孤立厂房',
    });
    // 45 more units far from it, so the view clusters (above POINTS_BELOW) from the map cells.
    await t.dataSource.query(
      `INSERT INTO units (zone_id, park_id, building_id, building_floors, code, name, location,
                          gross_area, floor_from, floor_to, structure_type, floor_height_m,
                          floor_load_kn_m2, fire_safety_status, environmental_status,
                          acceptance_status, unit_class, occupancy_status, vacant_since)
       SELECT zone_id, park_id, building_id, building_floors, 'MC-' || i, '簇' || i,
              point(82.5 + i * 0.001, 42.5), 500, 1, 1, 'steel', 6, 10, 'passed', 'approved',
              'accepted', 'quality', 'vacant', DATE '2024-01-01'
         FROM units, generate_series(1, 45) AS i WHERE id = $1`,
      [unit.id],
    );
    const res = await t.anonymous({
      method: 'GET',
      url: '/api/v1/public/units/map?bbox=80,40,95,50&zoom=5',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      clustered: boolean;
      features: { kind: string; unitId: string | null; name: string | null; count: number }[];
    };
    expect(body.clustered).toBe(true);
    expect(body.features.find((f) => f.count === 45)).toMatchObject({ kind: 'cluster' });
    const mine = body.features.find((f) => f.unitId === unit.id);
    expect(mine).toMatchObject({ kind: 'unit', count: 1, name: '阿勒泰孤立厂房' });
  });
});
