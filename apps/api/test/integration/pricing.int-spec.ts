/**
 * Rent policies and quotes (issue #5) on a real PostgreSQL: the public quote equals the domain
 * engine's output, every error code, policy drafts and publishing, immutability of published
 * versions (API and trigger), saved quotes locked to their version, firm and zone isolation, and
 * the partial unique index settling concurrent publishes.
 */
import { computeQuote, todayInChina, validateRentPolicy } from '@factoryspace/domain';
import { GAOPING_POLICY_RULES } from '../../src/database/seeds/pricing';
import { createDossierTree, createUnit } from '../factories/dossier.factory';
import {
  chinaDate,
  createDraftPolicy,
  publishPolicy,
  publishedPolicy,
  type PolicyJson,
} from '../factories/pricing.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';

type Json = Record<string, unknown>;
type Inject = TestApp['inject'];

const v1 = (path: string) => `/api/v1/${path}`;
const NO_PROFILE = { leadingIndustry: false, highTech: false, specialisedLevel: null };
const LEADING = { leadingIndustry: true, highTech: false, specialisedLevel: null };

describe('rent policies and quotes (integration)', () => {
  let t: TestApp;
  let superAdmin: Inject;
  let admin: Inject;
  let staff: Inject;
  let otherAdmin: Inject;
  let otherStaff: Inject;
  let firmA: Inject;
  let firmAMember: Inject;
  let firmB: Inject;
  let zoneId: string;
  let otherZoneId: string;
  let buildingId: string;
  let unit: Json & { id: string };
  let policy: PolicyJson;

  const quoteBody = (overrides: Json = {}) => ({
    unitId: unit.id,
    termMonths: 36,
    startDate: todayInChina(),
    profile: LEADING,
    ...overrides,
  });
  const post = (inject: Inject, path: string, payload: unknown) =>
    inject({ method: 'POST', url: v1(path), payload: payload as Json });
  const get = (inject: Inject, path: string) => inject({ method: 'GET', url: v1(path) });

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    superAdmin = (await t.signIn({ role: 'super_admin' })).inject;
    const tree = await createDossierTree(superAdmin, { floors: 5 });
    zoneId = tree.zone.id;
    buildingId = tree.building.id;
    unit = await createUnit(superAdmin, buildingId, {
      grossArea: 12_000,
      usableArea: 11_000,
      floorFrom: 4,
      floorTo: 4,
      listRentFen: 1500,
    });
    const other = await createDossierTree(superAdmin);
    otherZoneId = other.zone.id;
    admin = (await t.signIn({ role: 'zone_admin', zoneId })).inject;
    staff = (await t.signIn({ role: 'staff', zoneId })).inject;
    otherAdmin = (await t.signIn({ role: 'zone_admin', zoneId: otherZoneId })).inject;
    otherStaff = (await t.signIn({ role: 'staff', zoneId: otherZoneId })).inject;
    const a = await t.signIn({ role: 'firm' });
    firmA = a.inject;
    firmAMember = (await t.signIn({ role: 'firm', firmId: a.firmId!, firmRole: 'member' })).inject;
    firmB = (await t.signIn({ role: 'firm' })).inject;
    policy = await publishedPolicy(admin, zoneId, { name: '测试政策 v1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /quotes (public)', () => {
    it('answers exactly what computeQuote gives for the same inputs', async () => {
      const body = quoteBody();
      const res = await post(t.anonymous, 'quotes', body);
      expect(res.statusCode).toBe(200);
      const expected = computeQuote({
        unit: { listRentFenPerM2: 1500, areaM2: 12_000, floor: 4 },
        rules: GAOPING_POLICY_RULES,
        profile: LEADING,
        termMonths: 36,
        startDate: body.startDate,
      });
      expect(res.json()).toEqual({
        unit: {
          id: unit.id,
          code: unit.code,
          name: unit.name,
          zoneId,
          grossArea: 12_000,
          floor: 4,
          listRentFenPerM2: 1500,
        },
        policy: {
          id: policy.id,
          versionNo: 1,
          name: '测试政策 v1',
          effectiveFrom: policy.effectiveFrom,
        },
        profile: LEADING,
        result: JSON.parse(JSON.stringify(expected)),
      });
      expect(res.json().result.lines).toHaveLength(36);
    });

    it.each([
      [
        'a missing unit',
        () => ({ unitId: '00000000-0000-4000-8000-000000000000' }),
        404,
        'UNIT_NOT_FOUND',
      ],
      [
        'a term beyond the standard maximum',
        () => ({ termMonths: 61, profile: NO_PROFILE }),
        400,
        'TERM_OUT_OF_RANGE',
      ],
      ['a term below the minimum', () => ({ termMonths: 6 }), 400, 'TERM_OUT_OF_RANGE'],
      ['a start date yesterday', () => ({ startDate: chinaDate(-1) }), 400, 'INVALID_START_DATE'],
      [
        'a start date beyond two years',
        () => ({ startDate: chinaDate(800) }),
        400,
        'INVALID_START_DATE',
      ],
      ['a malformed start date', () => ({ startDate: '2027-02-30' }), 400, 'VALIDATION_FAILED'],
      [
        'a profile without its level',
        () => ({ profile: { leadingIndustry: true, highTech: false } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an unknown 专精特新 level',
        () => ({ profile: { ...NO_PROFILE, specialisedLevel: 'county' } }),
        400,
        'VALIDATION_FAILED',
      ],
    ])('%s → %i %s', async (_what, overrides, status, code) => {
      const res = await post(t.anonymous, 'quotes', quoteBody(overrides()));
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
    });

    it('TERM_OUT_OF_RANGE names the range for the profile (a qualification extends it)', async () => {
      const res = await post(t.anonymous, 'quotes', quoteBody({ termMonths: 121 }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'TERM_OUT_OF_RANGE',
        details: { min: 12, max: 120 },
      });
      const plain = await post(
        t.anonymous,
        'quotes',
        quoteBody({ termMonths: 61, profile: NO_PROFILE }),
      );
      expect(plain.json().details).toEqual({ min: 12, max: 60 });
    });

    it('refuses units off the market (404) and units with rent on request (409)', async () => {
      const unlisted = await createUnit(superAdmin, buildingId, { isListed: false });
      const res = await post(t.anonymous, 'quotes', quoteBody({ unitId: unlisted.id }));
      expect({ status: res.statusCode, code: res.json().code }).toEqual({
        status: 404,
        code: 'UNIT_NOT_FOUND',
      });
      const onRequest = await createUnit(superAdmin, buildingId, { listRentFen: null });
      const rent = await post(t.anonymous, 'quotes', quoteBody({ unitId: onRequest.id }));
      expect({ status: rent.statusCode, code: rent.json().code }).toEqual({
        status: 409,
        code: 'UNIT_RENT_NOT_SET',
      });
    });

    it('404 RENT_POLICY_NOT_FOUND in a zone without a policy', async () => {
      const tree = await createDossierTree(superAdmin);
      const lonely = await createUnit(superAdmin, tree.building.id);
      const res = await post(t.anonymous, 'quotes', quoteBody({ unitId: lonely.id }));
      expect({ status: res.statusCode, code: res.json().code }).toEqual({
        status: 404,
        code: 'RENT_POLICY_NOT_FOUND',
      });
      const current = await get(t.anonymous, `public/rent-policies/current?zoneId=${tree.zone.id}`);
      expect(current.statusCode).toBe(404);
      expect(current.json().code).toBe('RENT_POLICY_NOT_FOUND');
    });

    it('GET public/rent-policies/current shows the version in effect', async () => {
      const res = await get(t.anonymous, `public/rent-policies/current?zoneId=${zoneId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: policy.id,
        zoneId,
        versionNo: 1,
        name: '测试政策 v1',
        effectiveFrom: todayInChina(),
        rules: GAOPING_POLICY_RULES,
      });
      const before = await get(
        t.anonymous,
        `public/rent-policies/current?zoneId=${zoneId}&date=${chinaDate(-1)}`,
      );
      expect(before.statusCode).toBe(404);
    });

    it('answers errors in the caller’s language', async () => {
      const res = await t.anonymous({
        method: 'POST',
        url: v1('quotes'),
        headers: { 'accept-language': 'zh-CN' },
        payload: quoteBody({ termMonths: 200 }),
      });
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  describe('policy drafts', () => {
    it('creates, lists, reads, changes and deletes a draft', async () => {
      const draft = await createDraftPolicy(admin, zoneId, {
        name: '草稿',
        effectiveFrom: null,
        notes: '备注',
      });
      expect(draft).toMatchObject({
        zoneId,
        status: 'draft',
        effectiveFrom: null,
        publishedAt: null,
        notes: '备注',
        version: 1,
        isCurrent: false,
      });
      expect(draft.versionNo).toBeGreaterThan(1);

      const list = await get(staff, `zones/${zoneId}/rent-policies`);
      expect(list.statusCode).toBe(200);
      const items = list.json().items as Json[];
      expect(items.map((i) => i.versionNo)).toEqual(
        [...items.map((i) => i.versionNo as number)].sort((a, b) => b - a),
      );
      expect(items.find((i) => i.id === policy.id)).toMatchObject({
        isCurrent: true,
        status: 'published',
      });
      expect(items[0]).not.toHaveProperty('rules');

      const read = await get(staff, `rent-policies/${draft.id}`);
      expect(read.json()).toEqual(draft);

      const patched = await admin({
        method: 'PATCH',
        url: v1(`rent-policies/${draft.id}`),
        payload: {
          version: 1,
          name: '草稿二',
          effectiveFrom: chinaDate(10),
          rules: { ...GAOPING_POLICY_RULES, minRentFenPerM2: 0 },
        },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        name: '草稿二',
        effectiveFrom: chinaDate(10),
        version: 2,
        notes: '备注',
      });
      expect(patched.json().rules.minRentFenPerM2).toBe(0);

      const stale = await admin({
        method: 'PATCH',
        url: v1(`rent-policies/${draft.id}`),
        payload: { version: 1, name: 'x' },
      });
      expect({ status: stale.statusCode, code: stale.json().code }).toEqual({
        status: 409,
        code: 'VERSION_CONFLICT',
      });

      const staffWrite = await staff({
        method: 'PATCH',
        url: v1(`rent-policies/${draft.id}`),
        payload: { version: 2, name: 'x' },
      });
      expect(staffWrite.statusCode).toBe(403);

      const del = await admin({ method: 'DELETE', url: v1(`rent-policies/${draft.id}`) });
      expect(del.statusCode).toBe(204);
      expect((await get(staff, `rent-policies/${draft.id}`)).statusCode).toBe(404);
    });

    it('refuses invalid rules with 400 INVALID_RENT_POLICY and one issue per problem', async () => {
      const rules = {
        ...GAOPING_POLICY_RULES,
        floorTiers: [
          { fromFloor: 1, toFloor: 2, discountPct: 0 },
          { fromFloor: 4, toFloor: null, discountPct: 120 },
        ],
        surprise: true,
      };
      const res = await post(admin, `zones/${zoneId}/rent-policies`, { name: '坏政策', rules });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('INVALID_RENT_POLICY');
      const issues = res.json().details.issues as {
        path: string;
        code: string;
        zh: string;
        en: string;
      }[];
      expect(issues.length).toBeGreaterThanOrEqual(2);
      expect(issues.some((issue) => issue.path.startsWith('floorTiers'))).toBe(true);
      expect(issues).toEqual(validateRentPolicy(rules));
      for (const issue of issues)
        expect(issue).toEqual({
          path: expect.any(String),
          code: expect.any(String),
          zh: expect.any(String),
          en: expect.any(String),
        });

      const notAnObject = await post(admin, `zones/${zoneId}/rent-policies`, {
        name: '坏政策',
        rules: [],
      });
      expect(notAnObject.json().code).toBe('VALIDATION_FAILED');

      const draft = await createDraftPolicy(admin, zoneId, { effectiveFrom: null });
      const patch = await admin({
        method: 'PATCH',
        url: v1(`rent-policies/${draft.id}`),
        payload: { version: 1, rules },
      });
      expect(patch.json().code).toBe('INVALID_RENT_POLICY');
    });

    it('publishes only with a date from today on, not taken by another version', async () => {
      const noDate = await createDraftPolicy(admin, zoneId, { effectiveFrom: null });
      const r1 = await post(admin, `rent-policies/${noDate.id}/publish`, { version: 1 });
      expect({ status: r1.statusCode, code: r1.json().code }).toEqual({
        status: 400,
        code: 'EFFECTIVE_DATE_REQUIRED',
      });

      const past = await createDraftPolicy(admin, zoneId, { effectiveFrom: chinaDate(-3) });
      const r2 = await post(admin, `rent-policies/${past.id}/publish`, { version: 1 });
      expect({ status: r2.statusCode, code: r2.json().code }).toEqual({
        status: 400,
        code: 'EFFECTIVE_DATE_IN_PAST',
      });

      const taken = await createDraftPolicy(admin, zoneId, { effectiveFrom: policy.effectiveFrom });
      const r3 = await post(admin, `rent-policies/${taken.id}/publish`, { version: 1 });
      expect({ status: r3.statusCode, code: r3.json().code }).toEqual({
        status: 409,
        code: 'EFFECTIVE_DATE_TAKEN',
      });

      const stale = await post(admin, `rent-policies/${taken.id}/publish`, { version: 7 });
      expect(stale.json().code).toBe('VERSION_CONFLICT');
    });

    it('writes publishing and deleting to the audit log, and nothing for a refused publish', async () => {
      const events = async (id: string) =>
        (await t.dataSource.query(
          `SELECT type, outcome, zone_id AS "zoneId", target_type AS "targetType", details
             FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`,
          [id],
        )) as { type: string; outcome: string; zoneId: string; targetType: string }[];

      const past = await createDraftPolicy(admin, zoneId, { effectiveFrom: chinaDate(-1) });
      expect(
        (await post(admin, `rent-policies/${past.id}/publish`, { version: 1 })).statusCode,
      ).toBe(400);
      expect(await events(past.id)).toEqual([]);

      const effectiveFrom = chinaDate(700);
      const draft = await createDraftPolicy(admin, zoneId, { effectiveFrom });
      expect(
        (await post(admin, `rent-policies/${draft.id}/publish`, { version: 1 })).statusCode,
      ).toBe(200);
      expect(await events(draft.id)).toEqual([
        {
          type: 'rent_policy.publish',
          outcome: 'success',
          zoneId,
          targetType: 'rent_policy',
          details: { effectiveFrom },
        },
      ]);

      expect(
        (await admin({ method: 'DELETE', url: v1(`rent-policies/${past.id}`) })).statusCode,
      ).toBe(204);
      expect((await events(past.id)).map((e) => e.type)).toEqual(['rent_policy.delete']);
    });
  });

  describe('a published version is immutable', () => {
    it('refuses PATCH, DELETE and a second publish through the API (409 RENT_POLICY_PUBLISHED)', async () => {
      const patch = await admin({
        method: 'PATCH',
        url: v1(`rent-policies/${policy.id}`),
        payload: { version: policy.version, name: '改' },
      });
      const del = await admin({ method: 'DELETE', url: v1(`rent-policies/${policy.id}`) });
      const again = await post(admin, `rent-policies/${policy.id}/publish`, {
        version: policy.version,
      });
      for (const res of [patch, del, again])
        expect({ status: res.statusCode, code: res.json().code }).toEqual({
          status: 409,
          code: 'RENT_POLICY_PUBLISHED',
        });
      expect((await get(staff, `rent-policies/${policy.id}`)).json()).toMatchObject({
        name: '测试政策 v1',
        version: policy.version,
      });
    });

    it('refuses an UPDATE or DELETE straight in SQL (trigger)', async () => {
      await expect(
        t.dataSource.query(`UPDATE rent_policy_versions SET rules = '{}'::jsonb WHERE id = $1`, [
          policy.id,
        ]),
      ).rejects.toMatchObject({
        driverError: { code: '23514', constraint: 'rent_policy_versions_published_immutable' },
      });
      await expect(
        t.dataSource.query(
          `UPDATE rent_policy_versions SET status = 'draft', published_at = NULL WHERE id = $1`,
          [policy.id],
        ),
      ).rejects.toMatchObject({ driverError: { code: '23514' } });
      await expect(
        t.dataSource.query(`DELETE FROM rent_policy_versions WHERE id = $1`, [policy.id]),
      ).rejects.toMatchObject({ driverError: { code: '23514' } });
      const [row] = await t.dataSource.query(
        `SELECT status, rules FROM rent_policy_versions WHERE id = $1`,
        [policy.id],
      );
      expect(row).toEqual({ status: 'published', rules: GAOPING_POLICY_RULES });
    });

    it('refuses a published version without effective date or with published_at unset (CHECK)', async () => {
      await expect(
        t.dataSource.query(
          `INSERT INTO rent_policy_versions (zone_id, version_no, name, status, rules) VALUES ($1, 999, 'x', 'published', '{}')`,
          [zoneId],
        ),
      ).rejects.toMatchObject({ driverError: { code: '23514' } });
    });
  });

  describe('saved quotes', () => {
    it('are locked to their version: unchanged after a new version, new quotes use it from its date', async () => {
      const saved = await post(firmA, 'firms/me/quotes', quoteBody());
      expect(saved.statusCode).toBe(201);
      const id = saved.json().id as string;
      expect(saved.json()).toMatchObject({ policy: { id: policy.id }, unit: { id: unit.id } });
      const before = await get(firmA, `firms/me/quotes/${id}`);
      expect(before.statusCode).toBe(200);
      expect(before.json()).toEqual(saved.json());

      // A new version from day 30, and the unit's list rent raised.
      const next = await publishedPolicy(admin, zoneId, {
        name: '测试政策 v-next',
        effectiveFrom: chinaDate(30),
        rules: { ...GAOPING_POLICY_RULES, stacking: { mode: 'best_of' } },
      });
      const version = (await get(superAdmin, `units/${unit.id}`)).json().version;
      const patched = await superAdmin({
        method: 'PATCH',
        url: v1(`units/${unit.id}`),
        payload: { version, listRentFen: 1800 },
      });
      expect(patched.statusCode).toBe(200);

      const after = await get(firmA, `firms/me/quotes/${id}`);
      expect(after.body).toBe(before.body);

      const later = await post(t.anonymous, 'quotes', quoteBody({ startDate: chinaDate(45) }));
      expect(later.json().policy.id).toBe(next.id);
      expect(later.json().unit.listRentFenPerM2).toBe(1800);
      const now = await post(t.anonymous, 'quotes', quoteBody());
      expect(now.json().policy.id).toBe(policy.id);

      const list = await get(firmAMember, 'firms/me/quotes');
      expect(list.statusCode).toBe(200);
      expect(list.json().items[0]).toEqual({
        id,
        createdAt: saved.json().createdAt,
        unit: { id: unit.id, code: unit.code, name: unit.name },
        policy: saved.json().policy,
        termMonths: 36,
        startDate: todayInChina(),
        totals: saved.json().result.totals,
      });
    });

    it('belong to the firm: a member sees them, another firm gets 404 QUOTE_NOT_FOUND', async () => {
      const saved = await post(firmA, 'firms/me/quotes', quoteBody());
      const id = saved.json().id as string;
      expect((await get(firmAMember, `firms/me/quotes/${id}`)).statusCode).toBe(200);
      const other = await get(firmB, `firms/me/quotes/${id}`);
      expect({ status: other.statusCode, code: other.json().code }).toEqual({
        status: 404,
        code: 'QUOTE_NOT_FOUND',
      });
      const otherDelete = await firmB({ method: 'DELETE', url: v1(`firms/me/quotes/${id}`) });
      expect(otherDelete.statusCode).toBe(404);
      expect((await get(firmB, 'firms/me/quotes')).json().items).toEqual([]);
      expect(
        (await firmAMember({ method: 'DELETE', url: v1(`firms/me/quotes/${id}`) })).statusCode,
      ).toBe(204);
      expect((await get(firmA, `firms/me/quotes/${id}`)).statusCode).toBe(404);
    });

    it('are limited to 100 per firm (409 QUOTES_FULL)', async () => {
      const firm = await t.signIn({ role: 'firm' });
      const first = await post(firm.inject, 'firms/me/quotes', quoteBody());
      expect(first.statusCode).toBe(201);
      await t.dataSource.query(
        `INSERT INTO quotes (firm_id, created_by, unit_id, zone_id, policy_version_id, term_months, start_date,
                             profile, unit_snapshot, result, total_due_fen)
         SELECT firm_id, created_by, unit_id, zone_id, policy_version_id, term_months, start_date,
                profile, unit_snapshot, result, total_due_fen
           FROM quotes, generate_series(1, 99) WHERE id = $1`,
        [first.json().id],
      );
      const full = await post(firm.inject, 'firms/me/quotes', quoteBody());
      expect({ status: full.statusCode, code: full.json().code }).toEqual({
        status: 409,
        code: 'QUOTES_FULL',
      });
    });
  });

  describe('zones are isolated', () => {
    it('staff and administrators of another zone cannot read or edit the zone’s policies (404)', async () => {
      const draft = await createDraftPolicy(admin, zoneId, { effectiveFrom: null });
      const calls = [
        await get(otherStaff, `rent-policies/${policy.id}`),
        await get(otherStaff, `rent-policies/${policy.id}/coverage`),
        await post(otherStaff, `rent-policies/${draft.id}/quote`, quoteBody()),
        await otherAdmin({
          method: 'PATCH',
          url: v1(`rent-policies/${draft.id}`),
          payload: { version: 1, name: '越权' },
        }),
        await otherAdmin({ method: 'DELETE', url: v1(`rent-policies/${draft.id}`) }),
        await post(otherAdmin, `rent-policies/${draft.id}/publish`, { version: 1 }),
      ];
      for (const res of calls)
        expect({ status: res.statusCode, code: res.json().code }).toEqual({
          status: 404,
          code: 'RENT_POLICY_NOT_FOUND',
        });
      const list = await get(otherStaff, `zones/${zoneId}/rent-policies`);
      expect(list.statusCode).toBe(404);
      const create = await post(otherAdmin, `zones/${zoneId}/rent-policies`, {
        name: 'x',
        rules: GAOPING_POLICY_RULES,
      });
      expect(create.statusCode).toBe(404);
      expect((await get(staff, `rent-policies/${draft.id}`)).json()).toMatchObject({
        name: '测试政策',
        version: 1,
      });
    });
  });

  describe('staff preview (POST rent-policies/:id/quote)', () => {
    it('quotes a draft on any unit of its zone, even off the market, with any start date', async () => {
      const draft = await createDraftPolicy(admin, zoneId, {
        effectiveFrom: null,
        rules: {
          ...GAOPING_POLICY_RULES,
          floorTiers: [{ fromFloor: 1, toFloor: null, discountPct: 25 }],
        },
      });
      const leased = await createUnit(superAdmin, buildingId, {
        occupancyStatus: 'leased',
        vacantSince: null,
        idleReasonCategory: null,
      });
      const res = await post(
        staff,
        `rent-policies/${draft.id}/quote`,
        quoteBody({ unitId: leased.id, startDate: '2020-01-01', profile: NO_PROFILE }),
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().policy).toEqual({
        id: draft.id,
        versionNo: draft.versionNo,
        name: '测试政策',
        effectiveFrom: null,
      });
      expect(res.json().result.lines[0].discounts).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'floor', pct: 25 })]),
      );
      const elsewhere = await createDossierTree(superAdmin);
      const foreign = await createUnit(superAdmin, elsewhere.building.id);
      const other = await post(
        staff,
        `rent-policies/${draft.id}/quote`,
        quoteBody({ unitId: foreign.id }),
      );
      expect(other.json().code).toBe('UNIT_NOT_FOUND');
    });
  });

  describe('coverage', () => {
    it('sums the zone’s units with a floor or area tier discount', async () => {
      const res = await get(staff, `rent-policies/${policy.id}/coverage`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const rows: { area: string; covered: boolean }[] = await t.dataSource.query(
        `SELECT gross_area::text AS area, (floor_from >= 4 OR gross_area >= 6500) AS covered
           FROM units WHERE zone_id = $1 AND deleted_at IS NULL`,
        [zoneId],
      );
      const total = rows.reduce((s, r) => s + Number(r.area), 0);
      const covered = rows.filter((r) => r.covered).reduce((s, r) => s + Number(r.area), 0);
      expect(body.zoneAreaM2).toBeCloseTo(total, 2);
      expect(body.coveredAreaM2).toBeCloseTo(covered, 2);
      expect(body.coveredShare).toBeCloseTo(covered / total, 4);
      expect(body.unitCount).toBe(rows.length);
      expect(body.byPark).toHaveLength(1);
    });
  });

  describe('concurrent publishes of the same effective date', () => {
    it('one wins, the other gets 409 EFFECTIVE_DATE_TAKEN', async () => {
      const date = chinaDate(100);
      const [a, b] = await Promise.all([
        createDraftPolicy(admin, zoneId, { effectiveFrom: date }),
        createDraftPolicy(admin, zoneId, { effectiveFrom: date }),
      ]);
      const results = await Promise.all([
        post(admin, `rent-policies/${a.id}/publish`, { version: a.version }),
        post(admin, `rent-policies/${b.id}/publish`, { version: b.version }),
      ]);
      const outcomes = results
        .map((r) => `${r.statusCode} ${r.statusCode === 200 ? '' : r.json().code}`.trim())
        .sort();
      expect(outcomes).toEqual(['200', '409 EFFECTIVE_DATE_TAKEN']);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM rent_policy_versions WHERE zone_id = $1 AND status = 'published' AND effective_from = $2`,
        [zoneId, date],
      );
      expect(n).toBe(1);
    });

    it('the partial unique index refuses a second published row for the date even without the check', async () => {
      const date = chinaDate(200);
      await publishedPolicy(admin, zoneId, { effectiveFrom: date });
      await expect(
        t.dataSource.query(
          `INSERT INTO rent_policy_versions (zone_id, version_no, name, status, effective_from, rules, published_at)
           VALUES ($1, 9999, 'x', 'published', $2, '{}', now())`,
          [zoneId, date],
        ),
      ).rejects.toMatchObject({
        driverError: { code: '23505', constraint: 'rent_policy_versions_effective_uq' },
      });
    });
  });

  it('publishPolicy helper and the version numbering agree', async () => {
    const draft = await createDraftPolicy(admin, zoneId, { effectiveFrom: chinaDate(300) });
    const published = await publishPolicy(admin, draft);
    expect(published).toMatchObject({
      status: 'published',
      version: 2,
      versionNo: draft.versionNo,
    });
    expect(published.publishedAt).toEqual(expect.any(String));
  });
});
