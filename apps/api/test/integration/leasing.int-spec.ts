/**
 * Applications and leases through the API (issue #6, docs/leasing.md): the whole path from a
 * firm's draft to the end of its lease, refused transitions, competing applications, 50 parallel
 * approvals of one unit, an Idempotency-Key on approve, and who may see and act on what.
 */
import { randomUUID } from 'node:crypto';
import { todayInChina } from '@factoryspace/domain';
import { createUnit } from '../factories/dossier.factory';
import {
  applicationValues,
  createLeasingFixture,
  insertRow,
  type LeasingFixture,
} from '../factories/leasing.factory';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import type { TestSession } from '../utils/sign-in';

type Inject = TestApp['inject'];
type User = TestSession & { inject: Inject };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const v1 = (path: string) => `/api/v1/${path}`;

/** `date` plus `days` days (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** `date` plus `months` months (no day overflow for the days used here). */
function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Pairs of blocking leases of one unit whose periods overlap (must always be 0). */
const OVERLAPPING_PAIRS_SQL = `
  SELECT count(*)::int AS n
    FROM leases a
    JOIN leases b ON b.unit_id = a.unit_id AND a.id < b.id AND a.period && b.period
   WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' AND a.unit_id = $1`;

describe('leasing (integration)', () => {
  let t: TestApp;
  let f: LeasingFixture;
  let firm: User;
  let firmB: User;
  let staff: User;
  let otherStaff: User;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestApp({
      as: 'super_admin',
      env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    f = await createLeasingFixture(t.dataSource, t.inject, 3);
    firm = await t.signIn({ role: 'firm', firmId: f.firmId });
    firmB = await t.signIn({ role: 'firm' });
    staff = await t.signIn({ role: 'staff', zoneId: f.zoneId });
    otherStaff = await t.signIn({ role: 'staff' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const post = (who: User, path: string, payload: Json = {}, headers: Json = {}) =>
    who.inject({ method: 'POST', url: v1(path), payload, headers });
  const get = (who: User | null, path: string) =>
    (who ? who.inject : t.anonymous)({ method: 'GET', url: v1(path) });

  const newUnit = async () => (await createUnit(t.inject, f.buildingId)).id;

  async function draft(who: User, unitId: string, overrides: Json = {}): Promise<Json> {
    const res = await post(who, 'applications', {
      unitId,
      intendedUse: '精密零部件加工',
      industry: 'machinery',
      headcount: 40,
      needs: { water: true, fibre: true },
      termMonths: 12,
      desiredMoveIn: today,
      ...overrides,
    });
    expect({ status: res.statusCode, body: res.json() }).toMatchObject({ status: 201 });
    return res.json() as Json;
  }

  /** A submitted application taken into review by staff. */
  async function underReview(who: User, unitId: string, overrides: Json = {}): Promise<Json> {
    const app = await draft(who, unitId, overrides);
    expect((await post(who, `applications/${app.id}/submit`)).statusCode).toBe(200);
    const res = await post(staff, `applications/${app.id}/start-review`);
    expect(res.statusCode).toBe(200);
    return res.json() as Json;
  }

  const unitRow = async (unitId: string) =>
    (
      (await t.dataSource.query(
        `SELECT occupancy_status AS "occupancyStatus", to_char(vacant_since, 'YYYY-MM-DD') AS "vacantSince"
           FROM units WHERE id = $1`,
        [unitId],
      )) as Json[]
    )[0];

  describe('the happy path', () => {
    it('drafts, reviews, approves into a lease locked to the quote, signs, moves in and ends it', async () => {
      const unitId = f.unitIds[0];
      const quoteRes = await post(firm, 'firms/me/quotes', {
        unitId,
        termMonths: 12,
        startDate: today,
        profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
      });
      expect(quoteRes.statusCode).toBe(201);
      const quote = quoteRes.json() as Json;

      const app = await draft(firm, unitId, { quoteId: quote.id });
      expect(app).toMatchObject({
        status: 'draft',
        unitId,
        quoteId: quote.id,
        requestedUntil: addMonths(today, 12),
        needs: { water: true, fibre: true },
        version: 1,
      });

      const patched = await firm.inject({
        method: 'PATCH',
        url: v1(`applications/${app.id}`),
        payload: { version: 1, headcount: 55 },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ headcount: 55, version: 2 });
      const stale = await firm.inject({
        method: 'PATCH',
        url: v1(`applications/${app.id}`),
        payload: { version: 1, headcount: 60 },
      });
      expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });

      const steps: [User, string, Json, string][] = [
        [firm, 'submit', {}, 'submitted'],
        [staff, 'start-review', {}, 'under_review'],
        [staff, 'request-info', { reason: '请补充环评材料' }, 'info_requested'],
        [firm, 'answer', { message: '已补充环评批复' }, 'under_review'],
      ];
      for (const [who, verb, body, status] of steps) {
        const res = await post(who, `applications/${app.id}/${verb}`, body);
        expect({ verb, status: res.statusCode, to: res.json().status }).toEqual({
          verb,
          status: 200,
          to: status,
        });
      }
      const queue = await get(staff, `zones/${f.zoneId}/applications`);
      expect(queue.statusCode).toBe(200);
      expect(queue.json().items.find((a: Json) => a.id === app.id)).toMatchObject({
        status: 'under_review',
        daysWaiting: 0,
      });

      const approved = await post(staff, `applications/${app.id}/approve`, { depositFen: 100_000 });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ status: 'approved' });
      const leaseId = approved.json().leaseId as string;
      expect(leaseId).toEqual(expect.any(String));

      const lease = (await get(firm, `leases/${leaseId}`)).json() as Json;
      expect(lease).toMatchObject({
        status: 'draft',
        unitId,
        firmId: f.firmId,
        applicationId: app.id,
        quoteId: quote.id,
        policyVersionId: quote.policy.id,
        periodStart: today,
        periodEnd: addMonths(today, 12),
        termMonths: 12,
        totalDueFen: quote.result.totals.dueFen,
        depositFen: 100_000,
      });
      expect(lease.monthlyRentSchedule).toEqual(quote.result.lines);
      expect(await unitRow(unitId)).toMatchObject({ occupancyStatus: 'reserved' });
      const history = (await t.dataSource.query(
        `SELECT action, source, source_ref AS "sourceRef", changes FROM unit_history
          WHERE unit_id = $1 ORDER BY id DESC LIMIT 1`,
        [unitId],
      )) as Json[];
      expect(history[0]).toMatchObject({
        action: 'status_change',
        sourceRef: `lease:${leaseId}`,
        changes: [{ field: 'occupancyStatus', before: 'vacant', after: 'reserved' }],
      });

      const signed = await post(staff, `leases/${leaseId}/sign`, {
        signedOn: today,
        contractFile: 'contracts/2026/001.pdf',
      });
      expect(signed.json()).toMatchObject({ status: 'signed', signedOn: today });
      const moved = await post(staff, `leases/${leaseId}/move-in`, { movedInOn: today });
      expect(moved.json()).toMatchObject({ status: 'active', movedInOn: today });
      expect(await unitRow(unitId)).toEqual({ occupancyStatus: 'leased', vacantSince: null });

      // A move-out on the first day would leave an empty period: refused.
      const early = await post(staff, `leases/${leaseId}/terminate`, {
        movedOutOn: today,
        reason: '企业迁出',
      });
      expect(early.json()).toMatchObject({ code: 'INVALID_LEASE_DATE' });

      // Time passes: the lease began (and was signed and moved into) 90 days ago.
      await t.dataSource.query(
        `UPDATE leases SET period = daterange(lower(period) - 90, upper(period) - 90),
                           signed_on = signed_on - 90, moved_in_on = moved_in_on - 90
          WHERE id = $1`,
        [leaseId],
      );
      const moveOut = addDays(today, -10);
      const ended = await post(staff, `leases/${leaseId}/terminate`, {
        movedOutOn: moveOut,
        reason: '企业迁出',
      });
      expect(ended.statusCode).toBe(200);
      expect(ended.json()).toMatchObject({
        status: 'terminated',
        movedOutOn: moveOut,
        periodStart: addDays(today, -90),
        periodEnd: moveOut,
        endReason: '企业迁出',
      });
      expect(await unitRow(unitId)).toEqual({ occupancyStatus: 'vacant', vacantSince: moveOut });

      const appEvents = (await get(firm, `applications/${app.id}/events`)).json().items as Json[];
      expect(appEvents.map((e) => [e.event, e.fromStatus, e.toStatus, e.actorRole])).toEqual([
        ['create', null, 'draft', 'firm'],
        ['submit', 'draft', 'submitted', 'firm'],
        ['start_review', 'submitted', 'under_review', 'staff'],
        ['request_info', 'under_review', 'info_requested', 'staff'],
        ['answer', 'info_requested', 'under_review', 'firm'],
        ['approve', 'under_review', 'approved', 'staff'],
      ]);
      expect(appEvents[3]).toMatchObject({ reason: '请补充环评材料', actorId: staff.userId });
      const leaseEvents = (await get(staff, `leases/${leaseId}/events`)).json().items as Json[];
      expect(leaseEvents.map((e) => [e.event, e.fromStatus, e.toStatus])).toEqual([
        ['create', null, 'draft'],
        ['sign', 'draft', 'signed'],
        ['move_in', 'signed', 'active'],
        ['terminate', 'active', 'terminated'],
      ]);

      const mine = (await get(firm, 'firms/me/leases')).json().items as Json[];
      expect(mine.map((l) => l.id)).toContain(leaseId);
      const zoneLeases = (await get(staff, `zones/${f.zoneId}/leases`)).json().items as Json[];
      expect(zoneLeases.map((l) => l.id)).toContain(leaseId);
    });

    it('without an accepted quote, locks the zone’s current policy and a schedule computed now', async () => {
      const unitId = await newUnit();
      const app = await underReview(firm, unitId, { desiredMoveIn: addDays(today, 5) });
      const approved = await post(staff, `applications/${app.id}/approve`, {});
      expect(approved.statusCode).toBe(200);
      const lease = (await get(staff, `leases/${approved.json().leaseId}`)).json() as Json;
      expect(lease).toMatchObject({ policyVersionId: f.policyVersionId, quoteId: null });
      expect(lease.monthlyRentSchedule).toHaveLength(12);
      expect(lease.totalDueFen).toBe(
        (lease.monthlyRentSchedule as Json[]).reduce((s, l) => s + (l.dueFen as number), 0),
      );
    });

    it('refuses a quote whose term or start differs, and a move-in date in the past', async () => {
      const unitId = f.unitIds[1];
      const quote = (
        await post(firm, 'firms/me/quotes', {
          unitId,
          termMonths: 24,
          startDate: today,
          profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
        })
      ).json() as Json;
      const mismatch = await post(firm, 'applications', {
        unitId,
        intendedUse: '仓储',
        termMonths: 12,
        desiredMoveIn: today,
        quoteId: quote.id,
      });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json()).toMatchObject({ code: 'QUOTE_MISMATCH' });
      const past = await post(firm, 'applications', {
        unitId,
        intendedUse: '仓储',
        termMonths: 12,
        desiredMoveIn: addDays(today, -1),
      });
      expect(past.json()).toMatchObject({ code: 'MOVE_IN_DATE_IN_PAST' });
      const othersQuote = await post(firmB, 'applications', {
        unitId,
        intendedUse: '仓储',
        termMonths: 24,
        desiredMoveIn: today,
        quoteId: quote.id,
      });
      expect(othersQuote.json()).toMatchObject({ code: 'QUOTE_NOT_FOUND' });
    });
  });

  describe('refused transitions', () => {
    it('answers 409 naming the allowed states, in the request’s language', async () => {
      const unitId = await newUnit();
      const app = await underReview(firm, unitId, { desiredMoveIn: addDays(today, 3) });
      const leaseId = (await post(staff, `applications/${app.id}/approve`)).json().leaseId;

      const withdraw = await firm.inject({
        method: 'POST',
        url: v1(`applications/${app.id}/withdraw`),
        payload: {},
        headers: { 'accept-language': 'en' },
      });
      expect(withdraw.statusCode).toBe(409);
      expect(withdraw.json()).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: {
          event: 'withdraw',
          from: 'approved',
          allowedFrom: ['draft', 'submitted', 'under_review', 'info_requested', 'waiting'],
        },
      });
      expect(withdraw.json().message).toMatch(/^Only .* can be withdrawn/);
      const zh = await firm.inject({
        method: 'POST',
        url: v1(`applications/${app.id}/withdraw`),
        payload: {},
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(zh.json().message).toMatch(/撤回/);

      const cancelled = await post(staff, `leases/${leaseId}/cancel`, { reason: '企业放弃' });
      expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
      const sign = await post(staff, `leases/${leaseId}/sign`, { signedOn: today });
      expect(sign.statusCode).toBe(409);
      expect(sign.json()).toMatchObject({
        code: 'INVALID_TRANSITION',
        details: { event: 'sign', from: 'cancelled', allowedFrom: ['draft'] },
      });
      expect(await unitRow(unitId)).toMatchObject({ occupancyStatus: 'vacant' });
    });

    it('a firm calling a staff transition gets 403', async () => {
      const app = await draft(firm, await newUnit());
      for (const verb of ['start-review', 'approve', 'reject']) {
        const res = await post(firm, `applications/${app.id}/${verb}`, { reason: 'x' });
        expect({ verb, status: res.statusCode }).toEqual({ verb, status: 403 });
      }
      const res = await post(staff, `applications/${app.id}/submit`);
      expect(res.statusCode).toBe(403);
    });
  });

  describe('competing applications', () => {
    it('approving one puts overlapping competitors on hold; cancelling the lease reopens them', async () => {
      const unitId = await newUnit();
      const winner = await underReview(firm, unitId, { desiredMoveIn: addDays(today, 30) });
      const overlapping = await draft(firmB, unitId, { desiredMoveIn: addDays(today, 60) });
      await post(firmB, `applications/${overlapping.id}/submit`);
      const later = await draft(firmB, unitId, { desiredMoveIn: addMonths(today, 24) });
      await post(firmB, `applications/${later.id}/submit`);

      const approved = await post(staff, `applications/${winner.id}/approve`);
      expect(approved.statusCode).toBe(200);
      const statusOf = async (id: string) => (await get(staff, `applications/${id}`)).json().status;
      expect(await statusOf(overlapping.id)).toBe('waiting');
      expect(await statusOf(later.id)).toBe('submitted');
      const held = (await get(firmB, `applications/${overlapping.id}/events`)).json().items;
      expect(held.at(-1)).toMatchObject({
        event: 'put_on_hold',
        fromStatus: 'submitted',
        toStatus: 'waiting',
        actorRole: 'system',
        actorId: null,
      });
      const waitingQueue = await get(staff, `zones/${f.zoneId}/applications?status=waiting`);
      expect(waitingQueue.json().items.map((a: Json) => a.id)).toContain(overlapping.id);

      // Approving the waiting one is refused by the machine.
      const again = await post(staff, `applications/${overlapping.id}/approve`);
      expect(again.json()).toMatchObject({ code: 'INVALID_TRANSITION' });

      const cancel = await post(staff, `leases/${approved.json().leaseId}/cancel`, {
        reason: '企业放弃签约',
      });
      expect(cancel.statusCode).toBe(200);
      expect(await statusOf(overlapping.id)).toBe('under_review');
      expect(await statusOf(later.id)).toBe('submitted');
      expect(await unitRow(unitId)).toMatchObject({ occupancyStatus: 'vacant' });
    });

    it('a lease over the period refuses the approval with 409 UNIT_NOT_AVAILABLE', async () => {
      const unitId = await newUnit();
      const app = await underReview(firm, unitId, { desiredMoveIn: addDays(today, 10) });
      // A lease recorded outside this workflow (e.g. imported) already holds the unit.
      await insertRow(t.dataSource, 'leases', {
        zone_id: f.zoneId,
        unit_id: unitId,
        firm_id: f.firmId,
        policy_version_id: f.policyVersionId,
        period: `[${today},${addMonths(today, 6)})`,
        term_months: 6,
        monthly_rent_schedule: [],
        total_due_fen: 0,
      });
      const res = await firm.inject({ method: 'GET', url: v1(`applications/${app.id}`) });
      expect(res.json().status).toBe('under_review');
      const refused = await staff.inject({
        method: 'POST',
        url: v1(`applications/${app.id}/approve`),
        payload: {},
        headers: { 'accept-language': 'en' },
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'UNIT_NOT_AVAILABLE' });
      expect(refused.json().message).toMatch(/another lease/);
      // Nothing half-written: the application is still under review, no event was added.
      const after = (await get(staff, `applications/${app.id}`)).json();
      expect(after).toMatchObject({ status: 'under_review', version: app.version });
      const events = (await get(staff, `applications/${app.id}/events`)).json().items as Json[];
      expect(events.map((e) => e.event)).toEqual(['create', 'submit', 'start_review']);
    });
  });

  describe('concurrency', () => {
    it.each([1, 2, 3])(
      'round %i: 50 parallel approvals of competing applications → exactly one lease',
      async () => {
        const unitId = await newUnit();
        const ids: string[] = [];
        for (let i = 0; i < 50; i++) {
          const start = addDays(today, i);
          const row = await insertRow(
            t.dataSource,
            'applications',
            applicationValues(f, {
              unit_id: unitId,
              status: i % 2 === 0 ? 'under_review' : 'submitted',
              submitted_at: new Date(),
              desired_move_in: start,
              requested_period: `[${start},${addMonths(start, 12)})`,
            }),
          );
          ids.push(row.id as string);
        }
        const answers = await Promise.all(
          ids.map((id) => post(staff, `applications/${id}/approve`)),
        );
        const statuses = answers.map((r) => r.statusCode);
        const codes = answers.filter((r) => r.statusCode !== 200).map((r) => r.json().code);
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
        expect(statuses.filter((s) => s === 200)).toHaveLength(1);
        expect(statuses.filter((s) => s === 409)).toHaveLength(49);
        expect(
          codes.filter((c) => !['UNIT_NOT_AVAILABLE', 'INVALID_TRANSITION'].includes(c)),
        ).toEqual([]);
        const leases = (await t.dataSource.query(
          `SELECT count(*)::int AS n FROM leases WHERE unit_id = $1`,
          [unitId],
        )) as { n: number }[];
        expect(leases[0].n).toBe(1);
        const pairs = (await t.dataSource.query(OVERLAPPING_PAIRS_SQL, [unitId])) as {
          n: number;
        }[];
        expect(pairs[0].n).toBe(0);
        const byStatus = (await t.dataSource.query(
          `SELECT status, count(*)::int AS n FROM applications WHERE unit_id = $1 GROUP BY status`,
          [unitId],
        )) as { status: string; n: number }[];
        expect(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))).toEqual({
          approved: 1,
          waiting: 49,
        });
      },
      60_000,
    );

    it('5 parallel approvals with one Idempotency-Key → one lease, one outcome', async () => {
      const unitId = await newUnit();
      const app = await underReview(firm, unitId, { desiredMoveIn: addDays(today, 2) });
      const key = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          post(staff, `applications/${app.id}/approve`, {}, { 'idempotency-key': key }),
        ),
      );
      expect(answers.filter((r) => r.statusCode >= 500)).toEqual([]);
      const ok = answers.filter((r) => r.statusCode === 200);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ok.map((r) => r.body)).size).toBe(1);
      for (const r of answers.filter((a) => a.statusCode !== 200)) {
        expect({ status: r.statusCode, code: r.json().code }).toEqual({
          status: 409,
          code: 'IDEMPOTENCY_KEY_IN_PROGRESS',
        });
      }
      const leases = (await t.dataSource.query(
        `SELECT count(*)::int AS n FROM leases WHERE unit_id = $1`,
        [unitId],
      )) as { n: number }[];
      expect(leases[0].n).toBe(1);
      // A later retry replays the first answer.
      const replay = await post(
        staff,
        `applications/${app.id}/approve`,
        {},
        {
          'idempotency-key': key,
        },
      );
      expect(replay.statusCode).toBe(200);
      expect(replay.body).toBe(ok[0].body);
    });
  });

  describe('authorization', () => {
    let appId: string;
    let leaseId: string;
    beforeAll(async () => {
      const app = await underReview(firm, await newUnit(), { desiredMoveIn: addDays(today, 7) });
      appId = app.id;
      leaseId = (await post(staff, `applications/${appId}/approve`)).json().leaseId;
    });

    it('firm B cannot read or act on firm A’s application or lease (404)', async () => {
      for (const path of [`applications/${appId}`, `applications/${appId}/events`]) {
        expect((await get(firmB, path)).json()).toMatchObject({ code: 'APPLICATION_NOT_FOUND' });
      }
      for (const path of [`leases/${leaseId}`, `leases/${leaseId}/events`]) {
        expect((await get(firmB, path)).json()).toMatchObject({ code: 'LEASE_NOT_FOUND' });
      }
      const withdraw = await post(firmB, `applications/${appId}/withdraw`);
      expect(withdraw.statusCode).toBe(404);
      const patch = await firmB.inject({
        method: 'PATCH',
        url: v1(`applications/${appId}`),
        payload: { version: 1 },
      });
      expect(patch.statusCode).toBe(404);
      const mine = (await get(firmB, 'firms/me/applications')).json().items as Json[];
      expect(mine.map((a) => a.id)).not.toContain(appId);
      const leases = (await get(firmB, 'firms/me/leases')).json().items as Json[];
      expect(leases.map((l) => l.id)).not.toContain(leaseId);
    });

    it('staff of another zone cannot (404); a visitor is refused (401)', async () => {
      expect((await get(otherStaff, `applications/${appId}`)).statusCode).toBe(404);
      expect((await get(otherStaff, `leases/${leaseId}`)).statusCode).toBe(404);
      expect(
        (await post(otherStaff, `applications/${appId}/reject`, { reason: 'x' })).statusCode,
      ).toBe(404);
      expect((await post(otherStaff, `leases/${leaseId}/cancel`, { reason: 'x' })).statusCode).toBe(
        404,
      );
      expect((await get(otherStaff, `zones/${f.zoneId}/applications`)).statusCode).toBe(404);
      expect((await get(null, `applications/${appId}`)).statusCode).toBe(401);
      expect((await get(null, `leases/${leaseId}`)).statusCode).toBe(401);
      // Nothing changed.
      expect((await get(staff, `leases/${leaseId}`)).json().status).toBe('draft');
    });
  });
});
