/**
 * The demo seed's rent policy reproduces Gaoping's published coverage figure: tiered rent
 * reduction by floor and by square metre for about 47% of its industrial space (348,900 m² in
 * the article; see src/database/seeds/pricing.ts).
 */
import {
  GAOPING_POLICY_DRAFT_ID,
  GAOPING_POLICY_EFFECTIVE_FROM,
  GAOPING_POLICY_ID,
  GAOPING_POLICY_NAME,
  GAOPING_ZONE_CODE,
  JINCHENG_ZONE_CODE,
  runSeed,
} from '../../src/database/seeds';
import { createTestApp, type TestApp } from '../utils/create-test-app';

describe('seeded rent policy (integration)', () => {
  let t: TestApp;
  let gaopingId: string;
  let jinchengId: string;
  let staff: TestApp['inject'];

  beforeAll(async () => {
    t = await createTestApp();
    await runSeed(t.dataSource);
    const zones: { id: string; code: string }[] = await t.dataSource.query(
      'SELECT id, code FROM zones',
    );
    gaopingId = zones.find((z) => z.code === GAOPING_ZONE_CODE)!.id;
    jinchengId = zones.find((z) => z.code === JINCHENG_ZONE_CODE)!.id;
    staff = (await t.signIn({ role: 'staff', zoneId: gaopingId })).inject;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('Gaoping has a published v1 from 2026-01-01 and a draft v2', async () => {
    const res = await staff({ method: 'GET', url: `/api/v1/zones/${gaopingId}/rent-policies` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: GAOPING_POLICY_DRAFT_ID, versionNo: 2, status: 'draft' }),
      expect.objectContaining({
        id: GAOPING_POLICY_ID,
        versionNo: 1,
        status: 'published',
        name: GAOPING_POLICY_NAME,
        effectiveFrom: GAOPING_POLICY_EFFECTIVE_FROM,
      }),
    ]);
  });

  it('covers about 47% of Gaoping’s area (46.5–47.5%)', async () => {
    const res = await staff({
      method: 'GET',
      url: `/api/v1/rent-policies/${GAOPING_POLICY_ID}/coverage`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.coveredShare).toBeGreaterThanOrEqual(0.465);
    expect(body.coveredShare).toBeLessThanOrEqual(0.475);
    expect(body.zoneAreaM2).toBe(788_000);
    expect(body.coveredAreaM2 / body.zoneAreaM2).toBeCloseTo(body.coveredShare, 4);
    expect(body.floorTierAreaM2).toBeGreaterThan(0);
    expect(body.areaTierAreaM2).toBeGreaterThan(0);
    const parkSum = (body.byPark as { areaM2: number }[]).reduce((s, p) => s + p.areaM2, 0);
    expect(parkSum).toBeCloseTo(body.zoneAreaM2, 2);
  });

  it('every seeded version passes the API’s own validation', async () => {
    for (const id of [GAOPING_POLICY_ID, GAOPING_POLICY_DRAFT_ID]) {
      const res = await staff({
        method: 'POST',
        url: `/api/v1/rent-policies/${id}/quote`,
        payload: {
          unitId: (
            await t.dataSource.query(
              `SELECT id FROM units WHERE zone_id = $1 AND list_rent_fen IS NOT NULL ORDER BY code LIMIT 1`,
              [gaopingId],
            )
          )[0].id,
          termMonths: 60,
          startDate: '2027-01-01',
          profile: { leadingIndustry: true, highTech: true, specialisedLevel: 'provincial' },
        },
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('Jincheng has no policy (the "no policy" state)', async () => {
    const res = await t.anonymous({
      method: 'GET',
      url: `/api/v1/public/rent-policies/current?zoneId=${jinchengId}`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('RENT_POLICY_NOT_FOUND');
  });
});
