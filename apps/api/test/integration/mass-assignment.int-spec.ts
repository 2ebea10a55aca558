/**
 * Mass assignment: every route that takes a body (POST, PATCH, PUT; derived from the registered
 * routes) is sent a valid body plus one field a client must never set — role, zone, firm, status,
 * demo flag, password hash, verification time, id, author, `constructor`, `__proto__` — by a
 * caller allowed to use the route. Each is refused with 400 (VALIDATION_FAILED naming exactly the
 * extra field as unknown_field, or INVALID_JSON where the JSON parser refuses prototype keys) and
 * nothing in the database changes.
 */
import { randomUUID } from 'node:crypto';
import { todayInChina } from '@factoryspace/domain';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { declaredRoutes, type DeclaredRoute } from '../../src/modules/accounts/access-policy.check';
import {
  buildingPayload,
  parkPayload,
  unitPayload,
  zonePayload,
} from '../factories/dossier.factory';
import {
  buildAccessFixtures,
  quotePayload,
  rentPolicyPayload,
  uniqueEmail,
  type AccessFixtures,
  type Inject,
  type Who,
} from '../utils/access-fixtures';

type Json = Record<string, unknown>;
type InjectOptions = Exclude<Parameters<Inject>[0], string | undefined>;

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const STRONG_PASSWORD = 'Another-Passw0rd-456';

interface BodyRow {
  /** A caller the route admits (public routes: the visitor). */
  who: Who;
  /** The call ends the caller's session (or changes its password): use a fresh one. */
  freshSession?: true;
  url: (f: AccessFixtures) => string;
  /** A body the route accepts as it is (built right before each call). */
  body: (f: AccessFixtures) => Json | Promise<Json>;
  /** Extra fields that are real fields of this route's body (not sent as extras). */
  real?: string[];
  /** Nested objects of the body that are probed too (`firm.role`…). */
  nested?: string[];
}

/** A route registered with a body method but taking no body: extra fields are never read. */
interface NoBodyRow {
  noBody: true;
}

const v1 = (path: string) => `/api/v1/${path}`;
const versioned = async (
  f: AccessFixtures,
  table: Parameters<AccessFixtures['versionOf']>[0],
  id: string,
  change: Json,
) => ({
  ...change,
  version: await f.versionOf(table, id),
});

function validCreditCode(): string {
  // GB 32100-2015 check character over a random body.
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}${Array.from(
    { length: 9 },
    () => chars[Math.floor(Math.random() * chars.length)],
  ).join('')}`;
  const sum = [...body].reduce((acc, c, i) => acc + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** firmA's saved search (made in beforeAll) that PATCH saved-searches/:id changes. */
let savedSearchId = '';

const BODIES: Record<string, BodyRow | NoBodyRow> = {
  'POST zones': { who: 'superAdmin', url: () => v1('zones'), body: () => zonePayload() },
  'PATCH zones/:id': {
    who: 'adminX',
    url: (f) => v1(`zones/${f.zones.X.id}`),
    body: (f) => versioned(f, 'zones', f.zones.X.id, { name: `改名开发区 ${randomUUID()}` }),
  },
  'POST parks': {
    who: 'staffX',
    url: () => v1('parks'),
    body: (f) => parkPayload(f.zones.X.id),
    real: ['zoneId'],
  },
  'PATCH parks/:id': {
    who: 'staffX',
    url: (f) => v1(`parks/${f.zones.X.parkId}`),
    body: (f) => versioned(f, 'parks', f.zones.X.parkId, { name: `改名园区 ${randomUUID()}` }),
  },
  'POST buildings': {
    who: 'staffX',
    url: () => v1('buildings'),
    body: (f) => buildingPayload(f.zones.X.parkId),
  },
  'PATCH buildings/:id': {
    who: 'staffX',
    url: (f) => v1(`buildings/${f.zones.X.buildingId}`),
    body: (f) =>
      versioned(f, 'buildings', f.zones.X.buildingId, { name: `改名楼 ${randomUUID()}` }),
  },
  'POST units': {
    who: 'staffX',
    url: () => v1('units'),
    body: (f) => unitPayload(f.zones.X.buildingId),
  },
  'PATCH units/:id': {
    who: 'staffX',
    url: (f) => v1(`units/${f.zones.X.unitId}`),
    body: (f) => versioned(f, 'units', f.zones.X.unitId, { name: `改名厂房 ${randomUUID()}` }),
  },
  'PATCH users/:id': {
    who: 'adminX',
    url: (f) => v1(`users/${f.zones.X.staff.userId}`),
    body: (f) => versioned(f, 'users', f.zones.X.staff.userId, { status: 'active' }),
    real: ['role', 'status'],
  },
  'POST invitations': {
    who: 'adminX',
    url: () => v1('invitations'),
    body: () => ({ email: uniqueEmail('mass'), role: 'staff' }),
    real: ['role', 'zoneId'],
  },
  'PATCH firms/me': {
    who: 'firmA',
    url: () => v1('firms/me'),
    body: (f) => versioned(f, 'firms', f.firms.A.id, { name: `改名企业 ${randomUUID()}` }),
  },
  'POST firms/me/invitations': {
    who: 'firmA',
    url: () => v1('firms/me/invitations'),
    body: () => ({ email: uniqueEmail('mass-colleague') }),
  },
  'PUT firms/me/favourites/:unitId': { noBody: true },
  'POST firms/me/saved-searches': {
    who: 'firmA',
    url: () => v1('firms/me/saved-searches'),
    body: () => ({
      name: `保存的搜索 ${randomUUID()}`,
      query: 'q=海峡&minArea=1000',
      alertsEnabled: true,
    }),
  },
  'PATCH firms/me/saved-searches/:id': {
    who: 'firmA',
    url: () => v1(`firms/me/saved-searches/${savedSearchId}`),
    body: () => ({ name: `改名搜索 ${randomUUID()}`, alertsEnabled: false }),
  },
  'POST quotes': {
    who: 'visitor',
    url: () => v1('quotes'),
    body: (f) => quotePayload(f.zones.X.unitId),
    nested: ['profile'],
  },
  'POST firms/me/quotes': {
    who: 'firmA',
    url: () => v1('firms/me/quotes'),
    body: (f) => quotePayload(f.zones.X.unitId),
    nested: ['profile'],
  },
  'POST zones/:zoneId/rent-policies': {
    who: 'adminX',
    url: (f) => v1(`zones/${f.zones.X.id}/rent-policies`),
    body: () => rentPolicyPayload({ effectiveFrom: null }),
  },
  'PATCH rent-policies/:id': {
    who: 'adminX',
    url: (f) => v1(`rent-policies/${f.zones.X.draftPolicyId}`),
    body: (f) =>
      versioned(f, 'rent_policy_versions', f.zones.X.draftPolicyId, {
        name: `改名政策 ${randomUUID().slice(0, 8)}`,
      }),
  },
  'POST rent-policies/:id/publish': {
    who: 'adminX',
    url: (f) => v1(`rent-policies/${f.zones.X.draftPolicyId}/publish`),
    body: (f) => versioned(f, 'rent_policy_versions', f.zones.X.draftPolicyId, {}),
  },
  'POST rent-policies/:id/quote': {
    who: 'staffX',
    url: (f) => v1(`rent-policies/${f.zones.X.draftPolicyId}/quote`),
    body: (f) => quotePayload(f.zones.X.unitId),
    nested: ['profile'],
  },
  'POST applications': {
    who: 'firmA',
    url: () => v1('applications'),
    body: (f) => ({
      unitId: f.zones.X.unitId,
      intendedUse: '批量赋值测试',
      termMonths: 12,
      desiredMoveIn: todayInChina(),
      needs: { water: true },
    }),
    nested: ['needs'],
  },
  'PATCH applications/:id': {
    who: 'firmA',
    url: (f) => v1(`applications/${f.applications.X}`),
    body: () => ({ version: 1, headcount: 10 }),
  },
  'POST applications/:id/submit': { noBody: true },
  'POST applications/:id/withdraw': {
    who: 'firmA',
    url: (f) => v1(`applications/${f.applications.X}/withdraw`),
    body: () => ({ reason: '不需要了' }),
  },
  'POST applications/:id/answer': {
    who: 'firmA',
    url: (f) => v1(`applications/${f.applications.X}/answer`),
    body: () => ({ message: '补充材料' }),
  },
  'POST applications/:id/start-review': { noBody: true },
  'POST applications/:id/request-info': {
    who: 'staffX',
    url: (f) => v1(`applications/${f.applications.X}/request-info`),
    body: () => ({ reason: '请补充' }),
  },
  'POST applications/:id/reject': {
    who: 'staffX',
    url: (f) => v1(`applications/${f.applications.X}/reject`),
    body: () => ({ reason: '不符合' }),
  },
  'POST applications/:id/approve': {
    who: 'staffX',
    url: (f) => v1(`applications/${f.applications.X}/approve`),
    body: () => ({ depositFen: 0 }),
  },
  'POST leases/:id/sign': {
    who: 'staffX',
    url: (f) => v1(`leases/${f.leases.X}/sign`),
    body: () => ({ signedOn: todayInChina() }),
  },
  'POST leases/:id/move-in': {
    who: 'staffX',
    url: (f) => v1(`leases/${f.leases.X}/move-in`),
    body: () => ({ movedInOn: todayInChina() }),
  },
  'POST leases/:id/terminate': {
    who: 'staffX',
    url: (f) => v1(`leases/${f.leases.X}/terminate`),
    body: () => ({ movedOutOn: todayInChina(), reason: '迁出' }),
  },
  'POST leases/:id/expire': {
    who: 'staffX',
    url: (f) => v1(`leases/${f.leases.X}/expire`),
    body: () => ({ movedOutOn: todayInChina() }),
  },
  'POST leases/:id/cancel': {
    who: 'staffX',
    url: (f) => v1(`leases/${f.leases.X}/cancel`),
    body: () => ({ reason: '作废' }),
  },
  'POST auth/register': {
    who: 'visitor',
    url: () => v1('auth/register'),
    body: () => ({
      email: uniqueEmail('mass-register'),
      password: STRONG_PASSWORD,
      displayName: '注册测试',
      firm: {
        name: `注册测试企业 ${randomUUID()}`,
        creditCode: validCreditCode(),
        legalRepresentative: '张三',
        industryCode: 'C',
        size: 'small',
        contactName: '李四',
        contactPhone: '13800000000',
      },
    }),
    nested: ['firm'],
  },
  'POST auth/login': {
    who: 'visitor',
    url: () => v1('auth/login'),
    body: (f) => ({ identifier: f.zones.X.staff.email, password: STRONG_PASSWORD }),
  },
  'POST auth/logout': { noBody: true },
  'POST auth/password/change': {
    who: 'staffX',
    freshSession: true,
    url: () => v1('auth/password/change'),
    body: () => ({ currentPassword: STRONG_PASSWORD, newPassword: `${STRONG_PASSWORD}-new` }),
  },
  'POST auth/password/forgot': {
    who: 'visitor',
    url: () => v1('auth/password/forgot'),
    body: (f) => ({ email: f.zones.X.staff.email }),
  },
  'POST auth/password/reset': {
    who: 'visitor',
    url: () => v1('auth/password/reset'),
    body: () => ({ token: 'a-token-from-a-mail', newPassword: STRONG_PASSWORD }),
  },
  'POST auth/email/verify': {
    who: 'visitor',
    url: () => v1('auth/email/verify'),
    body: () => ({ token: 'a-token-from-a-mail' }),
  },
  'POST auth/email/resend': {
    who: 'visitor',
    url: () => v1('auth/email/resend'),
    body: (f) => ({ email: f.zones.X.staff.email }),
  },
  'POST auth/invitations/accept': {
    who: 'visitor',
    url: () => v1('auth/invitations/accept'),
    body: (f) => ({
      token: f.zones.X.invitationToken,
      password: STRONG_PASSWORD,
      displayName: '受邀用户',
    }),
  },
};

/** The fields a client must never set, with a tempting value. */
const EXTRAS: Record<string, (f: AccessFixtures) => unknown> = {
  role: () => 'super_admin',
  zoneId: (f) => f.zones.Y.id,
  firmId: (f) => f.firms.B.id,
  status: () => 'active',
  isDemo: () => true,
  passwordHash: () => '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
  emailVerifiedAt: () => new Date().toISOString(),
  id: () => randomUUID(),
  createdBy: (f) => f.zones.Y.admin.userId,
  // A plain `constructor` member passes Fastify's parser (it only refuses constructor.prototype)
  // and class-validator's whitelist does not count it as unknown: it must still be refused.
  constructor: () => 'super_admin',
};

/** Raw JSON members that Fastify's parser refuses (prototype poisoning). */
const RAW_EXTRAS: Record<string, string> = {
  ['__proto__']: '"__proto__":{"role":"super_admin","isDemo":true}',
  'constructor.prototype': '"constructor":{"prototype":{"role":"super_admin"}}',
};

const isBodyRow = (row: BodyRow | NoBodyRow): row is BodyRow => !('noBody' in row);

interface Case {
  name: string;
  key: string;
  /** Where the extra goes: the body itself ('') or one of its nested objects. */
  place: string;
  extra: string;
  /** Sent as raw JSON text (see RAW_EXTRAS). */
  raw: boolean;
}

const CASES: Case[] = Object.entries(BODIES).flatMap(([key, row]) => {
  if (!isBodyRow(row)) return [];
  const at = (place: string, extra: string) => (place ? `${place}.${extra}` : extra);
  return ['', ...(row.nested ?? [])].flatMap((place) => [
    ...Object.keys(EXTRAS)
      .filter((extra) => place !== '' || !row.real?.includes(extra))
      .map((extra) => ({
        name: `${key} as ${row.who} with ${at(place, extra)} → 400, nothing changed`,
        key,
        place,
        extra,
        raw: false,
      })),
    ...Object.keys(RAW_EXTRAS).map((extra) => ({
      name: `${key} as ${row.who} with raw ${at(place, extra)} → 400, nothing changed`,
      key,
      place,
      extra,
      raw: true,
    })),
  ]);
});

/** Every row of the tables a mass assignment could reach, in one round trip. */
const SNAPSHOT_SQL = `
  SELECT
    (SELECT json_agg(t ORDER BY t.id) FROM users t) AS users,
    (SELECT json_agg(t ORDER BY t.id) FROM firms t) AS firms,
    (SELECT json_agg(json_build_object('id', t.id, 'user', t.user_id, 'revoked', t.revoked_at,
                                       'expires', t.expires_at) ORDER BY t.id)
       FROM sessions t) AS sessions,
    (SELECT json_agg(t ORDER BY t.id) FROM invitations t) AS invitations,
    (SELECT json_agg(t ORDER BY t.id) FROM zones t) AS zones,
    (SELECT json_agg(t ORDER BY t.id) FROM parks t) AS parks,
    (SELECT json_agg(t ORDER BY t.id) FROM buildings t) AS buildings,
    (SELECT json_agg(t ORDER BY t.id) FROM units t) AS units,
    (SELECT json_agg(t ORDER BY t.id) FROM saved_searches t) AS saved_searches,
    (SELECT json_agg(t ORDER BY t.user_id, t.unit_id) FROM favourites t) AS favourites,
    (SELECT json_agg(t ORDER BY t.id) FROM rent_policy_versions t) AS rent_policy_versions,
    (SELECT json_agg(t ORDER BY t.id) FROM quotes t) AS quotes,
    (SELECT json_agg(t ORDER BY t.id) FROM applications t) AS applications,
    (SELECT json_agg(t ORDER BY t.application_id, t.rank) FROM application_alternatives t) AS application_alternatives,
    (SELECT json_agg(t ORDER BY t.id) FROM leases t) AS leases,
    (SELECT count(*) FROM leasing_events)::int AS leasing_events,
    (SELECT json_agg(t ORDER BY t.id) FROM auth_tokens t) AS auth_tokens,
    (SELECT json_agg(t ORDER BY t.identifier) FROM login_attempts t) AS login_attempts,
    (SELECT count(*) FROM unit_history)::int AS unit_history,
    (SELECT count(*) FROM outbox_messages)::int AS outbox_messages,
    (SELECT count(*) FROM audit_events)::int AS audit_events`;

describe('mass assignment (integration)', () => {
  let f: AccessFixtures;
  let routes: DeclaredRoute[];

  beforeAll(async () => {
    f = await buildAccessFixtures();
    const saved = await f.users.firmA.inject({
      method: 'POST',
      url: v1('firms/me/saved-searches'),
      payload: { name: '批量赋值测试', query: 'q=海峡', alertsEnabled: true },
    });
    if (saved.statusCode !== 201)
      throw new Error(`saved search: ${saved.statusCode} ${saved.body}`);
    savedSearchId = (saved.json() as { id: string }).id;
    const app = f.t.app;
    routes = declaredRoutes(
      app.get(DiscoveryService),
      app.get(MetadataScanner),
      app.get(Reflector),
    );
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  const snapshot = async (): Promise<Json> => (await f.t.dataSource.query(SNAPSHOT_SQL))[0] as Json;

  /** Whether the handler of a route reads a @Body() parameter. */
  const takesBody = (route: DeclaredRoute): boolean => {
    const wrapper = f.t.app
      .get(DiscoveryService)
      .getControllers()
      .find((w) => w.name === route.controller);
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper!.metatype!, route.handler) ??
      {}) as Record<string, unknown>;
    return Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.BODY));
  };

  it('has a row for exactly the routes with a body method', () => {
    const declared = routes
      .filter((r) => BODY_METHODS.has(r.method))
      .map((r) => `${r.method} ${r.path}`);
    const table = Object.keys(BODIES);
    expect({
      withoutRow: declared.filter((key) => !table.includes(key)),
      withoutRoute: table.filter((key) => !declared.includes(key)),
    }).toEqual({ withoutRow: [], withoutRoute: [] });
  });

  it.each(Object.keys(BODIES))('%s: the row says whether the handler reads a body', (key) => {
    const route = routes.find((r) => `${r.method} ${r.path}` === key);
    expect({ key, takesBody: route && takesBody(route) }).toEqual({
      key,
      takesBody: isBodyRow(BODIES[key]),
    });
  });

  it.each(CASES)('$name', async ({ key, place, extra, raw }) => {
    const row = BODIES[key] as BodyRow;
    const session = row.freshSession
      ? await f.freshSession(row.who as Exclude<Who, 'visitor'>)
      : null;
    const inject = session ? session.inject : f.injectOf(row.who);
    const body = await row.body(f);
    const field = place ? `${place}.${extra}` : extra;

    let payload: string;
    if (raw) {
      const member = RAW_EXTRAS[extra];
      const poison = (object: unknown) => `{${member},${JSON.stringify(object).slice(1)}`;
      if (place) {
        const { [place]: inner, ...rest } = body;
        payload = `${JSON.stringify(rest).slice(0, -1)},${JSON.stringify(place)}:${poison(inner)}}`;
      } else {
        payload = poison(body);
      }
    } else {
      const value = EXTRAS[extra](f);
      const target = place ? { ...(body[place] as Json) } : { ...body };
      // Defined as an own property (an object literal would treat `__proto__` specially).
      Object.defineProperty(target, extra, { value, enumerable: true, writable: true });
      payload = JSON.stringify(place ? { ...body, [place]: target } : target);
    }

    const before = await snapshot();
    const res = await inject({
      method: key.split(' ')[0] as InjectOptions['method'],
      url: row.url(f),
      payload,
      headers: { 'content-type': 'application/json' },
    });
    const answer = (() => {
      try {
        return JSON.parse(res.body) as {
          code?: string;
          details?: { field: string; code: string }[];
        };
      } catch {
        return {};
      }
    })();
    const refusal =
      res.statusCode === 400 && answer.code === 'INVALID_JSON' && (raw || extra === 'constructor')
        ? 'invalid json'
        : res.statusCode === 400 && answer.code === 'VALIDATION_FAILED'
          ? (answer.details ?? []).map((d) => [d.field, d.code])
          : `${res.statusCode} ${res.body.slice(0, 300)}`;
    // The parser may refuse a `constructor` member before validation does: either is a refusal.
    const expected =
      raw || (extra === 'constructor' && refusal === 'invalid json')
        ? 'invalid json'
        : [[field, 'unknown_field']];
    expect({ key, field, refusal }).toEqual({ key, field, refusal: expected });
    expect(await snapshot()).toEqual(before);
  });
});
