/**
 * The dossier API against a real, migrated PostgreSQL: every invariant refused with 400 naming
 * the field (and nothing stored), ids, versions, codes, history and localisation.
 */
import { randomUUID } from 'node:crypto';
import { todayInChina } from '@factoryspace/domain';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import {
  createBuilding,
  createDossierTree,
  createUnit,
  unitPayload,
  type Dossier,
} from '../factories/dossier.factory';

type Json = Record<string, unknown>;
interface Issue {
  field: string;
  code: string;
  message: string;
}

const tomorrow = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 86_400_000)
  .toISOString()
  .slice(0, 10);

describe('units API (integration)', () => {
  let t: TestApp;
  let tree: Dossier;

  beforeAll(async () => {
    t = await createTestApp({ as: 'super_admin' });
    tree = await createDossierTree(t.inject);
  });
  afterAll(async () => {
    await t?.close();
  });

  const counts = async (): Promise<{ units: number; history: number }> => {
    const [row] = await t.dataSource.query(
      'SELECT (SELECT count(*) FROM units)::int AS units, (SELECT count(*) FROM unit_history)::int AS history',
    );
    return row as { units: number; history: number };
  };
  const issuesOf = (body: Json): [string, string][] =>
    ((body.details as Issue[]) ?? []).map((issue) => [issue.field, issue.code]);
  const getUnit = (id: string) => t.inject({ method: 'GET', url: `/api/v1/units/${id}` });
  const patchUnit = (id: string, payload: Json, headers: Record<string, string> = {}) =>
    t.inject({ method: 'PATCH', url: `/api/v1/units/${id}`, payload, headers });
  const historyOf = async (id: string): Promise<Json[]> =>
    (await t.inject({ method: 'GET', url: `/api/v1/units/${id}/history?limit=200` })).json()
      .items as Json[];

  // [what, body overrides, expected field, expected issue code]
  const invalidBodies: [string, Json, string, string][] = [
    [
      'usable area above gross area',
      { grossArea: 3000, usableArea: 3000.01 },
      'usableArea',
      'usable_exceeds_gross',
    ],
    [
      'a floor beyond the building’s floors',
      { floorFrom: 2, floorTo: 4 },
      'floorTo',
      'floor_exceeds_building',
    ],
    ['floorFrom above floorTo', { floorFrom: 3, floorTo: 2 }, 'floorFrom', 'floor_order'],
    ['zero floor load', { floorLoadKnM2: 0 }, 'floorLoadKnM2', 'out_of_range'],
    ['negative floor load', { floorLoadKnM2: -5 }, 'floorLoadKnM2', 'out_of_range'],
    ['zero floor height', { floorHeightM: 0 }, 'floorHeightM', 'out_of_range'],
    ['negative floor height', { floorHeightM: -3 }, 'floorHeightM', 'out_of_range'],
    ['zero gross area', { grossArea: 0, usableArea: null }, 'grossArea', 'out_of_range'],
    ['vacantSince in the future', { vacantSince: tomorrow }, 'vacantSince', 'date_in_future'],
    ['an impossible vacantSince', { vacantSince: '2023-02-30' }, 'vacantSince', 'invalid_date'],
    ['vacant without vacantSince', { vacantSince: null }, 'vacantSince', 'required'],
    ['latitude 91', { latitude: 91 }, 'latitude', 'out_of_range'],
    ['longitude 181', { longitude: 181 }, 'longitude', 'out_of_range'],
    ['an unknown structure type', { structureType: 'wood' }, 'structureType', 'invalid_choice'],
    [
      'an unknown occupancy status',
      { occupancyStatus: 'sold' },
      'occupancyStatus',
      'invalid_choice',
    ],
    [
      'an unknown industry',
      { suitableIndustries: ['mining'] },
      'suitableIndustries',
      'invalid_choice',
    ],
    [
      'general without classReason',
      { unitClass: 'general', classReason: null },
      'classReason',
      'reason_required',
    ],
    [
      'difficult with a blank classReason',
      { unitClass: 'difficult', classReason: '   ' },
      'classReason',
      'reason_required',
    ],
    ['a string for a number', { grossArea: '3000' }, 'grossArea', 'not_a_number'],
    ['a fraction for an integer', { floorTo: 1.5 }, 'floorTo', 'not_integer'],
    ['a string for a boolean', { hasWater: 'yes' }, 'hasWater', 'not_boolean'],
    ['a number for a string', { name: 42 }, 'name', 'not_a_string'],
    ['an oversized name', { name: '厂'.repeat(121) }, 'name', 'too_long'],
    ['an oversized description', { description: 'x'.repeat(4001) }, 'description', 'too_long'],
    ['a code with spaces', { code: 'HX A1' }, 'code', 'invalid_format'],
    ['an oversized code', { code: 'A'.repeat(33) }, 'code', 'too_long'],
    ['a malformed phone', { contactPhone: 'call me' }, 'contactPhone', 'invalid_format'],
    [
      'duplicate industries',
      { suitableIndustries: ['food_processing', 'food_processing'] },
      'suitableIndustries',
      'duplicate_items',
    ],
    [
      'a footprint of two points',
      {
        footprint: [
          [112.9, 35.8],
          [112.91, 35.8],
        ],
      },
      'footprint',
      'polygon_invalid',
    ],
    ['a zoneId (derived from the building)', { zoneId: randomUUID() }, 'zoneId', 'unknown_field'],
    ['a parkId (derived from the building)', { parkId: randomUUID() }, 'parkId', 'unknown_field'],
    ['an unknown field', { colour: 'red' }, 'colour', 'unknown_field'],
  ];

  describe('create', () => {
    it('stores a dossier with zone, park and floors taken from the building', async () => {
      const unit = await createUnit(t.inject, tree.building.id, {
        grossArea: 1234.567,
        usableArea: 1000.004,
      });
      expect(unit).toMatchObject({
        zoneId: tree.zone.id,
        parkId: tree.park.id,
        buildingId: tree.building.id,
        buildingFloors: 3,
        parkName: tree.park.name,
        buildingName: tree.building.name,
        grossArea: 1234.57,
        usableArea: 1000,
        version: 1,
      });
      expect(typeof unit.idleDays).toBe('number');
      const got = await getUnit(unit.id);
      expect(got.statusCode).toBe(200);
      expect(got.json()).toEqual(unit);
    });

    it.each(invalidBodies)(
      'refuses %s with 400 naming the field, storing nothing',
      async (_, overrides, field, code) => {
        const before = await counts();
        const res = await t.inject({
          method: 'POST',
          url: '/api/v1/units',
          payload: unitPayload(tree.building.id, overrides),
        });
        expect(res.statusCode).toBe(400);
        const body = res.json() as Json;
        expect(body.code).toBe('VALIDATION_FAILED');
        expect(issuesOf(body)).toContainEqual([field, code]);
        expect(await counts()).toEqual(before);
      },
    );

    it('refuses a missing required field as required', async () => {
      const payload = unitPayload(tree.building.id);
      delete payload.grossArea;
      const res = await t.inject({ method: 'POST', url: '/api/v1/units', payload });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toContainEqual(['grossArea', 'required']);
    });

    it('reports every failing rule at once', async () => {
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: unitPayload(tree.building.id, {
          grossArea: 100,
          usableArea: 200,
          floorFrom: 3,
          floorTo: 2,
          unitClass: 'general',
          vacantSince: tomorrow,
        }),
      });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toEqual(
        expect.arrayContaining([
          ['usableArea', 'usable_exceeds_gross'],
          ['floorFrom', 'floor_order'],
          ['classReason', 'reason_required'],
          ['vacantSince', 'date_in_future'],
        ]),
      );
    });

    it('accepts general and difficult units that give a reason', async () => {
      const unit = await createUnit(t.inject, tree.building.id, {
        unitClass: 'general',
        classReason: '消防需整改',
      });
      expect(unit.unitClass).toBe('general');
    });

    it('404s for a building that does not exist and stores nothing', async () => {
      const before = await counts();
      const res = await t.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: unitPayload(randomUUID()),
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('BUILDING_NOT_FOUND');
      expect(await counts()).toEqual(before);
    });

    it('refuses a code already used in the zone (409 UNIT_CODE_TAKEN), but not in another zone', async () => {
      const first = await createUnit(t.inject, tree.building.id);
      const before = await counts();
      const clash = await t.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: unitPayload(tree.building.id, { code: first.code }),
      });
      expect(clash.statusCode).toBe(409);
      expect(clash.json().code).toBe('UNIT_CODE_TAKEN');
      expect(await counts()).toEqual(before);

      const other = await createDossierTree(t.inject);
      const elsewhere = await createUnit(t.inject, other.building.id, { code: first.code });
      expect(elsewhere.code).toBe(first.code);
    });
  });

  describe('update', () => {
    let unit: Json & { id: string; version: number; code: string };
    beforeEach(async () => {
      unit = await createUnit(t.inject, tree.building.id, {
        grossArea: 3200.5,
        usableArea: 3000,
        floorFrom: 1,
        floorTo: 1,
      });
    });

    // PATCH bodies merged onto the unit above (gross 3200.5, floors 1–1 of 3, quality, vacant).
    const invalidPatches: [string, Json, string, string][] = [
      [
        'usable area above the stored gross area',
        { usableArea: 3300 },
        'usableArea',
        'usable_exceeds_gross',
      ],
      [
        'gross area below the stored usable area',
        { grossArea: 2000 },
        'usableArea',
        'usable_exceeds_gross',
      ],
      ['floorTo beyond the building', { floorTo: 4 }, 'floorTo', 'floor_exceeds_building'],
      ['floorFrom above the stored floorTo', { floorFrom: 2 }, 'floorFrom', 'floor_order'],
      ['zero floor load', { floorLoadKnM2: 0 }, 'floorLoadKnM2', 'out_of_range'],
      ['negative floor height', { floorHeightM: -1 }, 'floorHeightM', 'out_of_range'],
      ['vacantSince in the future', { vacantSince: tomorrow }, 'vacantSince', 'date_in_future'],
      ['clearing vacantSince of a vacant unit', { vacantSince: null }, 'vacantSince', 'required'],
      ['latitude 91', { latitude: 91 }, 'latitude', 'out_of_range'],
      ['longitude 181', { longitude: -181 }, 'longitude', 'out_of_range'],
      ['a bad enum', { unitClass: 'excellent' }, 'unitClass', 'invalid_choice'],
      ['general without a reason', { unitClass: 'general' }, 'classReason', 'reason_required'],
      ['a string for a number', { floorLoadKnM2: '35' }, 'floorLoadKnM2', 'not_a_number'],
      ['an oversized name', { name: 'x'.repeat(121) }, 'name', 'too_long'],
      ['a zoneId', { zoneId: tree?.zone?.id ?? randomUUID() }, 'zoneId', 'unknown_field'],
      ['an unknown field', { idleDays: 3 }, 'idleDays', 'unknown_field'],
    ];

    it.each(invalidPatches)(
      'refuses %s with 400 naming the field, changing nothing',
      async (_, patch, field, code) => {
        const before = await counts();
        const res = await patchUnit(unit.id, { version: unit.version, ...patch });
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
        expect(issuesOf(res.json())).toContainEqual([field, code]);
        expect((await getUnit(unit.id)).json()).toEqual(unit);
        expect(await counts()).toEqual(before);
      },
    );

    it('requires the version', async () => {
      const res = await patchUnit(unit.id, { name: 'x' });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toContainEqual(['version', 'required']);
    });

    it('refuses null for a required field', async () => {
      const res = await patchUnit(unit.id, { version: unit.version, grossArea: null });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json()).map(([field]) => field)).toContain('grossArea');
    });

    it('merges the change, bumps the version and records exactly the changed fields', async () => {
      const res = await patchUnit(unit.id, {
        version: unit.version,
        floorLoadKnM2: 35,
        name: unit.name, // unchanged: not recorded
        hasFibre: true,
        suitableIndustries: ['food_processing', 'biomedicine'],
      });
      expect(res.statusCode).toBe(200);
      const updated = res.json() as Json;
      expect(updated).toMatchObject({
        version: 2,
        floorLoadKnM2: 35,
        hasFibre: true,
        grossArea: 3200.5,
      });
      const history = await historyOf(unit.id);
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({
        action: 'update',
        version: 2,
        source: 'api',
        unitId: unit.id,
      });
      expect(history[0].changes).toEqual([
        { field: 'floorLoadKnM2', before: 30, after: 35 },
        { field: 'hasFibre', before: false, after: true },
        {
          field: 'suitableIndustries',
          before: ['food_processing'],
          after: ['food_processing', 'biomedicine'],
        },
      ]);
    });

    it('records a create entry with every set field, before null', async () => {
      const [created] = await historyOf(unit.id);
      expect(created).toMatchObject({ action: 'create', version: 1, source: 'api' });
      const changes = created.changes as { field: string; before: unknown; after: unknown }[];
      expect(changes).toContainEqual({ field: 'grossArea', before: null, after: 3200.5 });
      expect(changes).toContainEqual({
        field: 'buildingId',
        before: null,
        after: tree.building.id,
      });
      expect(changes.every((change) => change.before === null && change.after !== null)).toBe(true);
    });

    it('records an occupancy change as status_change', async () => {
      const res = await patchUnit(unit.id, {
        version: 1,
        occupancyStatus: 'leased',
        vacantSince: null,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        occupancyStatus: 'leased',
        vacantSince: null,
        idleDays: null,
      });
      const [latest] = await historyOf(unit.id);
      expect(latest.action).toBe('status_change');
      expect(latest.changes).toEqual([
        { field: 'occupancyStatus', before: 'vacant', after: 'leased' },
        { field: 'vacantSince', before: '2023-06-01', after: null },
      ]);
    });

    it('a PATCH that changes nothing records nothing and keeps the version', async () => {
      const before = await counts();
      const res = await patchUnit(unit.id, {
        version: 1,
        grossArea: 3200.5,
        floorLoadKnM2: 30.0,
        suitableIndustries: ['food_processing'],
        code: unit.code,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(unit);
      expect(await counts()).toEqual(before);
    });

    it('refuses a stale version with 409 VERSION_CONFLICT carrying the current version', async () => {
      expect((await patchUnit(unit.id, { version: 1, name: 'first' })).statusCode).toBe(200);
      const before = await counts();
      const stale = await patchUnit(unit.id, { version: 1, name: 'second' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { currentVersion: 2 },
      });
      expect((await getUnit(unit.id)).json().name).toBe('first');
      expect(await counts()).toEqual(before);
    });

    it('lets exactly one of two concurrent PATCHes on the same version win', async () => {
      const results = await Promise.all([
        patchUnit(unit.id, { version: 1, name: 'left' }),
        patchUnit(unit.id, { version: 1, name: 'right' }),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.statusCode === 200)!.json() as Json;
      const stored = (await getUnit(unit.id)).json() as Json;
      expect(stored).toMatchObject({ name: winner.name, version: 2 });
      expect((await historyOf(unit.id)).map((h) => h.action)).toEqual(['update', 'create']);
    });

    it('refuses a code used by another unit of the zone', async () => {
      const other = await createUnit(t.inject, tree.building.id);
      const res = await patchUnit(unit.id, { version: 1, code: other.code });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('UNIT_CODE_TAKEN');
      expect((await getUnit(unit.id)).json().version).toBe(1);
    });

    it('moves to another building, re-deriving park, zone and floors', async () => {
      const other = await createDossierTree(t.inject, { floors: 1 });
      const res = await patchUnit(unit.id, { version: 1, buildingId: other.building.id });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        buildingId: other.building.id,
        parkId: other.park.id,
        zoneId: other.zone.id,
        buildingFloors: 1,
      });
      const [latest] = await historyOf(unit.id);
      expect(latest.changes).toEqual([
        { field: 'buildingId', before: tree.building.id, after: other.building.id },
      ]);
    });

    it('refuses a move to a building with too few floors', async () => {
      const high = await createUnit(t.inject, tree.building.id, { floorFrom: 3, floorTo: 3 });
      const low = await createBuilding(t.inject, tree.park.id, { floors: 2 });
      const res = await patchUnit(high.id, { version: 1, buildingId: low.id });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toEqual(
        expect.arrayContaining([
          ['floorFrom', 'floor_exceeds_building'],
          ['floorTo', 'floor_exceeds_building'],
        ]),
      );
    });
  });

  describe('delete', () => {
    it('soft-deletes with the version: 404 afterwards, gone from lists, code free, history kept', async () => {
      const unit = await createUnit(t.inject, tree.building.id);
      const stale = await t.inject({ method: 'DELETE', url: `/api/v1/units/${unit.id}?version=7` });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'VERSION_CONFLICT',
        details: { currentVersion: 1 },
      });

      const res = await t.inject({ method: 'DELETE', url: `/api/v1/units/${unit.id}?version=1` });
      expect(res.statusCode).toBe(204);
      expect((await getUnit(unit.id)).statusCode).toBe(404);
      expect((await patchUnit(unit.id, { version: 2, name: 'x' })).statusCode).toBe(404);
      const list = await t.inject({
        method: 'GET',
        url: `/api/v1/units?buildingId=${tree.building.id}&limit=200`,
      });
      expect((list.json().items as Json[]).map((u) => u.id)).not.toContain(unit.id);
      const [row] = await t.dataSource.query('SELECT deleted_at FROM units WHERE id = $1', [
        unit.id,
      ]);
      expect(row.deleted_at).not.toBeNull();

      const history = await historyOf(unit.id);
      expect(history.map((h) => h.action)).toEqual(['delete', 'create']);
      expect(history[0]).toMatchObject({ version: 2, changes: [] });

      const again = await createUnit(t.inject, tree.building.id, { code: unit.code });
      expect(again.code).toBe(unit.code);
    });

    it('requires ?version=', async () => {
      const unit = await createUnit(t.inject, tree.building.id);
      const res = await t.inject({ method: 'DELETE', url: `/api/v1/units/${unit.id}` });
      expect(res.statusCode).toBe(400);
      expect(issuesOf(res.json())).toContainEqual(['version', 'required']);
    });
  });

  describe('ids and missing rows', () => {
    it.each([
      ['GET', '/api/v1/units/not-a-uuid'],
      ['GET', '/api/v1/units/123/history'],
      ['PATCH', "/api/v1/units/1' OR '1'='1"],
      ['DELETE', '/api/v1/units/abc?version=1'],
      ['GET', '/api/v1/zones/zz'],
      ['GET', '/api/v1/zones/zz/map'],
      ['GET', '/api/v1/parks/1'],
      ['GET', '/api/v1/buildings/1'],
    ])('%s %s → 400 INVALID_ID', async (method, url) => {
      const res = await t.inject({
        method: method as 'GET',
        url,
        payload: method === 'PATCH' ? { version: 1 } : undefined,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('INVALID_ID');
    });

    it.each([
      ['GET', '', 'UNIT_NOT_FOUND'],
      ['GET', '/history', 'UNIT_NOT_FOUND'],
      ['PATCH', '', 'UNIT_NOT_FOUND'],
      ['DELETE', '?version=1', 'UNIT_NOT_FOUND'],
    ])('%s a missing unit%s → 404', async (method, suffix, code) => {
      const res = await t.inject({
        method: method as 'GET',
        url: `/api/v1/units/${randomUUID()}${suffix}`,
        payload: method === 'PATCH' ? { version: 1, name: 'x' } : undefined,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe(code);
    });
  });

  describe('Accept-Language', () => {
    it('localises error messages and field messages', async () => {
      const url = `/api/v1/units/${randomUUID()}`;
      const en = await t.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      });
      const zh = await t.inject({ method: 'GET', url, headers: { 'accept-language': 'zh-CN' } });
      expect(en.json()).toMatchObject({ code: 'UNIT_NOT_FOUND', message: 'Unit not found' });
      expect(zh.json()).toMatchObject({ code: 'UNIT_NOT_FOUND', message: '厂房档案不存在' });

      const payload = unitPayload(tree.building.id, { grossArea: 100, usableArea: 200 });
      const enBad = await t.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload,
        headers: { 'accept-language': 'en' },
      });
      const zhBad = await t.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload,
        headers: { 'accept-language': 'zh-CN' },
      });
      const enIssue = (enBad.json().details as Issue[]).find((i) => i.field === 'usableArea')!;
      const zhIssue = (zhBad.json().details as Issue[]).find((i) => i.field === 'usableArea')!;
      expect(enIssue.message).toBe('Usable area cannot exceed gross area');
      expect(zhIssue.message).toBe('使用面积不能大于建筑面积');
      expect(enBad.json().message).not.toBe(zhBad.json().message);
    });
  });
});
