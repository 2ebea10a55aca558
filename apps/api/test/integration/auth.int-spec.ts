import { creditCodeCheckCharacter } from '@factoryspace/domain';
import { createTestApp, injectAs, type TestApp } from '../utils/create-test-app';

/** Sign-in flows end to end on a real database: registration, verification, login, sessions. */

type Inject = TestApp['inject'];
type Res = Awaited<ReturnType<Inject>>;

const PASSWORD = 'Kiln-orchard-2031';
let sequence = 0;
const nextEmail = () => `owner${++sequence}-${Date.now().toString(36)}@example.cn`;
function nextCreditCode(): string {
  const digits = String(100000 + ((Date.now() + sequence++ * 7919) % 900000));
  const first17 = `91140581MA0${digits}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

function registration(email: string, overrides: Record<string, unknown> = {}) {
  return {
    email,
    password: PASSWORD,
    displayName: '张敏',
    firm: {
      name: `测试精密制造有限公司 ${sequence}`,
      creditCode: nextCreditCode(),
      legalRepresentative: '张敏',
      industryCode: '34',
      size: 'small',
      contactName: '张敏',
      contactPhone: '13800138000',
    },
    ...overrides,
  };
}

/** `name=value` pairs of Set-Cookie headers. */
function cookiesOf(res: Res): Record<string, string> {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return Object.fromEntries(
    list.map((c) => {
      const [pair] = String(c).split(';');
      const i = pair.indexOf('=');
      return [pair.slice(0, i), pair.slice(i + 1)];
    }),
  );
}

function setCookieLine(res: Res, name: string): string {
  const raw = res.headers['set-cookie'];
  const list = (Array.isArray(raw) ? raw : [raw]).map(String);
  return list.find((c) => c.startsWith(`${name}=`)) ?? '';
}

describe('authentication (integration)', () => {
  let t: TestApp;

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    t.anonymous({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });

  /** The token in the newest outbox mail of `kind` to `to`. */
  async function mailToken(to: string, kind: string): Promise<string> {
    const rows: { body_text: string }[] = await t.dataSource.query(
      `SELECT body_text FROM outbox_messages WHERE to_address = $1 AND kind = $2
        ORDER BY created_at DESC LIMIT 1`,
      [to, kind],
    );
    const match = /token=([A-Za-z0-9_-]+)/.exec(rows[0]?.body_text ?? '');
    if (!match) throw new Error(`no ${kind} mail to ${to}`);
    return match[1];
  }

  async function login(identifier: string, password = PASSWORD, headers = {}): Promise<Res> {
    return post('/auth/login', { identifier, password }, headers);
  }

  /** Registers, verifies through the mailed link and signs in. */
  async function registeredFirmUser(email = nextEmail()) {
    expect((await post('/auth/register', registration(email))).statusCode).toBe(202);
    const token = await mailToken(email, 'verify_email');
    expect((await post('/auth/email/verify', { token })).statusCode).toBe(204);
    const res = await login(email);
    expect(res.statusCode).toBe(200);
    const cookies = cookiesOf(res);
    const session = { cookie: `fs_session=${cookies.fs_session}`, csrfToken: cookies.fs_csrf };
    return { email, res, session, inject: injectAs(t.anonymous, session) };
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('registration and email verification', () => {
    it('registers a firm and its owner, mails a link, and only a verified user signs in', async () => {
      const email = nextEmail();
      const res = await post('/auth/register', registration(email));
      expect(res.statusCode).toBe(202);
      expect(res.json().message).toMatch(/验证邮件/);

      const early = await login(email);
      expect(early.statusCode).toBe(403);
      expect(early.json().code).toBe('EMAIL_NOT_VERIFIED');

      const token = await mailToken(email, 'verify_email');
      expect((await post('/auth/email/verify', { token })).statusCode).toBe(204);
      const again = await post('/auth/email/verify', { token });
      expect(again.statusCode).toBe(400);
      expect(again.json().code).toBe('TOKEN_INVALID');

      const ok = await login(email.toUpperCase());
      expect(ok.statusCode).toBe(200);
      const body = ok.json();
      expect(body.user).toMatchObject({
        email,
        role: 'firm',
        firmRole: 'owner',
        emailVerified: true,
      });
      expect(body.csrfToken).toEqual(expect.any(String));
      const session = setCookieLine(ok, 'fs_session');
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(session).not.toMatch(/Secure/i);
      expect(setCookieLine(ok, 'fs_csrf')).not.toMatch(/HttpOnly/i);

      const cookies = cookiesOf(ok);
      const me = await injectAs(t.anonymous, {
        cookie: `fs_session=${cookies.fs_session}`,
        csrfToken: cookies.fs_csrf,
      })({ method: 'GET', url: '/api/v1/firms/me' });
      expect(me.statusCode).toBe(200);
      expect(me.json().name).toMatch(/测试精密制造有限公司/);
    });

    it('answers a taken email or credit code exactly like a new registration', async () => {
      const { email } = await registeredFirmUser();
      const fresh = await post('/auth/register', registration(nextEmail()));
      const taken = await post('/auth/register', registration(email));
      expect(taken.statusCode).toBe(fresh.statusCode);
      expect(taken.json()).toEqual(fresh.json());
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM users WHERE email = $1',
        [email],
      );
      expect(n).toBe(1);
      const notice: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM outbox_messages WHERE to_address = $1 AND kind = 'already_registered'`,
        [email],
      );
      expect(notice).toHaveLength(1);

      const firm = registration(nextEmail());
      expect((await post('/auth/register', firm)).statusCode).toBe(202);
      const sameFirm = registration(nextEmail(), { firm: firm.firm });
      const dup = await post('/auth/register', sameFirm);
      expect(dup.statusCode).toBe(202);
      expect(dup.json()).toEqual(fresh.json());
      const firms: unknown[] = await t.dataSource.query(
        'SELECT 1 FROM firms WHERE credit_code = $1',
        [firm.firm.creditCode],
      );
      expect(firms).toHaveLength(1);
    });

    it('explains a weak password and a mistyped credit code in the user’s language', async () => {
      const body = registration(nextEmail(), { password: 'password123' });
      (body.firm as Record<string, unknown>).creditCode = '91350100M000100Y44';
      const res = await post('/auth/register', body, { 'accept-language': 'zh-CN' });
      expect(res.statusCode).toBe(400);
      const details: { field: string; code: string; message: string }[] = res.json().details;
      expect(details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'firm.creditCode', code: 'invalid_credit_code' }),
        ]),
      );
      expect(details.find((d) => d.field === 'firm.creditCode')!.message).toMatch(/校验位/);

      const weak = await post(
        '/auth/register',
        registration(nextEmail(), { password: 'password123' }),
        {
          'accept-language': 'en',
        },
      );
      expect(weak.statusCode).toBe(400);
      expect(weak.json().details[0]).toMatchObject({ field: 'password', code: 'weak_password' });
      expect(weak.json().details[0].message).toMatch(/common/i);
    });
  });

  describe('login', () => {
    it('gives the same answer for an unknown account and a wrong password', async () => {
      const { email } = await registeredFirmUser();
      const unknown = await login(nextEmail(), 'whatever-password-1');
      const wrong = await login(email, 'whatever-password-1');
      expect(unknown.statusCode).toBe(401);
      expect(wrong.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrong.json());
      expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    });

    it('backs off one identifier after repeated failures (429) without locking out others', async () => {
      const victim = await registeredFirmUser();
      const other = await registeredFirmUser();
      for (let i = 0; i < 5; i += 1) {
        expect((await login(victim.email, 'not-the-password-1')).statusCode).toBe(401);
      }
      const locked = await login(victim.email);
      expect(locked.statusCode).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((await login(other.email)).statusCode).toBe(200);
      // Unknown identifiers back off the same way (nothing tells which accounts exist).
      const ghost = nextEmail();
      for (let i = 0; i < 5; i += 1) await login(ghost, 'not-the-password-1');
      expect((await login(ghost, 'not-the-password-1')).statusCode).toBe(429);
    });

    it('records every success and failure in the audit log with the IP', async () => {
      const { email } = await registeredFirmUser();
      await login(email, 'wrong-password-xyz');
      const rows: { type: string; outcome: string; ip: string | null }[] = await t.dataSource.query(
        `SELECT type, outcome, ip FROM audit_events WHERE actor_label = $1 AND type LIKE 'login.%'
            ORDER BY occurred_at`,
        [email],
      );
      expect(rows.map((r) => r.type)).toEqual(['login.success', 'login.failure']);
      expect(rows.every((r) => r.ip)).toBe(true);
    });

    it('marks cookies Secure when the request came over https', async () => {
      const { email } = await registeredFirmUser();
      const res = await login(email, PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(res.statusCode).toBe(200);
      expect(setCookieLine(res, 'fs_session')).toMatch(/Secure/i);
    });
  });

  describe('sessions and CSRF', () => {
    it('requires the CSRF token on unsafe requests with a session cookie', async () => {
      const { session } = await registeredFirmUser();
      const url = '/api/v1/firms/me/invitations';
      const payload = { email: nextEmail() };
      const none = await t.anonymous({
        method: 'POST',
        url,
        payload,
        headers: { cookie: session.cookie },
      });
      expect(none.statusCode).toBe(403);
      expect(none.json().code).toBe('CSRF_TOKEN_INVALID');
      const wrong = await t.anonymous({
        method: 'POST',
        url,
        payload,
        headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
      });
      expect(wrong.statusCode).toBe(403);
      const right = await injectAs(t.anonymous, session)({ method: 'POST', url, payload });
      expect(right.statusCode).toBe(201);
    });

    it('ends the session on logout', async () => {
      const { inject } = await registeredFirmUser();
      expect((await inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
      const after = await inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('SESSION_EXPIRED');
      const visitor = await t.anonymous({ method: 'GET', url: '/api/v1/auth/session' });
      expect(visitor.json().code).toBe('NOT_AUTHENTICATED');
    });

    it('ends every other session when the password changes', async () => {
      const { email, inject: first } = await registeredFirmUser();
      const second = cookiesOf(await login(email));
      const secondInject = injectAs(t.anonymous, {
        cookie: `fs_session=${second.fs_session}`,
        csrfToken: second.fs_csrf,
      });
      const wrong = await first({
        method: 'POST',
        url: '/api/v1/auth/password/change',
        payload: { currentPassword: 'nope-nope-nope', newPassword: 'Granite-harbour-77' },
      });
      expect(wrong.statusCode).toBe(400);
      const changed = await first({
        method: 'POST',
        url: '/api/v1/auth/password/change',
        payload: { currentPassword: PASSWORD, newPassword: 'Granite-harbour-77' },
      });
      expect(changed.statusCode).toBe(200);
      expect((await secondInject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
        401,
      );
      expect((await first({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      const fresh = cookiesOf(changed);
      const renewed = injectAs(t.anonymous, {
        cookie: `fs_session=${fresh.fs_session}`,
        csrfToken: fresh.fs_csrf,
      });
      expect((await renewed({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
      expect((await login(email)).statusCode).toBe(401);
      expect((await login(email, 'Granite-harbour-77')).statusCode).toBe(200);
    });

    it('expires a session after the idle timeout and at its absolute end', async () => {
      const a = await registeredFirmUser();
      await t.dataSource.query(
        `UPDATE sessions SET last_seen_at = now() - interval '3 hours'
          WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
        [a.email],
      );
      expect((await a.inject({ method: 'GET', url: '/api/v1/auth/session' })).json().code).toBe(
        'SESSION_EXPIRED',
      );
      const b = await registeredFirmUser();
      await t.dataSource.query(
        `UPDATE sessions SET expires_at = now() - interval '1 second'
          WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
        [b.email],
      );
      expect((await b.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
    });
  });

  describe('password reset', () => {
    it('answers the same for unknown addresses and resets with a single-use token', async () => {
      const { email, inject } = await registeredFirmUser();
      const unknown = await post('/auth/password/forgot', { email: nextEmail() });
      const known = await post('/auth/password/forgot', { email });
      expect(known.statusCode).toBe(202);
      expect(known.json()).toEqual(unknown.json());

      const token = await mailToken(email, 'reset_password');
      const weak = await post('/auth/password/reset', { token, newPassword: '1234567890' });
      expect(weak.statusCode).toBe(400);
      const reset = await post('/auth/password/reset', { token, newPassword: 'Copper-lantern-19' });
      expect(reset.statusCode).toBe(204);
      expect(
        (await post('/auth/password/reset', { token, newPassword: 'Copper-lantern-20' }))
          .statusCode,
      ).toBe(400);
      expect((await inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
      expect((await login(email, 'Copper-lantern-19')).statusCode).toBe(200);
    });

    it('refuses an expired token', async () => {
      const { email } = await registeredFirmUser();
      await post('/auth/password/forgot', { email });
      const token = await mailToken(email, 'reset_password');
      await t.dataSource.query(
        `UPDATE auth_tokens SET expires_at = now() - interval '1 minute' WHERE purpose = 'reset_password'`,
      );
      const res = await post('/auth/password/reset', { token, newPassword: 'Copper-lantern-21' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('TOKEN_INVALID');
    });
  });

  describe('administrators and invitations', () => {
    it('invites staff by mail; the link creates a verified account in the zone, once', async () => {
      const admin = await t.signIn({ role: 'zone_admin' });
      const email = nextEmail();
      const created = await admin.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { email, role: 'staff' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        email,
        role: 'staff',
        zoneId: admin.zoneId,
        status: 'pending',
      });
      const token = await mailToken(email, 'invitation');
      const preview = await t.anonymous({
        method: 'GET',
        url: `/api/v1/auth/invitations/${token}`,
      });
      expect(preview.json()).toMatchObject({ email, role: 'staff' });
      const accepted = await post('/auth/invitations/accept', {
        token,
        password: 'Meadow-forge-4410',
        displayName: '新同事',
      });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().user).toMatchObject({
        role: 'staff',
        zoneId: admin.zoneId,
        emailVerified: true,
      });
      const reuse = await post('/auth/invitations/accept', {
        token,
        password: 'Meadow-forge-4410',
        displayName: '新同事',
      });
      expect(reuse.json().code).toBe('TOKEN_INVALID');
      const outbox: { zone_id: string }[] = await t.dataSource.query(
        `SELECT zone_id FROM outbox_messages WHERE to_address = $1`,
        [email],
      );
      expect(outbox[0].zone_id).toBe(admin.zoneId);
    });

    it('refuses to invite an address that already has an account', async () => {
      const admin = await t.signIn({ role: 'zone_admin' });
      const other = await t.signIn({ role: 'staff', zoneId: admin.zoneId! });
      const res = await admin.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { email: other.email, role: 'staff' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('EMAIL_TAKEN');
      const sent: unknown[] = await t.dataSource.query(
        'SELECT 1 FROM outbox_messages WHERE to_address = $1',
        [other.email],
      );
      expect(sent).toHaveLength(0);
    });

    it('refuses an expired invitation', async () => {
      const admin = await t.signIn({ role: 'zone_admin' });
      const email = nextEmail();
      await admin.inject({
        method: 'POST',
        url: '/api/v1/invitations',
        payload: { email, role: 'staff' },
      });
      const token = await mailToken(email, 'invitation');
      await t.dataSource.query(
        `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = $1`,
        [email],
      );
      expect(
        (await t.anonymous({ method: 'GET', url: `/api/v1/auth/invitations/${token}` })).statusCode,
      ).toBe(400);
    });

    it('disabling a user ends their sessions and is audited; nobody disables themselves', async () => {
      const admin = await t.signIn({ role: 'zone_admin' });
      const staff = await t.signIn({ role: 'staff', zoneId: admin.zoneId! });
      expect((await staff.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
        200,
      );
      const user = (
        await admin.inject({ method: 'GET', url: `/api/v1/users/${staff.userId}` })
      ).json();
      const res = await admin.inject({
        method: 'PATCH',
        url: `/api/v1/users/${staff.userId}`,
        payload: { status: 'disabled', version: user.version },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().status).toBe('disabled');
      expect((await staff.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
        401,
      );
      const audit: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM audit_events WHERE type = 'user.disable' AND target_id = $1 AND actor_id = $2`,
        [staff.userId, admin.userId],
      );
      expect(audit).toHaveLength(1);
      const self = (
        await admin.inject({ method: 'GET', url: `/api/v1/users/${admin.userId}` })
      ).json();
      const selfRes = await admin.inject({
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        payload: { status: 'disabled', version: self.version },
      });
      expect(selfRes.statusCode).toBe(403);
    });

    it('lets a firm owner invite a colleague, who may read but not edit the firm', async () => {
      const owner = await registeredFirmUser();
      const email = nextEmail();
      expect(
        (
          await owner.inject({
            method: 'POST',
            url: '/api/v1/firms/me/invitations',
            payload: { email },
          })
        ).statusCode,
      ).toBe(201);
      const token = await mailToken(email, 'invitation');
      const accepted = await post('/auth/invitations/accept', {
        token,
        password: 'Willow-anvil-5512',
        displayName: '李工',
      });
      expect(accepted.json().user).toMatchObject({ role: 'firm', firmRole: 'member' });
      const c = cookiesOf(accepted);
      const member = injectAs(t.anonymous, {
        cookie: `fs_session=${c.fs_session}`,
        csrfToken: c.fs_csrf,
      });
      const firm = (await member({ method: 'GET', url: '/api/v1/firms/me' })).json();
      const edit = await member({
        method: 'PATCH',
        url: '/api/v1/firms/me',
        payload: { contactName: '李工', version: firm.version },
      });
      expect(edit.statusCode).toBe(403);
      const members = (
        await owner.inject({ method: 'GET', url: '/api/v1/firms/me/members' })
      ).json();
      expect(members).toHaveLength(2);
      const memberId = accepted.json().user.id;
      expect(
        (await owner.inject({ method: 'DELETE', url: `/api/v1/firms/me/members/${memberId}` }))
          .statusCode,
      ).toBe(204);
      expect((await member({ method: 'GET', url: '/api/v1/firms/me' })).statusCode).toBe(401);
    });
  });

  describe('security headers', () => {
    it('sends a CSP allowing only our origin and the tile host, and no CORS by default', async () => {
      const res = await t.anonymous({
        method: 'GET',
        url: '/api/v1/zones',
        headers: { origin: 'https://evil.example' },
      });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      // No tile server configured: images only from our own origin.
      expect(csp).toMatch(/img-src 'self' data: blob:(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('per-IP throttling of authentication routes (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 429 after the limit, on authentication routes only', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await t.anonymous({
        method: 'POST',
        url: '/api/v1/auth/password/forgot',
        payload: { email: `x${i}@example.cn` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect((await t.anonymous({ method: 'GET', url: '/api/v1/zones' })).statusCode).toBe(200);
  });
});

describe('map tile host in the CSP and the client config (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        MAP_TILE_URL: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png',
        MAP_TILE_ATTRIBUTION: '© 示例测绘',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('allows exactly the configured tile host and tells the web app about it', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/api/v1/client-config' });
    expect(res.json()).toMatchObject({
      mapBaseLayer: 'custom',
      coordinateSystem: 'wgs84',
      mapTileLayers: [
        { url: 'https://{s}.tiles.example.cn/{z}/{x}/{y}.png', subdomains: ['a', 'b', 'c'] },
      ],
      mapTileAttribution: '© 示例测绘',
    });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(
      "img-src 'self' data: blob: https://a.tiles.example.cn https://b.tiles.example.cn https://c.tiles.example.cn;",
    );
    expect(csp).toContain("connect-src 'self';");
  });
});

describe('trusted proxies (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'false' }, as: 'zone_admin' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy', async () => {
    await t.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    const rows: { ip: string }[] = await t.dataSource.query(
      `SELECT ip FROM audit_events WHERE type = 'logout'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].ip).not.toBe('203.0.113.9');
  });
});
