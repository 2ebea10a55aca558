/**
 * The access matrix (issue #3): walks every route registered in the application and calls it as
 * each role — visitor, firm A (owner and member), firm B, staff of zone X, staff of zone Y,
 * administrator of zone X, super administrator — with its own resource, another's resource, a
 * missing id and a malformed id. No unexpected 2xx; the right 401/403/404 otherwise; never a 5xx.
 * A route without a row in ROUTES (or whose policy differs from its row) fails the suite.
 *
 * The fixtures are never destroyed: writes on "own" resources send bodies that fail after access
 * control (stale version → 409, incomplete body → 400), deletes consume freshly made invitations
 * and colleagues, and routes that end the caller's session run on a fresh session.
 */
import { CARD_KEYS } from '../utils/public-shapes';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { todayInChina, type UserRole } from '@factoryspace/domain';
import type { AccessPolicy } from '../../src/common/access/policy';
import { declaredRoutes, type DeclaredRoute } from '../../src/modules/accounts/access-policy.check';
import { STAFF_ONLY_UNIT_FIELDS } from '../../src/modules/units/dto/public-unit.dto';
import { buildingPayload, parkPayload, unitPayload } from '../factories/dossier.factory';
import {
  MALFORMED_ID,
  buildAccessFixtures,
  missingId,
  quotePayload,
  rentPolicyPayload,
  uniqueEmail,
  type AccessFixtures,
  type FirmFixture,
  type Inject,
  type ZoneFixture,
} from '../utils/access-fixtures';

type Json = Record<string, unknown>;
type InjectOptions = Exclude<Parameters<Inject>[0], string | undefined>;
type InjectResponse = Awaited<ReturnType<Inject>>;
/** Sends one request (an inject, or one with hand-made headers). */
type Send = (options: InjectOptions) => Promise<InjectResponse>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The callers of the matrix. */
const CALLERS = [
  'visitor',
  'firmA',
  'firmAMember',
  'firmB',
  'staffX',
  'staffY',
  'adminX',
  'superAdmin',
] as const;
type Caller = (typeof CALLERS)[number];

/** Role and firm role of each caller (the fixtures create them so). */
const IDENTITY: Record<Exclude<Caller, 'visitor'>, { role: UserRole; firmRole?: 'owner' }> = {
  firmA: { role: 'firm', firmRole: 'owner' },
  firmAMember: { role: 'firm' },
  firmB: { role: 'firm', firmRole: 'owner' },
  staffX: { role: 'staff' },
  staffY: { role: 'staff' },
  adminX: { role: 'zone_admin' },
  superAdmin: { role: 'super_admin' },
};

const VARIANTS = ['own', 'other', 'missing', 'malformed'] as const;
type Variant = (typeof VARIANTS)[number];

/** The answers that mean "access control refused this request". */
const ACCESS_DENIALS = ['NOT_AUTHENTICATED', 'SESSION_EXPIRED', 'FORBIDDEN', 'CSRF_TOKEN_INVALID'];

/** The caller's world: its own zone and firm, and another zone and firm. */
interface Me {
  who: Caller;
  zone: ZoneFixture;
  otherZone: ZoneFixture;
  firm: FirmFixture;
  otherFirm: FirmFixture;
}

interface Call {
  url: string;
  payload?: unknown;
}
type Build = (f: AccessFixtures, me: Me) => Call | Promise<Call>;

/**
 * What an allowed caller gets: `through` = past access control (not 401/403/404, no access-denial
 * code, no 5xx; a GET answers 200; a 400/409 from validation or a stale version is fine), or an
 * exact status (and code).
 */
type Expect = 'through' | { status: number; code?: string };
type ExpectFor = Expect | ((who: Caller) => Expect);

const WORKERS: UserRole[] = ['staff', 'zone_admin', 'super_admin'];
const ADMINS: UserRole[] = ['zone_admin', 'super_admin'];

/** The policy a route must declare; scope as `resource@param.key` or `resource@body.key`. */
type ExpectedPolicy =
  'public' | 'signed-in' | { roles: UserRole[]; firmRole?: 'owner'; scope?: string };

interface Row {
  policy: ExpectedPolicy;
  /** The not-found code of the route's resource (other / missing variants). */
  notFound?: string;
  /** The call ends the caller's session: run it on a fresh one. */
  freshSession?: true;
  own: Build;
  other?: Build;
  missing?: Build;
  malformed?: Build;
  /** What an allowed caller gets when it differs from the defaults (see `expectedFor`). */
  expect?: Partial<Record<Variant, ExpectFor>>;
}

const v1 = (path: string) => `/api/v1/${path}`;
const call = (path: string, payload?: unknown): Call => ({ url: v1(path), payload });
const STALE = { version: 999_999 };
const STRONG_PASSWORD = 'Another-Passw0rd-456';

/** Staff and zone administrators asking a list for another zone: refused; the super admin may. */
const otherZoneForbidden = (who: Caller): Expect =>
  who === 'superAdmin' ? 'through' : { status: 403, code: 'FORBIDDEN' };

/** `:id` routes: own / other / missing / malformed ids with the same query and body. */
function byId(
  path: (id: string) => string,
  ids: {
    own: (f: AccessFixtures, me: Me) => string;
    other?: (f: AccessFixtures, me: Me) => string;
  },
  payload?: unknown,
): Pick<Row, 'own' | 'other' | 'missing' | 'malformed'> {
  return {
    own: (f, me) => call(path(ids.own(f, me)), payload),
    ...(ids.other ? { other: (f, me) => call(path(ids.other!(f, me)), payload) } : {}),
    missing: () => call(path(missingId()), payload),
    malformed: () => call(path(MALFORMED_ID), payload),
  };
}

/** Each zone-owned resource of the caller's own zone and of the other zone. */
const zoneIds = (pick: (z: ZoneFixture) => string) => ({
  own: (_f: AccessFixtures, me: Me) => pick(me.zone),
  other: (_f: AccessFixtures, me: Me) => pick(me.otherZone),
});

const FIRM_CALLERS: Caller[] = ['firmA', 'firmAMember', 'firmB'];

/**
 * A fresh saved search of `who` (or, with `ownerFirm`, of that firm's owner) when `who` is a firm
 * user; otherwise (the call will be refused before any lookup) a uuid that names nothing.
 */
async function savedSearchOf(f: AccessFixtures, who: Caller, ownerFirm?: FirmFixture) {
  if (!FIRM_CALLERS.includes(who)) return missingId();
  const inject = ownerFirm ? ownerFirm.owner.inject : f.injectOf(who);
  const res = await inject({
    method: 'POST',
    url: v1('firms/me/saved-searches'),
    payload: { name: `访问矩阵 ${who}`, query: 'q=海峡', alertsEnabled: false },
  });
  if (res.statusCode !== 201)
    throw new Error(`saved search for ${who}: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/**
 * The caller's own application or lease (firm users: their firm's; zone workers: their zone's)
 * and another one; firm A's lives in zone X, firm B's in zone Y (see access-fixtures).
 */
const leasingIds = (of: (f: AccessFixtures) => { X: string; Y: string }) => {
  const byFirm = (f: AccessFixtures, firm: FirmFixture) => of(f)[firm.name === 'A' ? 'X' : 'Y'];
  return {
    own: (f: AccessFixtures, me: Me) =>
      FIRM_CALLERS.includes(me.who) ? byFirm(f, me.firm) : of(f)[me.zone.name],
    other: (f: AccessFixtures, me: Me) =>
      FIRM_CALLERS.includes(me.who) ? byFirm(f, me.otherFirm) : of(f)[me.otherZone.name],
  };
};
const applicationIds = leasingIds((f) => f.applications);
const leaseIds = leasingIds((f) => f.leases);
const FIRM_AND_WORKERS: UserRole[] = ['firm', ...WORKERS];
const TODAY = todayInChina();

/**
 * Every route of the API: its expected policy, how to call it per variant and what allowed
 * callers get. Keys are `METHOD path` exactly as declaredRoutes() reports them.
 */
const ROUTES: Record<string, Row> = {
  'GET api/health': { policy: 'public', own: () => ({ url: '/api/health' }) },
  'GET client-config': { policy: 'public', own: () => call('client-config') },

  // Zones
  'GET zones': { policy: 'public', own: () => call('zones') },
  'GET zones/:id': {
    policy: 'public',
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}`,
      zoneIds((z) => z.id),
    ),
  },
  'GET zones/:id/map': {
    policy: { roles: WORKERS, scope: 'zone@param.id' },
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}/map`,
      zoneIds((z) => z.id),
    ),
  },
  'POST zones': { policy: { roles: ['super_admin'] }, own: () => call('zones', {}) },
  'PATCH zones/:id': {
    policy: { roles: ADMINS, scope: 'zone@param.id' },
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}`,
      zoneIds((z) => z.id),
      STALE,
    ),
  },
  'DELETE zones/:id': {
    policy: { roles: ['super_admin'] },
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}?version=999999`,
      zoneIds((z) => z.id),
    ),
  },

  // Parks
  'GET parks': { policy: 'public', own: () => call('parks') },
  'GET parks/:id': {
    policy: 'public',
    notFound: 'PARK_NOT_FOUND',
    ...byId(
      (id) => `parks/${id}`,
      zoneIds((z) => z.parkId),
    ),
  },
  'POST parks': {
    policy: { roles: WORKERS, scope: 'zone@body.zoneId' },
    notFound: 'ZONE_NOT_FOUND',
    own: (_f, me) => call('parks', { zoneId: me.zone.id }),
    other: (_f, me) => call('parks', { zoneId: me.otherZone.id }),
    missing: () => call('parks', parkPayload(missingId())),
    malformed: () => call('parks', parkPayload(MALFORMED_ID)),
    expect: { malformed: { status: 400, code: 'VALIDATION_FAILED' } },
  },
  'PATCH parks/:id': {
    policy: { roles: WORKERS, scope: 'park@param.id' },
    notFound: 'PARK_NOT_FOUND',
    ...byId(
      (id) => `parks/${id}`,
      zoneIds((z) => z.parkId),
      STALE,
    ),
  },
  'DELETE parks/:id': {
    policy: { roles: WORKERS, scope: 'park@param.id' },
    notFound: 'PARK_NOT_FOUND',
    ...byId(
      (id) => `parks/${id}?version=999999`,
      zoneIds((z) => z.parkId),
    ),
  },

  // Buildings
  'GET buildings': { policy: 'public', own: () => call('buildings') },
  'GET buildings/:id': {
    policy: 'public',
    notFound: 'BUILDING_NOT_FOUND',
    ...byId(
      (id) => `buildings/${id}`,
      zoneIds((z) => z.buildingId),
    ),
  },
  'POST buildings': {
    policy: { roles: WORKERS, scope: 'park@body.parkId' },
    notFound: 'PARK_NOT_FOUND',
    own: (_f, me) => call('buildings', { parkId: me.zone.parkId }),
    other: (_f, me) => call('buildings', { parkId: me.otherZone.parkId }),
    missing: () => call('buildings', buildingPayload(missingId())),
    malformed: () => call('buildings', buildingPayload(MALFORMED_ID)),
    expect: { malformed: { status: 400, code: 'VALIDATION_FAILED' } },
  },
  'PATCH buildings/:id': {
    policy: { roles: WORKERS, scope: 'building@param.id' },
    notFound: 'BUILDING_NOT_FOUND',
    ...byId(
      (id) => `buildings/${id}`,
      zoneIds((z) => z.buildingId),
      STALE,
    ),
  },
  'DELETE buildings/:id': {
    policy: { roles: WORKERS, scope: 'building@param.id' },
    notFound: 'BUILDING_NOT_FOUND',
    ...byId(
      (id) => `buildings/${id}?version=999999`,
      zoneIds((z) => z.buildingId),
    ),
  },

  // Unit dossiers (staff)
  'GET units': {
    policy: { roles: WORKERS },
    own: (_f, me) => call(`units?zoneId=${me.zone.id}`),
    other: (_f, me) => call(`units?zoneId=${me.otherZone.id}`),
    expect: { other: otherZoneForbidden },
  },
  'GET units/:id': {
    policy: { roles: WORKERS, scope: 'unit@param.id' },
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `units/${id}`,
      zoneIds((z) => z.unitId),
    ),
  },
  'GET units/:id/history': {
    policy: { roles: WORKERS, scope: 'unit@param.id' },
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `units/${id}/history`,
      zoneIds((z) => z.unitId),
    ),
  },
  'POST units': {
    policy: { roles: WORKERS, scope: 'building@body.buildingId' },
    notFound: 'BUILDING_NOT_FOUND',
    own: (_f, me) => call('units', { buildingId: me.zone.buildingId }),
    other: (_f, me) => call('units', { buildingId: me.otherZone.buildingId }),
    missing: () => call('units', unitPayload(missingId())),
    malformed: () => call('units', unitPayload(MALFORMED_ID)),
    expect: { malformed: { status: 400, code: 'VALIDATION_FAILED' } },
  },
  'PATCH units/:id': {
    policy: { roles: WORKERS, scope: 'unit@param.id' },
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `units/${id}`,
      zoneIds((z) => z.unitId),
      STALE,
    ),
  },
  'DELETE units/:id': {
    policy: { roles: WORKERS, scope: 'unit@param.id' },
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `units/${id}?version=999999`,
      zoneIds((z) => z.unitId),
    ),
  },

  // The public marketplace: search, facets, map, unit page, park outlines
  'GET public/units': { policy: 'public', own: () => call('public/units') },
  'GET public/units/facets': { policy: 'public', own: () => call('public/units/facets') },
  'GET public/units/map': {
    policy: 'public',
    own: () => call('public/units/map?bbox=112.8,35.7,113.1,35.9&zoom=12'),
  },
  'GET public/units/:id': {
    policy: 'public',
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `public/units/${id}`,
      zoneIds((z) => z.unitId),
    ),
  },
  'GET public/parks/boundaries': {
    policy: 'public',
    own: (_f, me) => call(`public/parks/boundaries?zoneId=${me.zone.id}`),
    other: (_f, me) => call(`public/parks/boundaries?zoneId=${me.otherZone.id}`),
  },

  // The signed-in firm user's favourites and saved searches (each user their own)
  'GET firms/me/favourites': {
    policy: { roles: ['firm'] },
    own: () => call('firms/me/favourites'),
  },
  'PUT firms/me/favourites/:unitId': {
    policy: { roles: ['firm'] },
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `firms/me/favourites/${id}`,
      zoneIds((z) => z.unitId),
    ),
    // Any unit on the market may be a favourite, whichever zone lets it.
    expect: { other: 'through' },
  },
  'DELETE firms/me/favourites/:unitId': {
    policy: { roles: ['firm'] },
    notFound: 'UNIT_NOT_FOUND',
    ...byId(
      (id) => `firms/me/favourites/${id}`,
      zoneIds((z) => z.unitId),
    ),
    // Removing is idempotent: a unit that is not (or no longer) a favourite is just not there.
    expect: { other: 'through', missing: { status: 204 } },
  },
  'GET firms/me/saved-searches': {
    policy: { roles: ['firm'] },
    own: () => call('firms/me/saved-searches'),
  },
  'POST firms/me/saved-searches': {
    policy: { roles: ['firm'] },
    own: () => call('firms/me/saved-searches', {}),
  },
  'PATCH firms/me/saved-searches/:id': {
    policy: { roles: ['firm'] },
    notFound: 'SAVED_SEARCH_NOT_FOUND',
    own: async (f, me) => call(`firms/me/saved-searches/${await savedSearchOf(f, me.who)}`, {}),
    other: async (f, me) =>
      call(`firms/me/saved-searches/${await savedSearchOf(f, me.who, me.otherFirm)}`, {}),
    missing: () => call(`firms/me/saved-searches/${missingId()}`, {}),
    malformed: () => call(`firms/me/saved-searches/${MALFORMED_ID}`, {}),
  },
  'DELETE firms/me/saved-searches/:id': {
    policy: { roles: ['firm'] },
    notFound: 'SAVED_SEARCH_NOT_FOUND',
    own: async (f, me) => call(`firms/me/saved-searches/${await savedSearchOf(f, me.who)}`),
    other: async (f, me) =>
      call(`firms/me/saved-searches/${await savedSearchOf(f, me.who, me.otherFirm)}`),
    missing: () => call(`firms/me/saved-searches/${missingId()}`),
    malformed: () => call(`firms/me/saved-searches/${MALFORMED_ID}`),
  },

  // Rent policies (梯度优惠) and quotes
  'GET public/rent-policies/current': {
    policy: 'public',
    notFound: 'RENT_POLICY_NOT_FOUND',
    own: (_f, me) => call(`public/rent-policies/current?zoneId=${me.zone.id}`),
    other: (_f, me) => call(`public/rent-policies/current?zoneId=${me.otherZone.id}`),
    missing: () => call(`public/rent-policies/current?zoneId=${missingId()}`),
    malformed: () => call(`public/rent-policies/current?zoneId=${MALFORMED_ID}`),
    expect: { malformed: { status: 400, code: 'VALIDATION_FAILED' } },
  },
  'POST quotes': {
    policy: 'public',
    notFound: 'UNIT_NOT_FOUND',
    own: (_f, me) => call('quotes', quotePayload(me.zone.unitId)),
    other: (_f, me) => call('quotes', quotePayload(me.otherZone.unitId)),
    missing: () => call('quotes', quotePayload(missingId())),
    malformed: () => call('quotes', quotePayload(MALFORMED_ID)),
    expect: { malformed: { status: 400, code: 'VALIDATION_FAILED' } },
  },
  'GET firms/me/quotes': { policy: { roles: ['firm'] }, own: () => call('firms/me/quotes') },
  'POST firms/me/quotes': {
    policy: { roles: ['firm'] },
    own: () => call('firms/me/quotes', {}),
  },
  'GET firms/me/quotes/:id': {
    policy: { roles: ['firm'] },
    notFound: 'QUOTE_NOT_FOUND',
    own: async (f, me) =>
      call(
        `firms/me/quotes/${FIRM_CALLERS.includes(me.who) ? await f.freshQuote(me.firm) : missingId()}`,
      ),
    other: async (f, me) =>
      call(
        `firms/me/quotes/${FIRM_CALLERS.includes(me.who) ? await f.freshQuote(me.otherFirm) : missingId()}`,
      ),
    missing: () => call(`firms/me/quotes/${missingId()}`),
    malformed: () => call(`firms/me/quotes/${MALFORMED_ID}`),
  },
  'DELETE firms/me/quotes/:id': {
    policy: { roles: ['firm'] },
    notFound: 'QUOTE_NOT_FOUND',
    own: async (f, me) =>
      call(
        `firms/me/quotes/${FIRM_CALLERS.includes(me.who) ? await f.freshQuote(me.firm) : missingId()}`,
      ),
    other: async (f, me) =>
      call(
        `firms/me/quotes/${FIRM_CALLERS.includes(me.who) ? await f.freshQuote(me.otherFirm) : missingId()}`,
      ),
    missing: () => call(`firms/me/quotes/${missingId()}`),
    malformed: () => call(`firms/me/quotes/${MALFORMED_ID}`),
  },
  'GET zones/:zoneId/rent-policies': {
    policy: { roles: WORKERS, scope: 'zone@param.zoneId' },
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}/rent-policies`,
      zoneIds((z) => z.id),
    ),
  },
  'POST zones/:zoneId/rent-policies': {
    policy: { roles: ADMINS, scope: 'zone@param.zoneId' },
    notFound: 'ZONE_NOT_FOUND',
    // An incomplete body (400) on existing zones; a valid one where the zone is missing.
    own: (_f, me) => call(`zones/${me.zone.id}/rent-policies`, {}),
    other: (_f, me) => call(`zones/${me.otherZone.id}/rent-policies`, {}),
    missing: () => call(`zones/${missingId()}/rent-policies`, rentPolicyPayload()),
    malformed: () => call(`zones/${MALFORMED_ID}/rent-policies`, rentPolicyPayload()),
  },
  'GET rent-policies/:id': {
    policy: { roles: WORKERS },
    notFound: 'RENT_POLICY_NOT_FOUND',
    ...byId(
      (id) => `rent-policies/${id}`,
      zoneIds((z) => z.policyId),
    ),
  },
  'PATCH rent-policies/:id': {
    policy: { roles: ADMINS },
    notFound: 'RENT_POLICY_NOT_FOUND',
    ...byId(
      (id) => `rent-policies/${id}`,
      zoneIds((z) => z.draftPolicyId),
      STALE,
    ),
  },
  'DELETE rent-policies/:id': {
    policy: { roles: ADMINS },
    notFound: 'RENT_POLICY_NOT_FOUND',
    // Published versions are never deleted (409): the fixtures survive.
    ...byId(
      (id) => `rent-policies/${id}`,
      zoneIds((z) => z.policyId),
    ),
  },
  'POST rent-policies/:id/publish': {
    policy: { roles: ADMINS },
    notFound: 'RENT_POLICY_NOT_FOUND',
    ...byId(
      (id) => `rent-policies/${id}/publish`,
      zoneIds((z) => z.draftPolicyId),
      STALE,
    ),
  },
  'GET rent-policies/:id/coverage': {
    policy: { roles: WORKERS },
    notFound: 'RENT_POLICY_NOT_FOUND',
    ...byId(
      (id) => `rent-policies/${id}/coverage`,
      zoneIds((z) => z.policyId),
    ),
  },
  'POST rent-policies/:id/quote': {
    policy: { roles: WORKERS },
    notFound: 'RENT_POLICY_NOT_FOUND',
    own: (_f, me) =>
      call(`rent-policies/${me.zone.draftPolicyId}/quote`, quotePayload(me.zone.unitId)),
    other: (_f, me) =>
      call(`rent-policies/${me.otherZone.draftPolicyId}/quote`, quotePayload(me.otherZone.unitId)),
    missing: (_f, me) => call(`rent-policies/${missingId()}/quote`, quotePayload(me.zone.unitId)),
    malformed: (_f, me) =>
      call(`rent-policies/${MALFORMED_ID}/quote`, quotePayload(me.zone.unitId)),
  },

  // Applications and leases (the fixtures' are decided: every transition on them is a 409)
  'POST applications': { policy: { roles: ['firm'] }, own: () => call('applications', {}) },
  'GET firms/me/applications': {
    policy: { roles: ['firm'] },
    own: () => call('firms/me/applications'),
  },
  'GET zones/:zoneId/applications': {
    policy: { roles: WORKERS, scope: 'zone@param.zoneId' },
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}/applications`,
      zoneIds((z) => z.id),
    ),
  },
  'GET applications/:id': {
    policy: { roles: FIRM_AND_WORKERS },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}`, applicationIds),
  },
  'GET applications/:id/events': {
    policy: { roles: FIRM_AND_WORKERS },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/events`, applicationIds),
  },
  'PATCH applications/:id': {
    policy: { roles: ['firm'] },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}`, applicationIds, STALE),
  },
  'POST applications/:id/submit': {
    policy: { roles: ['firm'] },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/submit`, applicationIds),
  },
  'POST applications/:id/withdraw': {
    policy: { roles: ['firm'] },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/withdraw`, applicationIds, {}),
  },
  'POST applications/:id/answer': {
    policy: { roles: ['firm'] },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/answer`, applicationIds, { message: '补充' }),
  },
  'POST applications/:id/start-review': {
    policy: { roles: WORKERS },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/start-review`, applicationIds),
  },
  'POST applications/:id/request-info': {
    policy: { roles: WORKERS },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/request-info`, applicationIds, { reason: '补充' }),
  },
  'POST applications/:id/reject': {
    policy: { roles: WORKERS },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/reject`, applicationIds, { reason: '不符合' }),
  },
  'POST applications/:id/approve': {
    policy: { roles: WORKERS },
    notFound: 'APPLICATION_NOT_FOUND',
    ...byId((id) => `applications/${id}/approve`, applicationIds, {}),
  },
  'GET firms/me/leases': { policy: { roles: ['firm'] }, own: () => call('firms/me/leases') },
  'GET zones/:zoneId/leases': {
    policy: { roles: WORKERS, scope: 'zone@param.zoneId' },
    notFound: 'ZONE_NOT_FOUND',
    ...byId(
      (id) => `zones/${id}/leases`,
      zoneIds((z) => z.id),
    ),
  },
  'GET leases/:id': {
    policy: { roles: FIRM_AND_WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}`, leaseIds),
  },
  'GET leases/:id/events': {
    policy: { roles: FIRM_AND_WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}/events`, leaseIds),
  },
  'POST leases/:id/sign': {
    policy: { roles: WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}/sign`, leaseIds, { signedOn: TODAY }),
  },
  'POST leases/:id/move-in': {
    policy: { roles: WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}/move-in`, leaseIds, { movedInOn: TODAY }),
  },
  'POST leases/:id/terminate': {
    policy: { roles: WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}/terminate`, leaseIds, { movedOutOn: TODAY, reason: '迁出' }),
  },
  'POST leases/:id/expire': {
    policy: { roles: WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}/expire`, leaseIds, { movedOutOn: TODAY }),
  },
  'POST leases/:id/cancel': {
    policy: { roles: WORKERS },
    notFound: 'LEASE_NOT_FOUND',
    ...byId((id) => `leases/${id}/cancel`, leaseIds, { reason: '作废' }),
  },

  // Users and staff invitations (zone administrators: their zone)
  'GET users': {
    policy: { roles: ADMINS },
    own: (_f, me) => call(`users?zoneId=${me.zone.id}`),
    other: (_f, me) => call(`users?zoneId=${me.otherZone.id}`),
    expect: { other: otherZoneForbidden },
  },
  'GET users/:id': {
    policy: { roles: ADMINS },
    notFound: 'USER_NOT_FOUND',
    ...byId(
      (id) => `users/${id}`,
      zoneIds((z) => z.staff.userId),
    ),
  },
  'PATCH users/:id': {
    policy: { roles: ADMINS },
    notFound: 'USER_NOT_FOUND',
    ...byId(
      (id) => `users/${id}`,
      zoneIds((z) => z.staff.userId),
      STALE,
    ),
  },
  'GET invitations': {
    policy: { roles: ADMINS },
    own: (_f, me) => call(`invitations?zoneId=${me.zone.id}`),
    other: (_f, me) => call(`invitations?zoneId=${me.otherZone.id}`),
    // Like GET users and GET units (the service answered 404 INVITATION_NOT_FOUND when written).
    expect: { other: otherZoneForbidden },
  },
  'POST invitations': {
    policy: { roles: ADMINS },
    own: () => call('invitations', { email: 'not-an-email', role: 'staff' }),
    other: (_f, me) =>
      call('invitations', { email: uniqueEmail('other'), role: 'staff', zoneId: me.otherZone.id }),
    missing: () =>
      call('invitations', { email: uniqueEmail('missing'), role: 'staff', zoneId: missingId() }),
    malformed: () =>
      call('invitations', { email: uniqueEmail('malformed'), role: 'staff', zoneId: MALFORMED_ID }),
    expect: {
      // The zone in the body is a filter on the administrator's own zone: another or a missing
      // zone is refused alike; the super administrator invites to any existing zone.
      other: otherZoneForbidden,
      missing: (who) =>
        who === 'superAdmin'
          ? { status: 404, code: 'ZONE_NOT_FOUND' }
          : { status: 403, code: 'FORBIDDEN' },
      malformed: { status: 400, code: 'VALIDATION_FAILED' },
    },
  },
  'DELETE invitations/:id': {
    policy: { roles: ADMINS },
    notFound: 'INVITATION_NOT_FOUND',
    own: async (f, me) => call(`invitations/${await f.freshStaffInvitation(me.zone)}`),
    other: async (f, me) => call(`invitations/${await f.freshStaffInvitation(me.otherZone)}`),
    missing: () => call(`invitations/${missingId()}`),
    malformed: () => call(`invitations/${MALFORMED_ID}`),
  },

  // The signed-in firm
  'GET firms/me': { policy: { roles: ['firm'] }, own: () => call('firms/me') },
  'PATCH firms/me': {
    policy: { roles: ['firm'], firmRole: 'owner' },
    own: () => call('firms/me', STALE),
  },
  'GET firms/me/members': { policy: { roles: ['firm'] }, own: () => call('firms/me/members') },
  'DELETE firms/me/members/:userId': {
    policy: { roles: ['firm'], firmRole: 'owner' },
    notFound: 'USER_NOT_FOUND',
    own: async (f, me) => call(`firms/me/members/${await f.freshFirmMember(me.firm)}`),
    other: (_f, me) => call(`firms/me/members/${me.otherFirm.owner.userId}`),
    missing: () => call(`firms/me/members/${missingId()}`),
    malformed: () => call(`firms/me/members/${MALFORMED_ID}`),
  },
  'GET firms/me/invitations': {
    policy: { roles: ['firm'], firmRole: 'owner' },
    own: () => call('firms/me/invitations'),
  },
  'POST firms/me/invitations': {
    policy: { roles: ['firm'], firmRole: 'owner' },
    own: () => call('firms/me/invitations', { email: 'not-an-email' }),
  },
  'DELETE firms/me/invitations/:id': {
    policy: { roles: ['firm'], firmRole: 'owner' },
    notFound: 'INVITATION_NOT_FOUND',
    own: async (f, me) => call(`firms/me/invitations/${await f.freshFirmInvitation(me.firm)}`),
    other: (_f, me) => call(`firms/me/invitations/${me.otherFirm.invitationId}`),
    missing: () => call(`firms/me/invitations/${missingId()}`),
    malformed: () => call(`firms/me/invitations/${MALFORMED_ID}`),
  },

  // Outbox and audit
  'GET outbox': { policy: { roles: ADMINS }, own: () => call('outbox') },
  'GET audit-events': { policy: { roles: ADMINS }, own: () => call('audit-events') },

  // Authentication
  'POST auth/register': { policy: 'public', own: () => call('auth/register', {}) },
  'POST auth/login': {
    policy: 'public',
    own: () =>
      call('auth/login', { identifier: uniqueEmail('nobody'), password: 'Wrong-Passw0rd-1' }),
    expect: { own: { status: 401, code: 'INVALID_CREDENTIALS' } },
  },
  'POST auth/logout': {
    policy: 'signed-in',
    freshSession: true,
    own: () => call('auth/logout'),
    expect: { own: { status: 204 } },
  },
  'GET auth/session': { policy: 'signed-in', own: () => call('auth/session') },
  'POST auth/password/change': {
    policy: 'signed-in',
    freshSession: true,
    own: () =>
      call('auth/password/change', {
        currentPassword: 'Wrong-Passw0rd-1',
        newPassword: STRONG_PASSWORD,
      }),
    expect: { own: { status: 400, code: 'CURRENT_PASSWORD_WRONG' } },
  },
  'POST auth/password/forgot': {
    policy: 'public',
    own: () => call('auth/password/forgot', { email: uniqueEmail('nobody') }),
    expect: { own: { status: 202 } },
  },
  'POST auth/password/reset': {
    policy: 'public',
    own: () =>
      call('auth/password/reset', { token: 'no-such-token', newPassword: STRONG_PASSWORD }),
    expect: { own: { status: 400, code: 'TOKEN_INVALID' } },
  },
  'POST auth/email/verify': {
    policy: 'public',
    own: () => call('auth/email/verify', { token: 'no-such-token' }),
    expect: { own: { status: 400, code: 'TOKEN_INVALID' } },
  },
  'POST auth/email/resend': {
    policy: 'public',
    own: () => call('auth/email/resend', { email: uniqueEmail('nobody') }),
    expect: { own: { status: 202 } },
  },
  'GET auth/invitations/:token': {
    policy: 'public',
    ...byId(
      (token) => `auth/invitations/${token}`,
      zoneIds((z) => z.invitationToken),
    ),
    // Tokens are not uuids: unknown and malformed ones are both just invalid.
    expect: {
      missing: { status: 400, code: 'TOKEN_INVALID' },
      malformed: { status: 400, code: 'TOKEN_INVALID' },
    },
  },
  'POST auth/invitations/accept': {
    policy: 'public',
    own: () =>
      call('auth/invitations/accept', {
        token: 'no-such-token',
        password: STRONG_PASSWORD,
        displayName: '测试用户',
      }),
    expect: { own: { status: 400, code: 'TOKEN_INVALID' } },
  },
};

const routeKey = (route: Pick<DeclaredRoute, 'method' | 'path'>) => `${route.method} ${route.path}`;
const methodOf = (key: string) => key.split(' ')[0] as Method;
const UNSAFE = new Set<Method>(['POST', 'PATCH', 'PUT', 'DELETE']);

function isAllowed(policy: ExpectedPolicy, who: Caller): boolean {
  if (policy === 'public') return true;
  if (who === 'visitor') return false;
  if (policy === 'signed-in') return true;
  const identity = IDENTITY[who];
  return (
    policy.roles.includes(identity.role) &&
    (!policy.firmRole || identity.firmRole === policy.firmRole)
  );
}

/** What `who` must get from a variant of a route. */
function expectedFor(row: Row, who: Caller, variant: Variant): Expect {
  if (!isAllowed(row.policy, who)) {
    return who === 'visitor'
      ? { status: 401, code: 'NOT_AUTHENTICATED' }
      : { status: 403, code: 'FORBIDDEN' };
  }
  const override = row.expect?.[variant];
  if (override) return typeof override === 'function' ? override(who) : override;
  switch (variant) {
    case 'own':
      return 'through';
    case 'other':
      // Public routes show every zone; the super administrator works in every zone.
      return row.policy === 'public' || who === 'superAdmin'
        ? 'through'
        : { status: 404, code: row.notFound };
    case 'missing':
      return { status: 404, code: row.notFound };
    case 'malformed':
      return { status: 400, code: 'INVALID_ID' };
  }
}

const describeExpect = (expected: Expect) =>
  expected === 'through'
    ? 'passes access control'
    : `${expected.status}${expected.code ? ` ${expected.code}` : ''}`;

function policyOf(policy: AccessPolicy | undefined): ExpectedPolicy | undefined {
  if (!policy) return undefined;
  if (policy.kind === 'public') return 'public';
  if (policy.kind === 'signed-in') return 'signed-in';
  return {
    roles: [...policy.roles].sort(),
    ...(policy.firmRole ? { firmRole: policy.firmRole as 'owner' } : {}),
    ...(policy.scope
      ? { scope: `${policy.scope.resource}@${policy.scope.from}.${policy.scope.key}` }
      : {}),
  };
}

const normalized = (policy: ExpectedPolicy): ExpectedPolicy =>
  typeof policy === 'string' ? policy : { ...policy, roles: [...policy.roles].sort() };

interface Case {
  name: string;
  key: string;
  who: Caller;
  variant: Variant;
  expected: Expect;
}

const CASES: Case[] = Object.entries(ROUTES).flatMap(([key, row]) =>
  CALLERS.flatMap((who) =>
    VARIANTS.filter((variant) => row[variant]).map((variant) => {
      const expected = expectedFor(row, who, variant);
      return {
        name: `${key} as ${who} (${variant}) → ${describeExpect(expected)}`,
        key,
        who,
        variant,
        expected,
      };
    }),
  ),
);

/** The public shape of a listed unit: exactly these fields. */
const PUBLIC_UNIT_KEYS = [
  'id',
  'zoneId',
  'parkId',
  'buildingId',
  'parkName',
  'buildingName',
  'buildingFloors',
  'code',
  'name',
  'address',
  'latitude',
  'longitude',
  'footprint',
  'grossArea',
  'usableArea',
  'floorFrom',
  'floorTo',
  'structureType',
  'floorHeightM',
  'floorLoadKnM2',
  'craneCapacityT',
  'powerCapacityKva',
  'hasWater',
  'hasGas',
  'hasHeating',
  'hasSewage',
  'hasFibre',
  'utilitiesNote',
  'fireSafetyStatus',
  'environmentalStatus',
  'acceptanceStatus',
  'completionYear',
  'unitClass',
  'occupancyStatus',
  'vacantSince',
  'idleDays',
  'idleMonths',
  'listRentFen',
  'suitableIndustries',
  'description',
  'createdAt',
  'updatedAt',
].sort();
/** The unit page adds its park, zone, photos and similar units to the public dossier. */
const UNIT_PAGE_KEYS = [
  ...PUBLIC_UNIT_KEYS,
  'zoneName',
  'zoneNameEn',
  'platformCompany',
  'park',
  'publishedAt',
  'photos',
  'similar',
].sort();
const STAFF_ONLY_FIELDS: readonly string[] = STAFF_ONLY_UNIT_FIELDS;

describe('access matrix (integration)', () => {
  let f: AccessFixtures;

  beforeAll(async () => {
    f = await buildAccessFixtures();
  }, 60_000);
  afterAll(async () => {
    await f?.close();
  });

  const meOf = (who: Caller): Me => {
    const { X, Y } = f.zones;
    const { A, B } = f.firms;
    const inY = who === 'staffY';
    const inB = who === 'firmB';
    return {
      who,
      zone: inY ? Y : X,
      otherZone: inY ? X : Y,
      firm: inB ? B : A,
      otherFirm: inB ? A : B,
    };
  };

  const request = (send: Send, key: string, c: Call) =>
    send({
      method: methodOf(key),
      url: c.url,
      ...(c.payload !== undefined ? { payload: c.payload as InjectOptions['payload'] } : {}),
    });

  /** A visitor's inject sending exactly `headers` (a cookie without CSRF token, say). */
  const withHeaders =
    (headers: Record<string, string>): Send =>
    (options) =>
      f.t.anonymous({ ...options, headers });

  const bodyOf = (res: { body: string }): Json => {
    try {
      return JSON.parse(res.body) as Json;
    } catch {
      return {};
    }
  };

  /** A readable account of a response for failure messages. */
  const seen = (res: { statusCode: number; body: string }) =>
    `${res.statusCode} ${res.body.slice(0, 300)}`;

  describe('the route table', () => {
    let routes: DeclaredRoute[];
    beforeAll(() => {
      const app = f.t.app;
      routes = declaredRoutes(
        app.get(DiscoveryService),
        app.get(MetadataScanner),
        app.get(Reflector),
      );
    });

    it('covers exactly the routes the application registers, each with a policy', () => {
      const declared = routes.map(routeKey);
      const table = Object.keys(ROUTES);
      const withoutRow = declared.filter((key) => !table.includes(key));
      const withoutRoute = table.filter((key) => !declared.includes(key));
      const withoutPolicy = routes.filter((r) => !r.policy).map(routeKey);
      expect({ withoutRow, withoutRoute, withoutPolicy }).toEqual({
        withoutRow: [],
        withoutRoute: [],
        withoutPolicy: [],
      });
      expect(new Set(declared).size).toBe(declared.length);
    });

    it.each(Object.keys(ROUTES))('%s declares the policy of its row', (key) => {
      const route = routes.find((r) => routeKey(r) === key);
      expect(route && policyOf(route.policy)).toEqual(normalized(ROUTES[key].policy));
    });
  });

  describe('every route as every role', () => {
    it.each(CASES)('$name', async ({ key, who, variant, expected }) => {
      const row = ROUTES[key];
      const c = await row[variant]!(f, meOf(who));
      const inject =
        who === 'visitor'
          ? f.t.anonymous
          : row.freshSession
            ? (await f.freshSession(who)).inject
            : f.injectOf(who);
      const res = await request(inject, key, c);
      const code = bodyOf(res).code as string | undefined;
      const what = `${key} as ${who} (${variant}) ${c.url}: ${seen(res)}`;

      expect({ what, serverError: res.statusCode >= 500 }).toEqual({ what, serverError: false });
      if (expected === 'through') {
        const refused =
          [401, 403, 404].includes(res.statusCode) || ACCESS_DENIALS.includes(code ?? '');
        expect({ what, refused }).toEqual({ what, refused: false });
        if (methodOf(key) === 'GET')
          expect({ what, status: res.statusCode }).toEqual({ what, status: 200 });
      } else {
        expect({ what, status: res.statusCode, code: expected.code ? code : undefined }).toEqual({
          what,
          status: expected.status,
          code: expected.code,
        });
      }
    });
  });

  describe('CSRF: every unsafe route with a session cookie', () => {
    const unsafe = Object.keys(ROUTES).filter((key) => UNSAFE.has(methodOf(key)));

    it.each(unsafe)('%s as staffX without X-CSRF-Token → 403 CSRF_TOKEN_INVALID', async (key) => {
      const session = ROUTES[key].freshSession ? await f.freshSession('staffX') : f.users.staffX;
      const c = await ROUTES[key].own(f, meOf('staffX'));
      const res = await request(withHeaders({ cookie: session.cookie }), key, c);
      expect({ key, status: res.statusCode, code: bodyOf(res).code }).toEqual({
        key,
        status: 403,
        code: 'CSRF_TOKEN_INVALID',
      });
    });

    it.each(unsafe)(
      '%s as staffX with a wrong X-CSRF-Token → 403 CSRF_TOKEN_INVALID',
      async (key) => {
        const session = ROUTES[key].freshSession ? await f.freshSession('staffX') : f.users.staffX;
        const c = await ROUTES[key].own(f, meOf('staffX'));
        // Another session's token is well formed but not this session's.
        const headers = { cookie: session.cookie, 'x-csrf-token': f.users.staffY.csrfToken };
        const res = await request(withHeaders(headers), key, c);
        expect({ key, status: res.statusCode, code: bodyOf(res).code }).toEqual({
          key,
          status: 403,
          code: 'CSRF_TOKEN_INVALID',
        });
      },
    );
  });

  describe('sessions that ended', () => {
    const guarded = Object.keys(ROUTES).filter((key) => ROUTES[key].policy !== 'public');
    /** How a super administrator's session is ended before the calls. */
    const endings: Record<string, (sessionUserId: string) => Promise<unknown>> = {
      'an expired session': (userId) =>
        f.t.dataSource.query(
          `UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
          [userId],
        ),
      'an idle session': (userId) =>
        f.t.dataSource.query(
          `UPDATE sessions SET last_seen_at = now() - interval '3 days' WHERE user_id = $1`,
          [userId],
        ),
      'a revoked session': (userId) =>
        f.t.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1`, [userId]),
      "a disabled user's session": (userId) =>
        f.t.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [userId]),
    };

    describe.each(Object.keys(endings))('%s', (ending) => {
      let ended: { cookie: string; csrfToken: string };
      beforeAll(async () => {
        const session = await f.freshSession('superAdmin');
        await endings[ending](session.userId);
        ended = session;
      });

      it.each(guarded)('%s → 401 SESSION_EXPIRED', async (key) => {
        const c = await ROUTES[key].own(f, meOf('superAdmin'));
        const headers = { cookie: ended.cookie, 'x-csrf-token': ended.csrfToken };
        const res = await request(withHeaders(headers), key, c);
        expect({ key, status: res.statusCode, code: bodyOf(res).code }).toEqual({
          key,
          status: 401,
          code: 'SESSION_EXPIRED',
        });
      });

      it('a public route answers as to a visitor and clears the cookies', async () => {
        const res = await f.t.anonymous({
          method: 'GET',
          url: v1('zones'),
          headers: { cookie: ended.cookie },
        });
        expect(res.statusCode).toBe(200);
        expect(String(res.headers['set-cookie'])).toMatch(/fs_session=;/);
      });
    });
  });

  describe('public responses never carry staff-only fields', () => {
    const viewers = ['visitor', 'firmA', 'staffX'] as const;

    it.each(viewers)(
      'GET public/units as %s: listed units with public fields only',
      async (who) => {
        const res = await f.injectOf(who)({ method: 'GET', url: v1('public/units?limit=50') });
        expect(res.statusCode).toBe(200);
        const items = res.json().items as Json[];
        const ids = items.map((item) => item.id);
        expect(ids).toEqual(expect.arrayContaining([f.zones.X.unitId, f.zones.Y.unitId]));
        expect(ids).not.toContain(f.unlistedUnitId);
        expect(ids).not.toContain(f.leasedUnitId);
        for (const item of items) {
          expect(Object.keys(item).sort()).toEqual(CARD_KEYS);
          for (const field of STAFF_ONLY_FIELDS) expect(item).not.toHaveProperty(field);
        }
      },
    );

    it.each(viewers)('GET public/units/:id as %s: public fields only', async (who) => {
      const res = await f.injectOf(who)({
        method: 'GET',
        url: v1(`public/units/${f.zones.X.unitId}`),
      });
      expect(res.statusCode).toBe(200);
      expect(Object.keys(res.json()).sort()).toEqual(UNIT_PAGE_KEYS);
      for (const field of STAFF_ONLY_FIELDS) expect(res.json()).not.toHaveProperty(field);
      for (const card of res.json().similar as Json[]) {
        expect(Object.keys(card).sort()).toEqual(CARD_KEYS);
        for (const field of STAFF_ONLY_FIELDS) expect(card).not.toHaveProperty(field);
      }
    });

    it('GET firms/me/favourites: public card fields only', async () => {
      const inject = f.injectOf('firmAMember');
      const put = await inject({
        method: 'PUT',
        url: v1(`firms/me/favourites/${f.zones.Y.unitId}`),
      });
      expect(put.statusCode).toBe(204);
      const res = await inject({ method: 'GET', url: v1('firms/me/favourites') });
      const items = res.json().items as { unitId: string; unit: Json }[];
      expect(items.map((item) => item.unitId)).toContain(f.zones.Y.unitId);
      for (const { unit } of items) {
        expect(Object.keys(unit).sort()).toEqual(CARD_KEYS);
        for (const field of STAFF_ONLY_FIELDS) expect(unit).not.toHaveProperty(field);
      }
    });

    it.each([
      ['an unlisted unit', () => f.unlistedUnitId],
      ['a leased unit', () => f.leasedUnitId],
    ])('GET public/units/:id of %s → 404 UNIT_NOT_FOUND', async (_what, id) => {
      for (const who of viewers) {
        const res = await f.injectOf(who)({ method: 'GET', url: v1(`public/units/${id()}`) });
        expect({ who, status: res.statusCode, code: bodyOf(res).code }).toEqual({
          who,
          status: 404,
          code: 'UNIT_NOT_FOUND',
        });
      }
    });
  });

  describe('writes never reach another zone through a reference in the body', () => {
    const zoneRows = async (zoneId: string) =>
      (await f.t.dataSource.query(
        `SELECT (SELECT count(*) FROM parks WHERE zone_id = $1)::int AS parks,
                (SELECT count(*) FROM buildings WHERE zone_id = $1)::int AS buildings,
                (SELECT count(*) FROM units WHERE zone_id = $1)::int AS units,
                (SELECT json_agg(json_build_object('id', id, 'version', version) ORDER BY id)
                   FROM parks WHERE zone_id = $1) AS park_versions,
                (SELECT json_agg(json_build_object('id', id, 'version', version, 'park', park_id) ORDER BY id)
                   FROM buildings WHERE zone_id = $1) AS building_versions,
                (SELECT json_agg(json_build_object('id', id, 'version', version, 'building', building_id) ORDER BY id)
                   FROM units WHERE zone_id = $1) AS unit_versions`,
        [zoneId],
      )) as Json[];

    type Attempt = [
      string,
      (me: Me) => Promise<{ method: Method; url: string; payload: Json }>,
      { status: number[]; code?: string },
    ];
    const attempts: Attempt[] = [
      [
        // The guard scopes POST parks by body.zoneId only; a park within a park takes its zone
        // from parentParkId (the service created it in the other zone when written).
        'POST parks: a park within a park of the other zone → 404 PARK_NOT_FOUND',
        async (me) => ({
          method: 'POST',
          url: v1('parks'),
          payload: {
            ...parkPayload(undefined),
            kind: 'park_in_park',
            parentParkId: me.otherZone.parkId,
          },
        }),
        { status: [404], code: 'PARK_NOT_FOUND' },
      ],
      [
        'POST buildings: in a park of the other zone → 404 PARK_NOT_FOUND',
        async (me) => ({
          method: 'POST',
          url: v1('buildings'),
          payload: buildingPayload(me.otherZone.parkId),
        }),
        { status: [404], code: 'PARK_NOT_FOUND' },
      ],
      [
        'POST units: in a building of the other zone → 404 BUILDING_NOT_FOUND',
        async (me) => ({
          method: 'POST',
          url: v1('units'),
          payload: unitPayload(me.otherZone.buildingId),
        }),
        { status: [404], code: 'BUILDING_NOT_FOUND' },
      ],
      [
        'PATCH units/:id: moving the unit into a building of the other zone → 404 BUILDING_NOT_FOUND',
        async (me) => ({
          method: 'PATCH',
          url: v1(`units/${me.zone.unitId}`),
          payload: {
            buildingId: me.otherZone.buildingId,
            version: await f.versionOf('units', me.zone.unitId),
          },
        }),
        { status: [404], code: 'BUILDING_NOT_FOUND' },
      ],
      [
        'PATCH buildings/:id: moving the building into a park of the other zone → refused',
        async (me) => ({
          method: 'PATCH',
          url: v1(`buildings/${me.zone.buildingId}`),
          payload: {
            parkId: me.otherZone.parkId,
            version: await f.versionOf('buildings', me.zone.buildingId),
          },
        }),
        { status: [400, 404] },
      ],
      [
        'PATCH parks/:id: putting the park under a park of the other zone → refused',
        async (me) => ({
          method: 'PATCH',
          url: v1(`parks/${me.zone.parkId}`),
          payload: {
            parentParkId: me.otherZone.parkId,
            version: await f.versionOf('parks', me.zone.parkId),
          },
        }),
        { status: [400, 404] },
      ],
    ];

    describe.each(['staffX', 'adminX'] as const)('as %s', (who) => {
      it.each(attempts)('%s', async (_name, build, expected) => {
        const me = meOf(who);
        const before = [await zoneRows(me.zone.id), await zoneRows(me.otherZone.id)];
        const c = await build(me);
        const res = await f.injectOf(who)({
          method: c.method,
          url: c.url,
          payload: c.payload as InjectOptions['payload'],
        });
        const ok =
          expected.status.includes(res.statusCode) &&
          (!expected.code || bodyOf(res).code === expected.code);
        if (!ok) {
          throw new Error(
            `${c.method} ${c.url} as ${who}: expected ${expected.status.join('/')} ${expected.code ?? ''}, got ${seen(res)}`,
          );
        }
        expect([await zoneRows(me.zone.id), await zoneRows(me.otherZone.id)]).toEqual(before);
      });
    });
  });
});
