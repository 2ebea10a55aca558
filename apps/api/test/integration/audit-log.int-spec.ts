/**
 * GET /audit-events: zone administrators read their zone's security events, the super
 * administrator every event; filters (type, outcome, actor, China-time day range) and keyset
 * paging newest first; visitors and staff are turned away.
 */
import { AuditService, type AuditRecord } from '../../src/modules/audit/audit.service';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import { insertUserWithSession, insertZone, type TestSession } from '../utils/sign-in';

type Json = Record<string, unknown>;
interface Page {
  items: Json[];
  nextCursor: string | null;
  total: { value: number; exact: boolean };
}

describe('audit log (integration)', () => {
  let t: TestApp;
  let zoneX: string;
  let zoneY: string;
  let superAdmin: TestSession;
  let adminX: TestSession;
  let adminY: TestSession;
  let staffX: TestSession;

  const actorOf = (s: TestSession, role: 'zone_admin' | 'super_admin' | 'staff') => ({
    userId: s.userId,
    email: s.email,
    role,
    zoneId: s.zoneId,
  });

  const get = async (url: string, session?: TestSession) =>
    t.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': 'en', ...(session ? { cookie: session.cookie } : {}) },
    });
  const page = async (url: string, session: TestSession): Promise<Page> => {
    const res = await get(url, session);
    expect(res.statusCode).toBe(200);
    return res.json<Page>();
  };

  /** Events in the database order the API promises (newest first, id as tie-break). */
  async function databaseOrder(zoneId?: string): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM audit_events WHERE ($1::uuid IS NULL OR zone_id = $1::uuid)
        ORDER BY occurred_at DESC, id DESC`,
      [zoneId ?? null],
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    zoneX = await insertZone(t.dataSource);
    zoneY = await insertZone(t.dataSource);
    superAdmin = await insertUserWithSession(t.dataSource, { role: 'super_admin' });
    adminX = await insertUserWithSession(t.dataSource, { role: 'zone_admin', zoneId: zoneX });
    adminY = await insertUserWithSession(t.dataSource, { role: 'zone_admin', zoneId: zoneY });
    staffX = await insertUserWithSession(t.dataSource, { role: 'staff', zoneId: zoneX });

    const audit = t.app.get(AuditService);
    const origin = { ip: '203.0.113.7', userAgent: 'jest' };
    const events: AuditRecord[] = [
      { type: 'login.success', outcome: 'success', actor: actorOf(adminX, 'zone_admin'), origin },
      {
        type: 'login.failure',
        outcome: 'failure',
        actorLabel: 'nobody@example.com',
        zoneId: zoneX,
        origin,
        details: { reason: 'unknown_account' },
      },
      {
        type: 'invitation.create',
        outcome: 'success',
        actor: actorOf(adminX, 'zone_admin'),
        target: { type: 'invitation', id: 'inv-1', label: 'new@example.com' },
        details: { role: 'staff' },
      },
      { type: 'logout', outcome: 'success', actor: actorOf(staffX, 'staff') },
      { type: 'login.success', outcome: 'success', actor: actorOf(adminY, 'zone_admin') },
      { type: 'user.disable', outcome: 'success', actor: actorOf(adminY, 'zone_admin') },
      { type: 'zone.create', outcome: 'success', actor: actorOf(superAdmin, 'super_admin') },
    ];
    // One at a time, outside a transaction: distinct, increasing occurred_at.
    for (const event of events) await audit.record(event);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the super administrator every event, newest first', async () => {
    const body = await page('/api/v1/audit-events', superAdmin);
    expect(body.total).toEqual({ value: 7, exact: true });
    expect(body.items.map((e) => e.id)).toEqual(await databaseOrder());
    expect(body.items.map((e) => e.type)).toEqual([
      'zone.create',
      'user.disable',
      'login.success',
      'logout',
      'invitation.create',
      'login.failure',
      'login.success',
    ]);
    const invitation = body.items.find((e) => e.type === 'invitation.create')!;
    expect(invitation).toEqual({
      id: expect.any(String),
      occurredAt: expect.stringMatching(/Z$/),
      type: 'invitation.create',
      outcome: 'success',
      actorId: adminX.userId,
      actorLabel: adminX.email,
      actorRole: 'zone_admin',
      zoneId: zoneX,
      ip: null,
      userAgent: null,
      targetType: 'invitation',
      targetId: 'inv-1',
      targetLabel: 'new@example.com',
      details: { role: 'staff' },
    });
  });

  it("shows a zone administrator only their zone's events", async () => {
    const x = await page('/api/v1/audit-events', adminX);
    expect(x.items.map((e) => e.type)).toEqual([
      'logout',
      'invitation.create',
      'login.failure',
      'login.success',
    ]);
    expect(x.items.every((e) => e.zoneId === zoneX)).toBe(true);
    expect(x.total.value).toBe(4);

    const y = await page('/api/v1/audit-events', adminY);
    expect(y.items.map((e) => e.type)).toEqual(['user.disable', 'login.success']);

    // another zone's actor is simply not there
    const foreign = await page(`/api/v1/audit-events?actorId=${adminY.userId}`, adminX);
    expect(foreign.items).toEqual([]);
  });

  it('filters by type, outcome and actor', async () => {
    const logins = await page('/api/v1/audit-events?type=login.success', superAdmin);
    expect(logins.items.map((e) => e.actorId).sort()).toEqual(
      [adminX.userId, adminY.userId].sort(),
    );

    const failures = await page('/api/v1/audit-events?outcome=failure', adminX);
    expect(failures.items).toHaveLength(1);
    expect(failures.items[0]).toMatchObject({
      type: 'login.failure',
      actorId: null,
      actorLabel: 'nobody@example.com',
      ip: '203.0.113.7',
      userAgent: 'jest',
      details: { reason: 'unknown_account' },
    });

    const byActor = await page(`/api/v1/audit-events?actorId=${adminX.userId}`, superAdmin);
    expect(byActor.items.map((e) => e.type)).toEqual(['invitation.create', 'login.success']);

    const combined = await page(
      `/api/v1/audit-events?actorId=${adminX.userId}&type=login.success&outcome=success`,
      adminX,
    );
    expect(combined.items).toHaveLength(1);
  });

  it('filters by day in China time, both ends inclusive', async () => {
    // Move two Y events around midnight of 1/2 March 2026 in China (UTC+8).
    const [late, early] = (await page('/api/v1/audit-events', adminY)).items.map(
      (e) => e.id as string,
    );
    await t.dataSource.query(`UPDATE audit_events SET occurred_at = $2 WHERE id = $1`, [
      early,
      '2026-03-01T15:59:59.999Z', // 23:59:59.999 on 1 March in China
    ]);
    await t.dataSource.query(`UPDATE audit_events SET occurred_at = $2 WHERE id = $1`, [
      late,
      '2026-03-01T16:00:00.000Z', // 00:00 on 2 March in China
    ]);

    const first = await page('/api/v1/audit-events?from=2026-03-01&to=2026-03-01', adminY);
    expect(first.items.map((e) => e.id)).toEqual([early]);
    const second = await page('/api/v1/audit-events?from=2026-03-02&to=2026-03-02', adminY);
    expect(second.items.map((e) => e.id)).toEqual([late]);
    const both = await page('/api/v1/audit-events?from=2026-03-01&to=2026-03-02', adminY);
    expect(both.items.map((e) => e.id)).toEqual([late, early]);
    const until = await page('/api/v1/audit-events?to=2026-03-01', superAdmin);
    expect(until.items.map((e) => e.id)).toEqual([early]);
    const since = await page('/api/v1/audit-events?from=2026-03-03', adminY);
    expect(since.items).toEqual([]);
    const reversed = await page('/api/v1/audit-events?from=2026-03-02&to=2026-03-01', adminY);
    expect(reversed.items).toEqual([]);
  });

  it('pages newest first with limit and cursor, each event exactly once', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const body = await page(`/api/v1/audit-events?limit=2${query}`, superAdmin);
      expect(body.items.length).toBeLessThanOrEqual(2);
      ids.push(...body.items.map((e) => e.id as string));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(ids).toEqual(await databaseOrder());

    const zonePage = await page('/api/v1/audit-events?limit=3', adminX);
    expect(zonePage.nextCursor).toEqual(expect.any(String));
    const rest = await page(
      `/api/v1/audit-events?limit=3&cursor=${encodeURIComponent(zonePage.nextCursor!)}`,
      adminX,
    );
    expect([...zonePage.items, ...rest.items].map((e) => e.id)).toEqual(await databaseOrder(zoneX));
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses malformed filters', async () => {
    for (const query of [
      'type=not.a.type',
      'outcome=maybe',
      'actorId=123',
      'from=2026-02-30',
      'to=yesterday',
      'cursor=garbage',
    ]) {
      const res = await get(`/api/v1/audit-events?${query}`, superAdmin);
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
    }
  });

  it('turns away visitors (401) and staff (403)', async () => {
    const visitor = await get('/api/v1/audit-events');
    expect(visitor.statusCode).toBe(401);
    expect(visitor.json<Json>().code).toBe('NOT_AUTHENTICATED');

    const staff = await get('/api/v1/audit-events', staffX);
    expect(staff.statusCode).toBe(403);
    expect(staff.json<Json>().code).toBe('FORBIDDEN');
  });
});
