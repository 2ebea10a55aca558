import { checkCreditCode, openRing } from '@factoryspace/domain';
import { FEATURE_MODULES } from '../../src/modules';
import {
  CROSS_STRAIT_PARK_CODE,
  GAOPING_FIGURES,
  GAOPING_ZONE_CODE,
  JINCHENG_ZONE_CODE,
  DEMO_ACCOUNTS,
  DEMO_FIRMS,
  buildDemoDataset,
  runSeed,
} from '../../src/database/seeds';
import { createTestApp, type TestApp } from '../utils/create-test-app';

/** HTTP checks run once the feature module is registered in FEATURE_MODULES (skipped before). */
const registered = (name: string) => FEATURE_MODULES.some((m) => m.name === name);
const itWithUnits = registered('UnitsModule') ? it : it.skip;
const itWithZones = registered('ZonesModule') ? it : it.skip;

describe('demo seed (database)', () => {
  let t: TestApp;
  const data = buildDemoDataset();
  const gaoping = data.zones.find((z) => z.code === GAOPING_ZONE_CODE)!;
  const gaopingUnits = data.units.filter((u) => u.zoneId === gaoping.id);

  const count = async (table: string): Promise<number> => {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  };

  let staff: Awaited<ReturnType<TestApp['signIn']>>['inject'];

  beforeAll(async () => {
    t = await createTestApp();
    const messages: string[] = [];
    const result = await runSeed(t.dataSource, { logger: (m) => messages.push(m) });
    expect(result).toEqual({ created: true });
    expect(messages.join('\n')).toMatch(/Seeded 2 zones/);
    expect(messages.join('\n')).toMatch(new RegExp(`${DEMO_ACCOUNTS.length} demo accounts`));
    staff = (await t.signIn({ role: 'staff', zoneId: gaoping.id })).inject;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('inserts every zone, park, building and unit with one history entry each', async () => {
    expect(await count('zones')).toBe(data.zones.length);
    expect(await count('parks')).toBe(data.parks.length);
    expect(await count('buildings')).toBe(data.buildings.length);
    expect(await count('units')).toBe(data.units.length);
    const history = await t.dataSource.query(
      `SELECT action, source, version, count(*)::int AS n, count(DISTINCT unit_id)::int AS units,
              min(jsonb_array_length(changes))::int AS min_changes
       FROM unit_history GROUP BY action, source, version`,
    );
    expect(history).toEqual([
      {
        action: 'create',
        source: 'seed',
        version: 1,
        n: data.units.length,
        units: data.units.length,
        min_changes: expect.any(Number),
      },
    ]);
    expect(history[0].min_changes).toBeGreaterThan(20);
  });

  it('reproduces the published Gaoping figures in SQL', async () => {
    const rows: Array<{ acceptance_status: string; area: string }> = await t.dataSource.query(
      `SELECT u.acceptance_status, sum(u.gross_area)::text AS area
       FROM units u JOIN zones z ON z.id = u.zone_id
       WHERE z.code = $1 AND u.deleted_at IS NULL
       GROUP BY u.acceptance_status`,
      [GAOPING_ZONE_CODE],
    );
    const area = Object.fromEntries(rows.map((r) => [r.acceptance_status, Number(r.area)]));
    expect(area).toEqual({
      accepted: GAOPING_FIGURES.acceptedM2,
      not_accepted: GAOPING_FIGURES.notAcceptedM2,
      under_construction: GAOPING_FIGURES.underConstructionM2,
    });

    const [vacant] = await t.dataSource.query(
      `SELECT sum(u.gross_area)::text AS total,
              sum(u.gross_area) FILTER (WHERE p.code = $2)::text AS cross_strait,
              sum(u.gross_area) FILTER (WHERE u.acceptance_status = 'not_accepted')::text AS not_accepted
       FROM units u JOIN zones z ON z.id = u.zone_id JOIN parks p ON p.id = u.park_id
       WHERE z.code = $1 AND u.occupancy_status = 'vacant' AND u.deleted_at IS NULL`,
      [GAOPING_ZONE_CODE, CROSS_STRAIT_PARK_CODE],
    );
    expect(Number(vacant.total)).toBe(GAOPING_FIGURES.vacantM2);
    expect(Number(vacant.cross_strait)).toBeGreaterThan(GAOPING_FIGURES.vacantM2 / 2);
    expect(Number(vacant.not_accepted)).toBeGreaterThan(GAOPING_FIGURES.vacantM2 / 2);

    const [signed] = await t.dataSource.query(
      `SELECT count(*)::int AS n, sum(gross_area)::text AS area FROM units
       WHERE zone_id = $1 AND occupancy_status = 'leased' AND description LIKE '%已签约入驻%'`,
      [gaoping.id],
    );
    expect(signed).toEqual({
      n: GAOPING_FIGURES.signedProjects,
      area: `${GAOPING_FIGURES.signedProjectsAreaM2}.00`,
    });
  });

  it('stores geometry as point(lng, lat) and polygons', async () => {
    const [zone] = await t.dataSource.query(
      `SELECT center[0] AS lng, center[1] AS lat FROM zones WHERE code = $1`,
      [GAOPING_ZONE_CODE],
    );
    expect(zone).toEqual({ lng: 112.92, lat: 35.8 });
    const [outside] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM buildings b JOIN parks p ON p.id = b.park_id WHERE NOT (p.boundary @> b.location)`,
    );
    expect(outside.n).toBe(0);
  });

  it('is a no-op on a database that already has zones', async () => {
    const units = await count('units');
    const messages: string[] = [];
    await expect(runSeed(t.dataSource, { logger: (m) => messages.push(m) })).resolves.toEqual({
      created: false,
    });
    await expect(runSeed(t.dataSource, { force: true })).resolves.toEqual({ created: false });
    expect(messages).toEqual([expect.stringMatching(/skipped/)]);
    expect(await count('units')).toBe(units);
    expect(await count('zones')).toBe(data.zones.length);
  });

  itWithZones('lists the seeded zones through the API', async () => {
    const res = await t.anonymous({ method: 'GET', url: '/api/v1/zones' });
    expect(res.statusCode).toBe(200);
    const codes = (res.json().items as Array<{ code: string }>).map((z) => z.code).sort();
    expect(codes).toEqual([GAOPING_ZONE_CODE, JINCHENG_ZONE_CODE]);
  });

  itWithUnits('lists Gaoping units through the API', async () => {
    const res = await staff({
      method: 'GET',
      url: `/api/v1/units?zoneId=${gaoping.id}&limit=200`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((u: { zoneId: string }) => u.zoneId === gaoping.id)).toBe(true);
    expect(body.total).toEqual({ value: gaopingUnits.length, exact: true });
  });

  itWithUnits('returns a seeded dossier as the dataset describes it', async () => {
    const unit = gaopingUnits.find(
      (u) => u.occupancyStatus === 'vacant' && u.footprint && u.craneCapacityT,
    )!;
    const res = await staff({ method: 'GET', url: `/api/v1/units/${unit.id}` });
    expect(res.statusCode).toBe(200);
    const { footprint, ...fields } = unit;
    const body = res.json();
    expect(body).toMatchObject({ ...fields, version: 1 });
    // A ring may come back closed (GeoJSON style) or open.
    expect(openRing(body.footprint)).toEqual(footprint);
  });

  it('adds one demo account per role, verified, marked demo, firms with valid credit codes', async () => {
    const users: { role: string; is_demo: boolean; verified: boolean }[] = await t.dataSource.query(
      `SELECT role, is_demo, email_verified_at IS NOT NULL AS verified FROM users
        WHERE email LIKE '%@factoryspace.demo' ORDER BY email`,
    );
    expect(users).toHaveLength(DEMO_ACCOUNTS.length);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set(['super_admin', 'zone_admin', 'staff', 'firm']),
    );
    expect(users.every((u) => u.is_demo && u.verified)).toBe(true);
    for (const firm of DEMO_FIRMS) expect(checkCreditCode(firm.creditCode).valid).toBe(true);
  });

  it('never adds demo accounts to a database with real users', async () => {
    // The staff user signed in above is a real (non-demo) user.
    const messages: string[] = [];
    expect(await runSeed(t.dataSource, { force: true, logger: (m) => messages.push(m) })).toEqual({
      created: false,
    });
    expect(messages.join('\n')).toMatch(/real \(non-demo\) users/);
  });
});
