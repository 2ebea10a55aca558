/**
 * One test database populated for access-control tests (access matrix, mass assignment): two
 * zones X and Y, each with a park, building and units created through the API by a super
 * administrator, their staff and administrators, two firms A and B (A with an owner and a member,
 * B with an owner), one pending staff invitation per zone and one firm invitation per firm (made
 * through the API by the zone's administrator / the firm's owner, so each zone also has an outbox
 * row and audit rows).
 */
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { todayInChina, type UserRole } from '@factoryspace/domain';
import { GAOPING_POLICY_RULES } from '../../src/database/seeds/pricing';
import { createTestApp, type TestApp } from './create-test-app';
import type { TestSession } from './sign-in';
import {
  createBuilding,
  createPark,
  createUnit,
  createZone,
  nextId,
} from '../factories/dossier.factory';

export type Inject = NestFastifyApplication['inject'];

/** Everyone who calls the API in these tests. */
export const WHO = [
  'visitor',
  'firmA',
  'firmAMember',
  'firmB',
  'staffX',
  'staffY',
  'adminX',
  'adminY',
  'superAdmin',
] as const;
export type Who = (typeof WHO)[number];

/** A signed-in fixture user: its session and an inject acting as it. */
export type SignedIn = TestSession & {
  inject: Inject;
  role: UserRole;
  firmRole: 'owner' | 'member' | null;
};

export interface ZoneFixture {
  name: 'X' | 'Y';
  id: string;
  parkId: string;
  buildingId: string;
  /** A listed, vacant unit (visible in the public listing). */
  unitId: string;
  unitCode: string;
  /** The zone's staff member and administrator. */
  staff: SignedIn;
  admin: SignedIn;
  /** A pending staff invitation of the zone (made by its administrator). */
  invitationId: string;
  invitationToken: string;
  /** The zone's rent policy: a version published by its administrator, in effect from today. */
  policyId: string;
  /** A draft rent policy version of the zone. */
  draftPolicyId: string;
}

export interface FirmFixture {
  name: 'A' | 'B';
  id: string;
  owner: SignedIn;
  member: SignedIn | null;
  /** A pending invitation to the firm (made by its owner). */
  invitationId: string;
  invitationToken: string;
}

export interface AccessFixtures {
  t: TestApp;
  zones: { X: ZoneFixture; Y: ZoneFixture };
  firms: { A: FirmFixture; B: FirmFixture };
  superAdmin: SignedIn;
  /** Units of zone X that the public must not see. */
  unlistedUnitId: string;
  leasedUnitId: string;
  /**
   * One application per zone, firm A's in zone X and firm B's in zone Y, approved through the
   * API, and the lease each approval made, cancelled: every transition of either is refused
   * (409), so writes on them never change them.
   */
  applications: { X: string; Y: string };
  leases: { X: string; Y: string };
  /** Each fixture user's session, by name (the visitor has none). */
  users: Record<Exclude<Who, 'visitor'>, SignedIn>;
  /** The inject of `who` (the visitor's sends no cookie). */
  injectOf(who: Who): Inject;
  /** A new session of a new user with the same role, zone and firm as `who`. */
  freshSession(who: Exclude<Who, 'visitor'>): Promise<SignedIn>;
  /** A new pending staff invitation to `zone`, made by its administrator; returns its id. */
  freshStaffInvitation(zone: ZoneFixture): Promise<string>;
  /** A new pending invitation to `firm`, made by its owner; returns its id. */
  freshFirmInvitation(firm: FirmFixture): Promise<string>;
  /** A new active member of `firm`; returns the user id. */
  freshFirmMember(firm: FirmFixture): Promise<string>;
  /** A new draft rent policy version of `zone`, made by its administrator; returns its id. */
  freshDraftPolicy(zone: ZoneFixture): Promise<string>;
  /** A new saved quote of `firm` (its owner quotes the unit of zone X); returns its id. */
  freshQuote(firm: FirmFixture): Promise<string>;
  /** The current `version` of a row (zones, parks, buildings, units, users, firms). */
  versionOf(table: VersionedTable, id: string): Promise<number>;
  close(): Promise<void>;
}

export type VersionedTable =
  'zones' | 'parks' | 'buildings' | 'units' | 'users' | 'firms' | 'rent_policy_versions';

/** A valid rent policy draft body (the demo Gaoping rules), effective from today in China. */
export function rentPolicyPayload(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: `测试租金政策 ${nextId()}`,
    effectiveFrom: todayInChina(),
    notes: null,
    rules: GAOPING_POLICY_RULES,
    ...overrides,
  };
}

/** A valid quote body for a unit: 36 months from today, no qualification. */
export function quotePayload(unitId: string, overrides: Record<string, unknown> = {}) {
  return {
    unitId,
    termMonths: 36,
    startDate: todayInChina(),
    profile: { leadingIndustry: false, highTech: false, specialisedLevel: null },
    ...overrides,
  };
}

/** A uuid that names nothing. */
export const missingId = (): string => randomUUID();
export const MALFORMED_ID = 'not-a-uuid';

/** A unique, well-formed email address. */
export const uniqueEmail = (label: string): string =>
  `${label}-${nextId()}-${randomUUID().slice(0, 6)}@example.com`.toLowerCase();

async function post(
  inject: Inject,
  url: string,
  payload: Record<string, unknown>,
): Promise<{ id: string }> {
  const res = await inject({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string };
}

/** The invitation token mailed to `email` (read from the outbox). */
async function mailedToken(t: TestApp, email: string): Promise<string> {
  const rows: { body_text: string }[] = await t.dataSource.query(
    `SELECT body_text FROM outbox_messages WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`,
    [email],
  );
  const match = /accept-invitation\?token=([A-Za-z0-9_\-%.~]+)/.exec(rows[0]?.body_text ?? '');
  if (!match) throw new Error(`no invitation mail to ${email}`);
  return decodeURIComponent(match[1]);
}

export async function buildAccessFixtures(): Promise<AccessFixtures> {
  const t = await createTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
  });
  try {
    const signIn = async (
      role: UserRole,
      options: { zoneId?: string; firmId?: string; firmRole?: 'owner' | 'member' } = {},
    ): Promise<SignedIn> => {
      const session = await t.signIn({ role, ...options });
      const firmRole = role === 'firm' ? (options.firmRole ?? 'owner') : null;
      return { ...session, role, firmRole };
    };

    const superAdmin = await signIn('super_admin');

    const zone = async (name: 'X' | 'Y'): Promise<ZoneFixture> => {
      const z = await createZone(superAdmin.inject, { name: `访问测试开发区 ${name} ${nextId()}` });
      const park = await createPark(superAdmin.inject, z.id);
      const building = await createBuilding(superAdmin.inject, park.id);
      const unit = await createUnit(superAdmin.inject, building.id);
      const staff = await signIn('staff', { zoneId: z.id });
      const admin = await signIn('zone_admin', { zoneId: z.id });
      const email = uniqueEmail(`invited-staff-${name}`);
      const invitation = await post(admin.inject, '/api/v1/invitations', { email, role: 'staff' });
      const policy = await post(
        admin.inject,
        `/api/v1/zones/${z.id}/rent-policies`,
        rentPolicyPayload(),
      );
      const published = await admin.inject({
        method: 'POST',
        url: `/api/v1/rent-policies/${policy.id}/publish`,
        payload: { version: 1 },
      });
      if (published.statusCode !== 200)
        throw new Error(`publish policy: ${published.statusCode} ${published.body}`);
      const draft = await post(
        admin.inject,
        `/api/v1/zones/${z.id}/rent-policies`,
        rentPolicyPayload({ effectiveFrom: null }),
      );
      return {
        name,
        id: z.id,
        parkId: park.id,
        buildingId: building.id,
        unitId: unit.id,
        unitCode: unit.code,
        staff,
        admin,
        invitationId: invitation.id,
        invitationToken: await mailedToken(t, email),
        policyId: policy.id,
        draftPolicyId: draft.id,
      };
    };
    const X = await zone('X');
    const Y = await zone('Y');

    const unlisted = await createUnit(superAdmin.inject, X.buildingId, { isListed: false });
    const leased = await createUnit(superAdmin.inject, X.buildingId, {
      occupancyStatus: 'leased',
      vacantSince: null,
      idleReasonCategory: null,
    });

    const firm = async (name: 'A' | 'B', withMember: boolean): Promise<FirmFixture> => {
      const owner = await signIn('firm', { firmRole: 'owner' });
      const firmId = owner.firmId!;
      const member = withMember ? await signIn('firm', { firmId, firmRole: 'member' }) : null;
      const email = uniqueEmail(`invited-colleague-${name}`);
      const invitation = await post(owner.inject, '/api/v1/firms/me/invitations', { email });
      return {
        name,
        id: firmId,
        owner,
        member,
        invitationId: invitation.id,
        invitationToken: await mailedToken(t, email),
      };
    };
    const A = await firm('A', true);
    const B = await firm('B', false);

    /** firm drafts and submits; the zone's staff reviews and approves; the lease is cancelled. */
    const decided = async (z: ZoneFixture, f: FirmFixture) => {
      const unit = await createUnit(superAdmin.inject, z.buildingId);
      const app = await post(f.owner.inject, '/api/v1/applications', {
        unitId: unit.id,
        intendedUse: '访问测试',
        termMonths: 12,
        desiredMoveIn: todayInChina(),
      });
      const step = async (inject: Inject, url: string, payload: Record<string, unknown> = {}) => {
        const res = await inject({ method: 'POST', url, payload });
        if (res.statusCode !== 200) throw new Error(`POST ${url} → ${res.statusCode}: ${res.body}`);
        return res.json() as { leaseId?: string };
      };
      await step(f.owner.inject, `/api/v1/applications/${app.id}/submit`);
      await step(z.staff.inject, `/api/v1/applications/${app.id}/start-review`);
      const { leaseId } = await step(z.staff.inject, `/api/v1/applications/${app.id}/approve`);
      await step(z.staff.inject, `/api/v1/leases/${leaseId}/cancel`, { reason: '访问测试' });
      return { applicationId: app.id, leaseId: leaseId! };
    };
    const inX = await decided(X, A);
    const inY = await decided(Y, B);

    const users: AccessFixtures['users'] = {
      firmA: A.owner,
      firmAMember: A.member!,
      firmB: B.owner,
      staffX: X.staff,
      staffY: Y.staff,
      adminX: X.admin,
      adminY: Y.admin,
      superAdmin,
    };

    return {
      t,
      zones: { X, Y },
      firms: { A, B },
      superAdmin,
      unlistedUnitId: unlisted.id,
      leasedUnitId: leased.id,
      applications: { X: inX.applicationId, Y: inY.applicationId },
      leases: { X: inX.leaseId, Y: inY.leaseId },
      users,
      injectOf: (who) => (who === 'visitor' ? t.anonymous : users[who].inject),
      freshSession: (who) => {
        const user = users[who];
        return signIn(user.role, {
          zoneId: user.zoneId ?? undefined,
          firmId: user.firmId ?? undefined,
          firmRole: user.firmRole ?? undefined,
        });
      },
      freshStaffInvitation: async (z) =>
        (
          await post(z.admin.inject, '/api/v1/invitations', {
            email: uniqueEmail(`fresh-staff-${z.name}`),
            role: 'staff',
          })
        ).id,
      freshFirmInvitation: async (f) =>
        (
          await post(f.owner.inject, '/api/v1/firms/me/invitations', {
            email: uniqueEmail(`fresh-colleague-${f.name}`),
          })
        ).id,
      freshDraftPolicy: async (z) =>
        (
          await post(
            z.admin.inject,
            `/api/v1/zones/${z.id}/rent-policies`,
            rentPolicyPayload({ effectiveFrom: null }),
          )
        ).id,
      freshQuote: async (f) =>
        (await post(f.owner.inject, '/api/v1/firms/me/quotes', quotePayload(X.unitId))).id,
      freshFirmMember: async (f) =>
        (await signIn('firm', { firmId: f.id, firmRole: 'member' })).userId,
      versionOf: async (table, id) => {
        const rows: { version: number }[] = await t.dataSource.query(
          `SELECT version FROM ${table} WHERE id = $1`,
          [id],
        );
        if (rows.length === 0) throw new Error(`${table} ${id} not found`);
        return rows[0].version;
      },
      close: () => t.close(),
    };
  } catch (error) {
    await t.close().catch(() => undefined);
    throw error;
  }
}
