/** Zones, parks (incl. 园中园 and GeoJSON boundaries), buildings and the zone map, on real PostgreSQL. */
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import {
  buildingPayload,
  createBuilding,
  createDossierTree,
  createPark,
  createUnit,
  createZone,
  parkPayload,
  zonePayload,
} from '../factories/dossier.factory';

type Json = Record<string, unknown>;
const issuesOf = (body: Json): [string, string][] =>
  ((body.details as { field: string; code: string }[]) ?? []).map((d) => [d.field, d.code]);

describe('zones, parks and buildings (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ as: 'super_admin' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('zones', () => {
    it('creates, reads, patches with version and deletes', async () => {
      const zone = await createZone(t.inject, { center: null });
      expect(zone).toMatchObject({ version: 1, center: null, platformCompany: '恒通集团' });
      const patched = await t.inject({
        method: 'PATCH',
        url: `/api/v1/zones/${zone.id}`,
        payload: { version: 1, center: { latitude: 35.8, longitude: 112.92 }, nameEn: null },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        version: 2,
        center: { latitude: 35.8, longitude: 112.92 },
        nameEn: null,
      });

      const noop = await t.inject({
        method: 'PATCH',
        url: `/api/v1/zones/${zone.id}`,
        payload: { version: 2, name: zone.name },
      });
      expect(noop.json().version).toBe(2);

      const stale = await t.inject({
        method: 'PATCH',
        url: `/api/v1/zones/${zone.id}`,
        payload: { version: 1, name: 'x' },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { currentVersion: 2 },
      });

      expect(
        (await t.inject({ method: 'DELETE', url: `/api/v1/zones/${zone.id}?version=2` }))
          .statusCode,
      ).toBe(204);
      const gone = await t.inject({ method: 'GET', url: `/api/v1/zones/${zone.id}` });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().code).toBe('ZONE_NOT_FOUND');
    });

    it.each([
      ['an upper-case code', { code: 'Gaoping' }, 'code', 'invalid_format'],
      ['a blank name', { name: '   ' }, 'name', 'invalid_format'],
      [
        'latitude 91 in the center',
        { center: { latitude: 91, longitude: 112 } },
        'center.latitude',
        'out_of_range',
      ],
      ['an unknown field', { admin: true }, 'admin', 'unknown_field'],
      [
        'a too long platform company',
        { platformCompany: 'x'.repeat(121) },
        'platformCompany',
        'too_long',
      ],
    ])('refuses %s', async (_, overrides, field, code) => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/zones',
        payload: zonePayload(overrides),
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toContainEqual([field, code]);
    });

    it('refuses a duplicate code with 409 ZONE_CODE_TAKEN', async () => {
      const zone = await createZone(t.inject);
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/zones',
        payload: zonePayload({ code: zone.code }),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ZONE_CODE_TAKEN');
    });

    it('refuses to delete a zone with parks (409 ZONE_IN_USE)', async () => {
      const { zone } = await createDossierTree(t.inject);
      const res = await t.inject({ method: 'DELETE', url: `/api/v1/zones/${zone.id}?version=1` });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('ZONE_IN_USE');
    });

    it('lists with q, sort and cursor', async () => {
      for (let i = 0; i < 3; i++) await createZone(t.inject, { name: `列表测试 ${i}` });
      const first = await t.inject({
        method: 'GET',
        url: `/api/v1/zones?q=${encodeURIComponent('列表测试')}&sort=-name&limit=2`,
      });
      const body = first.json() as { items: Json[]; nextCursor: string; total: Json };
      expect(body.total).toEqual({ value: 3, exact: true });
      expect(body.items.map((z) => z.name)).toEqual(['列表测试 2', '列表测试 1']);
      const second = await t.inject({
        method: 'GET',
        url: `/api/v1/zones?q=${encodeURIComponent('列表测试')}&sort=-name&limit=2&cursor=${body.nextCursor}`,
      });
      expect((second.json().items as Json[]).map((z) => z.name)).toEqual(['列表测试 0']);
      expect(second.json().nextCursor).toBeNull();
    });
  });

  describe('parks', () => {
    it('stores a GeoJSON boundary as a polygon and returns it closed', async () => {
      const zone = await createZone(t.inject);
      const open = [
        [112.9, 35.79],
        [112.94, 35.79],
        [112.94, 35.81],
      ];
      const park = await createPark(t.inject, zone.id, {
        boundary: { type: 'Polygon', coordinates: [open] },
      });
      expect(park.boundary).toEqual({ type: 'Polygon', coordinates: [[...open, open[0]]] });
      const [row] = await t.dataSource.query(
        'SELECT boundary::text AS b FROM parks WHERE id = $1',
        [park.id],
      );
      expect(row.b).toBe('((112.9,35.79),(112.94,35.79),(112.94,35.81))');

      const cleared = await t.inject({
        method: 'PATCH',
        url: `/api/v1/parks/${park.id}`,
        payload: { version: 1, boundary: null },
      });
      expect(cleared.json()).toMatchObject({ boundary: null, version: 2 });
    });

    it.each([
      [
        'a ring of two points',
        {
          type: 'Polygon',
          coordinates: [
            [
              [1, 1],
              [2, 2],
            ],
          ],
        },
      ],
      ['a point', { type: 'Point', coordinates: [1, 1] }],
      [
        'a bare ring',
        [
          [1, 1],
          [2, 1],
          [2, 2],
        ],
      ],
      [
        'out-of-range longitudes',
        {
          type: 'Polygon',
          coordinates: [
            [
              [200, 1],
              [2, 1],
              [2, 2],
            ],
          ],
        },
      ],
    ])('refuses %s as boundary (polygon_invalid)', async (_, boundary) => {
      const zone = await createZone(t.inject);
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/parks',
        payload: parkPayload(zone.id, { boundary }),
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toContainEqual(['boundary', 'polygon_invalid']);
    });

    it('creates a park within a park from its parent (zone derived, zoneId refused)', async () => {
      const zone = await createZone(t.inject);
      const parent = await createPark(t.inject, zone.id);
      const child = await t.inject({
        method: 'POST',
        url: '/api/v1/parks',
        payload: parkPayload(undefined, { kind: 'park_in_park', parentParkId: parent.id }),
      });
      expect(child.statusCode).toBe(201);
      expect(child.json()).toMatchObject({
        zoneId: zone.id,
        parentParkId: parent.id,
        kind: 'park_in_park',
      });

      const withZone = await t.inject({
        method: 'POST',
        url: '/api/v1/parks',
        payload: parkPayload(zone.id, { kind: 'park_in_park', parentParkId: parent.id }),
      });
      expect(withZone.statusCode).toBe(400);
      expect(issuesOf(withZone.json())).toContainEqual(['zoneId', 'unknown_field']);

      const orphan = await t.inject({
        method: 'POST',
        url: '/api/v1/parks',
        payload: parkPayload(zone.id, { kind: 'park_in_park' }),
      });
      expect(orphan.statusCode).toBe(400);
      expect(issuesOf(orphan.json())).toContainEqual(['parentParkId', 'required']);

      const blocked = await t.inject({
        method: 'DELETE',
        url: `/api/v1/parks/${parent.id}?version=1`,
      });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().code).toBe('PARK_IN_USE');

      const cycle = await t.inject({
        method: 'PATCH',
        url: `/api/v1/parks/${parent.id}`,
        payload: { version: 1, parentParkId: (child.json() as Json).id },
      });
      expect(cycle.statusCode).toBe(400);
    });

    it('filters by zone and kind; 409 on a duplicate code in the zone', async () => {
      const zone = await createZone(t.inject);
      const park = await createPark(t.inject, zone.id);
      const list = await t.inject({
        method: 'GET',
        url: `/api/v1/parks?zoneId=${zone.id}&kind=park`,
      });
      expect((list.json().items as Json[]).map((p) => p.id)).toEqual([park.id]);
      const dup = await t.inject({
        method: 'POST',
        url: '/api/v1/parks',
        payload: parkPayload(zone.id, { code: park.code }),
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe('PARK_CODE_TAKEN');
      const missingZone = await t.inject({
        method: 'POST',
        url: '/api/v1/parks',
        payload: parkPayload(randomUUID()),
      });
      expect(missingZone.statusCode).toBe(404);
      expect(missingZone.json().code).toBe('ZONE_NOT_FOUND');
    });
  });

  describe('buildings', () => {
    it('takes its zone from the park and refuses zoneId in the body', async () => {
      const zone = await createZone(t.inject);
      const park = await createPark(t.inject, zone.id);
      const building = await createBuilding(t.inject, park.id);
      expect(building).toMatchObject({
        zoneId: zone.id,
        parkId: park.id,
        parkName: park.name,
        floors: 3,
      });
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/buildings',
        payload: buildingPayload(park.id, { zoneId: zone.id }),
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toContainEqual(['zoneId', 'unknown_field']);
    });

    it('cannot lose floors its units use (409 BUILDING_FLOORS_IN_USE), can gain them', async () => {
      const tree = await createDossierTree(t.inject);
      const unit = await createUnit(t.inject, tree.building.id, { floorFrom: 2, floorTo: 3 });
      const shrink = await t.inject({
        method: 'PATCH',
        url: `/api/v1/buildings/${tree.building.id}`,
        payload: { version: 1, floors: 2 },
      });
      expect(shrink.statusCode).toBe(409);
      expect(shrink.json()).toMatchObject({
        code: 'BUILDING_FLOORS_IN_USE',
        details: { highestUnitFloor: 3 },
      });

      const grow = await t.inject({
        method: 'PATCH',
        url: `/api/v1/buildings/${tree.building.id}`,
        payload: { version: 1, floors: 5 },
      });
      expect(grow.statusCode).toBe(200);
      const after = await t.inject({ method: 'GET', url: `/api/v1/units/${unit.id}` });
      expect(after.json().buildingFloors).toBe(5);
    });

    it('refuses to delete a building with units (409 BUILDING_IN_USE) and deletes an empty one', async () => {
      const tree = await createDossierTree(t.inject);
      await createUnit(t.inject, tree.building.id);
      const blocked = await t.inject({
        method: 'DELETE',
        url: `/api/v1/buildings/${tree.building.id}?version=1`,
      });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().code).toBe('BUILDING_IN_USE');
      const empty = await createBuilding(t.inject, tree.park.id);
      expect(
        (await t.inject({ method: 'DELETE', url: `/api/v1/buildings/${empty.id}?version=1` }))
          .statusCode,
      ).toBe(204);
    });

    it('refuses floors out of range and a missing park', async () => {
      const { park } = await createDossierTree(t.inject);
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/buildings',
        payload: buildingPayload(park.id, { floors: 0 }),
      });
      expect(issuesOf(res.json())).toContainEqual(['floors', 'out_of_range']);
      const missing = await t.inject({
        method: 'POST',
        url: '/api/v1/buildings',
        payload: buildingPayload(randomUUID()),
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('PARK_NOT_FOUND');
    });
  });

  describe('zone map', () => {
    it('returns park polygons and unit points of the zone only, without deleted units', async () => {
      const tree = await createDossierTree(t.inject);
      await createPark(t.inject, tree.zone.id, { boundary: null });
      const kept = await createUnit(t.inject, tree.building.id, {
        latitude: 35.81,
        longitude: 112.93,
        grossArea: 1500,
        usableArea: null,
      });
      const removed = await createUnit(t.inject, tree.building.id);
      await t.inject({ method: 'DELETE', url: `/api/v1/units/${removed.id}?version=1` });
      const other = await createDossierTree(t.inject);
      await createUnit(t.inject, other.building.id);

      const res = await t.inject({ method: 'GET', url: `/api/v1/zones/${tree.zone.id}/map` });
      expect(res.statusCode).toBe(200);
      const map = res.json() as {
        parks: { type: string; features: Json[] };
        units: { type: string; features: Json[] };
      };
      expect(map.parks.type).toBe('FeatureCollection');
      expect(map.parks.features).toHaveLength(1);
      expect(map.parks.features[0]).toMatchObject({
        type: 'Feature',
        geometry: { type: 'Polygon' },
        properties: { id: tree.park.id, code: tree.park.code, kind: 'park' },
      });
      expect(map.units.features).toEqual([
        {
          type: 'Feature',
          id: kept.id,
          geometry: { type: 'Point', coordinates: [112.93, 35.81] },
          properties: {
            id: kept.id,
            code: kept.code,
            name: kept.name,
            unitClass: 'quality',
            occupancyStatus: 'vacant',
            grossArea: 1500,
            parkId: tree.park.id,
          },
        },
      ]);
      const missing = await t.inject({ method: 'GET', url: `/api/v1/zones/${randomUUID()}/map` });
      expect(missing.statusCode).toBe(404);
    });
  });
});
