/**
 * Firm users' favourites and saved searches on a real PostgreSQL (issue #4), and the saved-search
 * alert job: a unit that comes onto the market and matches a saved search is mailed (through the
 * outbox) exactly once to the search's owner.
 */
import { MAX_FAVOURITES, MAX_SAVED_SEARCHES } from '../../src/modules/market/market.errors';
import { SavedSearchAlertsService } from '../../src/modules/market/saved-search-alerts.service';
import { STAFF_ONLY_UNIT_FIELDS } from '../../src/modules/units/dto/public-unit.dto';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import type { TestSession } from '../utils/sign-in';
import {
  createBuilding,
  createPark,
  createUnit,
  createZone,
  nextId,
} from '../factories/dossier.factory';

type Json = Record<string, unknown>;
type Inject = TestApp['inject'];
type Firm = TestSession & { inject: Inject };

interface Favourite {
  unitId: string;
  addedAt: string;
  unit: (Json & { id: string }) | null;
}
interface SavedSearch {
  id: string;
  name: string;
  query: string;
  alertsEnabled: boolean;
  lastAlertedAt: string | null;
  createdAt: string;
}

describe('favourites and saved searches (integration)', () => {
  let t: TestApp;
  let zoneId: string;
  let buildingId: string;
  let alerts: SavedSearchAlertsService;

  /** A unit on the market in this file's zone (food processing unless told otherwise). */
  const newUnit = async (overrides: Json = {}) =>
    createUnit(t.inject, buildingId, {
      name: `收藏测试厂房 ${nextId()}`,
      usableArea: null,
      suitableIndustries: ['food_processing'],
      ...overrides,
    });
  const leased = { occupancyStatus: 'leased', vacantSince: null, idleReasonCategory: null };
  const setOccupancy = (id: string, status: 'leased' | 'vacant') =>
    t.dataSource.query(
      `UPDATE units SET occupancy_status = $2,
              vacant_since = CASE WHEN $2 = 'vacant' THEN DATE '2024-01-01' END
        WHERE id = $1`,
      [id, status],
    );

  const firmUser = (options: { firmId?: string } = {}): Promise<Firm> =>
    t.signIn({ role: 'firm', ...options });

  beforeAll(async () => {
    t = await createTestApp({
      as: 'super_admin',
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const zone = await createZone(t.inject, { name: `收藏测试开发区 ${nextId()}` });
    zoneId = zone.id;
    const park = await createPark(t.inject, zone.id, { name: '收藏测试产业园' });
    buildingId = (await createBuilding(t.inject, park.id, { floors: 3 })).id;
    alerts = t.app.get(SavedSearchAlertsService);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('favourites', () => {
    const list = async (user: Firm): Promise<Favourite[]> => {
      const res = await user.inject({ method: 'GET', url: '/api/v1/firms/me/favourites' });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: Favourite[] }).items;
    };
    const put = (user: Firm, unitId: string) =>
      user.inject({ method: 'PUT', url: `/api/v1/firms/me/favourites/${unitId}` });
    const remove = (user: Firm, unitId: string) =>
      user.inject({ method: 'DELETE', url: `/api/v1/firms/me/favourites/${unitId}` });

    it('are for firm users only', async () => {
      const unit = await newUnit();
      const visitor = await t.anonymous({ method: 'GET', url: '/api/v1/firms/me/favourites' });
      expect([visitor.statusCode, visitor.json().code]).toEqual([401, 'NOT_AUTHENTICATED']);
      for (const role of ['staff', 'zone_admin', 'super_admin'] as const) {
        const user = await t.signIn({ role });
        const res = await put(user as Firm, unit.id);
        expect({ role, status: res.statusCode, code: res.json().code }).toEqual({
          role,
          status: 403,
          code: 'FORBIDDEN',
        });
      }
    });

    it('add, list (newest first, public card fields only), add again, remove', async () => {
      const user = await firmUser();
      const a = await newUnit();
      const b = await newUnit({ suitableIndustries: ['electronics'] });
      expect(await list(user)).toEqual([]);

      expect((await put(user, a.id)).statusCode).toBe(204);
      expect((await put(user, b.id)).statusCode).toBe(204);
      // Idempotent: a second add neither fails nor duplicates nor moves it.
      expect((await put(user, a.id)).statusCode).toBe(204);

      const items = await list(user);
      expect(items.map((f) => f.unitId)).toEqual([b.id, a.id]);
      for (const f of items) {
        expect(f.unit).toMatchObject({ id: f.unitId, zoneId });
        expect(Date.parse(f.addedAt)).not.toBeNaN();
        for (const field of STAFF_ONLY_UNIT_FIELDS) expect(f.unit).not.toHaveProperty(field);
      }
      expect(items[1].unit).toMatchObject({
        name: a.name,
        suitableIndustries: ['food_processing'],
      });

      expect((await remove(user, a.id)).statusCode).toBe(204);
      expect((await remove(user, a.id)).statusCode).toBe(204); // idempotent too
      expect((await list(user)).map((f) => f.unitId)).toEqual([b.id]);
    });

    it('only a unit on the market can be added: 404 UNIT_NOT_FOUND otherwise', async () => {
      const user = await firmUser();
      const leasedUnit = await newUnit(leased);
      const unlisted = await newUnit({ isListed: false });
      const deleted = await newUnit();
      const del = await t.inject({
        method: 'DELETE',
        url: `/api/v1/units/${deleted.id}?version=${deleted.version}`,
      });
      expect(del.statusCode).toBe(204);
      for (const id of [
        leasedUnit.id,
        unlisted.id,
        deleted.id,
        '00000000-0000-4000-8000-000000000000',
      ]) {
        const res = await put(user, id);
        expect({ id, status: res.statusCode, code: res.json().code }).toEqual({
          id,
          status: 404,
          code: 'UNIT_NOT_FOUND',
        });
      }
      const malformed = await put(user, 'not-a-uuid');
      expect([malformed.statusCode, malformed.json().code]).toEqual([400, 'INVALID_ID']);
      expect(await list(user)).toEqual([]);
    });

    it('a favourite whose unit left the market lists with unit: null (and comes back)', async () => {
      const user = await firmUser();
      const unit = await newUnit();
      expect((await put(user, unit.id)).statusCode).toBe(204);
      await setOccupancy(unit.id, 'leased');
      expect(await list(user)).toEqual([
        { unitId: unit.id, addedAt: expect.any(String), unit: null },
      ]);
      await t.dataSource.query('UPDATE units SET is_listed = false WHERE id = $1', [unit.id]);
      await setOccupancy(unit.id, 'vacant');
      expect((await list(user))[0].unit).toBeNull();
      await t.dataSource.query('UPDATE units SET is_listed = true WHERE id = $1', [unit.id]);
      expect((await list(user))[0].unit).toMatchObject({ id: unit.id });
    });

    it('users see only their own favourites, even within one firm', async () => {
      const owner = await firmUser();
      const colleague = await t.signIn({ role: 'firm', firmId: owner.firmId!, firmRole: 'member' });
      const stranger = await firmUser();
      const unit = await newUnit();
      expect((await put(owner, unit.id)).statusCode).toBe(204);
      expect(await list(colleague)).toEqual([]);
      expect(await list(stranger)).toEqual([]);
      // Removing "it" as someone else removes nothing of the owner's.
      expect((await remove(stranger, unit.id)).statusCode).toBe(204);
      expect((await list(owner)).map((f) => f.unitId)).toEqual([unit.id]);
    });

    it(`holds at most ${MAX_FAVOURITES}: 409 FAVOURITES_FULL, an existing one is still fine`, async () => {
      const user = await firmUser();
      const park = (await t.dataSource.query('SELECT park_id FROM buildings WHERE id = $1', [
        buildingId,
      ])) as { park_id: string }[];
      const inserted = (await t.dataSource.query(
        `INSERT INTO units (zone_id, park_id, building_id, building_floors, code, name, location,
                            gross_area, floor_from, floor_to, structure_type, floor_height_m,
                            floor_load_kn_m2, fire_safety_status, environmental_status,
                            acceptance_status, unit_class, occupancy_status, vacant_since)
         SELECT $1, $2, $3, 3, 'FAV-' || i, '收藏上限 ' || i, point(112.92, 35.8), 1000, 1, 1,
                'steel', 6, 10, 'passed', 'approved', 'accepted', 'quality', 'vacant',
                DATE '2024-01-01'
           FROM generate_series(1, $4::int + 1) AS i
         RETURNING id`,
        [zoneId, park[0].park_id, buildingId, MAX_FAVOURITES],
      )) as { id: string }[];
      const ids = inserted.map((r) => r.id);
      await t.dataSource.query(
        `INSERT INTO favourites (user_id, unit_id) SELECT $1, unnest($2::uuid[])`,
        [user.userId, ids.slice(0, MAX_FAVOURITES)],
      );
      const full = await put(user, ids[MAX_FAVOURITES]);
      expect([full.statusCode, full.json().code]).toEqual([409, 'FAVOURITES_FULL']);
      expect((await put(user, ids[0])).statusCode).toBe(204);
      expect(await list(user)).toHaveLength(MAX_FAVOURITES);
      expect((await remove(user, ids[0])).statusCode).toBe(204);
      expect((await put(user, ids[MAX_FAVOURITES])).statusCode).toBe(204);
      expect(await list(user)).toHaveLength(MAX_FAVOURITES);
      // Another user is not affected by this one's list.
      expect((await put(await firmUser(), ids[MAX_FAVOURITES])).statusCode).toBe(204);
      await t.dataSource.query(`UPDATE units SET is_listed = false WHERE code LIKE 'FAV-%'`);
    });
  });

  describe('saved searches', () => {
    const url = '/api/v1/firms/me/saved-searches';
    const list = async (user: Firm): Promise<SavedSearch[]> => {
      const res = await user.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: SavedSearch[] }).items;
    };
    const create = (user: Firm, payload: Json, lang = 'zh-CN') =>
      user.inject({ method: 'POST', url, payload, headers: { 'accept-language': lang } });
    const patch = (user: Firm, id: string, payload: Json) =>
      user.inject({ method: 'PATCH', url: `${url}/${id}`, payload });
    const del = (user: Firm, id: string) => user.inject({ method: 'DELETE', url: `${url}/${id}` });

    it('saves a valid search without its paging keys', async () => {
      const user = await firmUser();
      const res = await create(user, {
        name: '  食品 1000㎡以上  ',
        query: `?q=食品&minArea=1000&utility=gas&utility=water&zoneId=${zoneId}&limit=5&cursor=abc`,
        alertsEnabled: true,
      });
      expect(res.statusCode).toBe(201);
      const saved = res.json() as SavedSearch;
      expect(saved).toMatchObject({
        name: '食品 1000㎡以上',
        alertsEnabled: true,
        lastAlertedAt: null,
      });
      const stored = new URLSearchParams(saved.query);
      expect([...stored.keys()]).toEqual(['q', 'minArea', 'utility', 'utility', 'zoneId']);
      expect(stored.get('q')).toBe('食品');
      expect(stored.getAll('utility')).toEqual(['gas', 'water']);
      expect(await list(user)).toEqual([saved]);
      // The stored query is a valid search as it is.
      const search = await t.anonymous({
        method: 'GET',
        url: `/api/v1/public/units?${saved.query}`,
      });
      expect(search.statusCode).toBe(200);
    });

    it.each<[string, string, unknown]>([
      [
        'an unknown key',
        'q=食品&colour=red',
        [expect.objectContaining({ field: 'colour', code: 'unknown_field' })],
      ],
      [
        'a bad value',
        'minArea=big',
        [expect.objectContaining({ field: 'minArea', code: 'not_a_number' })],
      ],
      [
        'an unknown sort',
        'sort=cheapest',
        [expect.objectContaining({ field: 'sort', code: 'invalid_choice' })],
      ],
      [
        'an inverted range',
        'minArea=2000&maxArea=1000',
        expect.objectContaining({ code: 'INVALID_RANGE' }),
      ],
      [
        'a radius without a point',
        'withinKm=3',
        expect.objectContaining({ code: 'NEAR_POINT_REQUIRED' }),
      ],
      [
        'a box across the antimeridian',
        'bbox=170,30,-170,40',
        expect.objectContaining({ code: 'INVALID_BBOX' }),
      ],
    ])(
      'refuses %s: 400 INVALID_SAVED_QUERY with details, nothing saved',
      async (_w, query, details) => {
        const user = await firmUser();
        for (const lang of ['zh-CN', 'en']) {
          const res = await create(user, { name: '无效', query, alertsEnabled: true }, lang);
          const body = res.json() as { code: string; message: string; details: unknown };
          expect({ status: res.statusCode, code: body.code }).toEqual({
            status: 400,
            code: 'INVALID_SAVED_QUERY',
          });
          expect(body.details).toEqual(details);
          expect(/[\u4e00-\u9fff]/.test(body.message)).toBe(lang === 'zh-CN');
        }
        expect(await list(user)).toEqual([]);
      },
    );

    it.each([
      ['an empty name', { name: '   ', query: 'q=a', alertsEnabled: true }, 'name'],
      [
        'a name of 61 characters',
        { name: 'x'.repeat(61), query: 'q=a', alertsEnabled: true },
        'name',
      ],
      ['no query', { name: 'n', alertsEnabled: true }, 'query'],
      ['no alertsEnabled', { name: 'n', query: 'q=a' }, 'alertsEnabled'],
      [
        'a query of 2001 characters',
        { name: 'n', query: `q=${'a'.repeat(1999)}`, alertsEnabled: true },
        'query',
      ],
    ])('refuses a body with %s: 400 VALIDATION_FAILED', async (_w, payload, field) => {
      const user = await firmUser();
      const res = await create(user, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect((res.json().details as { field: string }[]).map((d) => d.field)).toContain(field);
    });

    it('renames, turns alerts off and on, deletes', async () => {
      const user = await firmUser();
      const saved = (
        await create(user, { name: '原名', query: 'q=海峡', alertsEnabled: true })
      ).json() as SavedSearch;
      const renamed = await patch(user, saved.id, { name: '新名字' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toMatchObject({
        id: saved.id,
        name: '新名字',
        alertsEnabled: true,
        query: saved.query,
      });
      const off = await patch(user, saved.id, { alertsEnabled: false });
      expect(off.json()).toMatchObject({ name: '新名字', alertsEnabled: false });
      const on = await patch(user, saved.id, { alertsEnabled: true });
      expect(on.json()).toMatchObject({ alertsEnabled: true });
      // The query itself cannot be changed (save a new search instead).
      const withQuery = await patch(user, saved.id, { query: 'q=x' });
      expect([withQuery.statusCode, withQuery.json().code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await del(user, saved.id)).statusCode).toBe(204);
      expect(await list(user)).toEqual([]);
      const again = await del(user, saved.id);
      expect([again.statusCode, again.json().code]).toEqual([404, 'SAVED_SEARCH_NOT_FOUND']);
    });

    it("another user's saved search: invisible, 404 to change or delete, unchanged", async () => {
      const owner = await firmUser();
      const colleague = await t.signIn({ role: 'firm', firmId: owner.firmId!, firmRole: 'member' });
      const saved = (
        await create(owner, { name: '我的', query: 'q=海峡', alertsEnabled: true })
      ).json() as SavedSearch;
      for (const other of [colleague, await firmUser()]) {
        expect(await list(other)).toEqual([]);
        const p = await patch(other, saved.id, { name: '偷改' });
        expect([p.statusCode, p.json().code]).toEqual([404, 'SAVED_SEARCH_NOT_FOUND']);
        const d = await del(other, saved.id);
        expect([d.statusCode, d.json().code]).toEqual([404, 'SAVED_SEARCH_NOT_FOUND']);
      }
      expect(await list(owner)).toEqual([saved]);
    });

    it(`keeps at most ${MAX_SAVED_SEARCHES} per user: 409 SAVED_SEARCHES_FULL`, async () => {
      const user = await firmUser();
      for (let i = 0; i < MAX_SAVED_SEARCHES; i++) {
        const res = await create(user, {
          name: `搜索 ${i}`,
          query: `q=海峡&minArea=${i}`,
          alertsEnabled: false,
        });
        expect(res.statusCode).toBe(201);
      }
      const full = await create(user, { name: '多一个', query: 'q=海峡', alertsEnabled: false });
      expect([full.statusCode, full.json().code]).toEqual([409, 'SAVED_SEARCHES_FULL']);
      const items = await list(user);
      expect(items).toHaveLength(MAX_SAVED_SEARCHES);
      // Newest first.
      expect(items[0].name).toBe(`搜索 ${MAX_SAVED_SEARCHES - 1}`);
      // Another user still may; deleting one makes room.
      expect(
        (await create(await firmUser(), { name: 'x', query: '', alertsEnabled: false })).statusCode,
      ).toBe(201);
      expect((await del(user, items[5].id)).statusCode).toBe(204);
      expect(
        (await create(user, { name: '多一个', query: 'q=海峡', alertsEnabled: false })).statusCode,
      ).toBe(201);
    });
  });

  describe('alerts', () => {
    const save = async (user: Firm, query: string, alertsEnabled = true): Promise<SavedSearch> => {
      const res = await user.inject({
        method: 'POST',
        url: '/api/v1/firms/me/saved-searches',
        payload: { name: `提醒 ${nextId()}`, query, alertsEnabled },
      });
      expect(res.statusCode).toBe(201);
      return res.json() as SavedSearch;
    };
    const mailsTo = async (email: string) =>
      (await t.dataSource.query(
        `SELECT kind, subject, body_text AS "bodyText" FROM outbox_messages
          WHERE to_address = $1 ORDER BY created_at, id`,
        [email],
      )) as { kind: string; subject: string; bodyText: string }[];
    /** One alert run as if it were two minutes from now (past the job's one-minute lag). */
    const run = () => alerts.runOnce(new Date(Date.now() + 120_000));
    const foodQuery = () => `industry=food_processing&zoneId=${zoneId}`;

    it('mails the owner once about a new matching unit, naming it; a second run sends nothing', async () => {
      const user = await firmUser();
      const saved = await save(user, foodQuery());
      const match = await newUnit({ name: `新上架食品厂房 ${nextId()}` });
      const other = await newUnit({
        name: `电子厂房 ${nextId()}`,
        suitableIndustries: ['electronics'],
      });

      const first = await run();
      expect(first.checked).toBeGreaterThanOrEqual(1);
      const mails = await mailsTo(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].kind).toBe('saved_search_alert');
      expect(mails[0].subject).toContain(saved.name);
      expect(mails[0].bodyText).toContain(match.name as string);
      expect(mails[0].bodyText).toContain(`/units/${match.id}`);
      expect(mails[0].bodyText).not.toContain(other.name as string);

      await run();
      expect(await mailsTo(user.email)).toHaveLength(1);
      const [listed] = (
        (await user.inject({ method: 'GET', url: '/api/v1/firms/me/saved-searches' })).json() as {
          items: SavedSearch[];
        }
      ).items;
      expect(listed.lastAlertedAt).not.toBeNull();
    });

    it('mails about a leased unit that becomes vacant again', async () => {
      const unit = await newUnit({ ...leased, name: `重新空置厂房 ${nextId()}` });
      const user = await firmUser();
      await save(user, foodQuery());

      const [{ version }] = (await t.dataSource.query('SELECT version FROM units WHERE id = $1', [
        unit.id,
      ])) as { version: number }[];
      const res = await t.inject({
        method: 'PATCH',
        url: `/api/v1/units/${unit.id}`,
        payload: {
          version,
          occupancyStatus: 'vacant',
          vacantSince: '2024-03-01',
          idleReasonCategory: 'no_tenant_found',
        },
      });
      expect(res.statusCode).toBe(200);
      await run();
      const mails = await mailsTo(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].bodyText).toContain(`/units/${unit.id}`);
    });

    it('sends nothing for a unit that does not match', async () => {
      const user = await firmUser();
      await save(user, `industry=biomedicine&zoneId=${zoneId}`);
      await newUnit({ suitableIndustries: ['food_processing'] });
      await newUnit({ suitableIndustries: ['electronics'], name: `不匹配 ${nextId()}` });
      const result = await run();
      expect(result.checked).toBeGreaterThanOrEqual(1);
      expect(await mailsTo(user.email)).toEqual([]);
    });

    it('sends nothing with alerts off; turned back on, only units from then on', async () => {
      const user = await firmUser();
      const saved = await save(user, foodQuery(), false);
      const whileOff = await newUnit({ name: `关闭时上架 ${nextId()}` });
      await run();
      expect(await mailsTo(user.email)).toEqual([]);

      const on = await user.inject({
        method: 'PATCH',
        url: `/api/v1/firms/me/saved-searches/${saved.id}`,
        payload: { alertsEnabled: true },
      });
      expect(on.statusCode).toBe(200);
      const later = await newUnit({ name: `开启后上架 ${nextId()}` });
      await run();
      const mails = await mailsTo(user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].bodyText).toContain(`/units/${later.id}`);
      expect(mails[0].bodyText).not.toContain(`/units/${whileOff.id}`);
    });

    it('a deleted saved search sends nothing', async () => {
      const user = await firmUser();
      const saved = await save(user, foodQuery());
      const res = await user.inject({
        method: 'DELETE',
        url: `/api/v1/firms/me/saved-searches/${saved.id}`,
      });
      expect(res.statusCode).toBe(204);
      await newUnit();
      await run();
      expect(await mailsTo(user.email)).toEqual([]);
    });
  });
});
