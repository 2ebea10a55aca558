import { apportion, defaultZoneCount, planNational } from './national-plan';

describe('apportion', () => {
  it('splits a total exactly, at least one each, in proportion', () => {
    const shares = apportion(100, [1, 1, 2]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(shares).toEqual([25, 25, 50]);
    expect(apportion(3, [1000, 1, 1])).toEqual([1, 1, 1]);
  });

  it('refuses fewer units than shares', () => {
    expect(() => apportion(2, [1, 1, 1])).toThrow();
  });
});

describe('planNational', () => {
  const plan = planNational({ seed: 7, units: 20_000 });

  it('is deterministic for a seed and differs for another', () => {
    expect(planNational({ seed: 7, units: 20_000 })).toEqual(plan);
    expect(planNational({ seed: 8, units: 20_000 }).zones[0]!.id).not.toBe(plan.zones[0]!.id);
  });

  it('plans exactly the units asked for, in contiguous ranges', () => {
    expect(plan.zones).toHaveLength(defaultZoneCount(20_000));
    let next = 0;
    for (const b of plan.buildings) {
      expect(b.unitStart).toBe(next);
      expect(b.unitCount).toBeGreaterThanOrEqual(1);
      expect(b.unitCount).toBeLessThanOrEqual(24);
      next += b.unitCount;
    }
    expect(next).toBe(20_000);
    expect(plan.zones.reduce((sum, z) => sum + z.unitCount, 0)).toBe(20_000);
  });

  it('keeps to the schema: code patterns, unique codes per zone, floors, parents in the zone', () => {
    expect(new Set(plan.zones.map((z) => z.code)).size).toBe(plan.zones.length);
    for (const z of plan.zones) expect(z.code).toMatch(/^nz\d{4}$/);
    const parks = new Map(plan.parks.map((p) => [p.id, p]));
    for (const p of plan.parks) {
      expect(p.kind === 'park_in_park').toBe(p.parentParkId !== null);
      if (p.parentParkId) expect(parks.get(p.parentParkId)!.zoneId).toBe(p.zoneId);
      expect(p.boundary.length).toBeGreaterThanOrEqual(3);
    }
    const buildingCodes = new Set<string>();
    for (const b of plan.buildings) {
      expect(parks.get(b.parkId)!.zoneId).toBe(b.zoneId);
      expect(b.floors).toBeGreaterThanOrEqual(1);
      expect(b.floors).toBeLessThanOrEqual(12);
      expect(b.code.length).toBeLessThanOrEqual(32);
      buildingCodes.add(`${b.zoneId}/${b.code}`);
      const [lng, lat] = b.location;
      expect(lng).toBeGreaterThan(73);
      expect(lng).toBeLessThan(136);
      expect(lat).toBeGreaterThan(18);
      expect(lat).toBeLessThan(54);
    }
    expect(buildingCodes.size).toBe(plan.buildings.length);
  });

  it('uses mostly low buildings and realistic zone names', () => {
    const low = plan.buildings.filter((b) => b.floors <= 6).length / plan.buildings.length;
    expect(low).toBeGreaterThan(0.9);
    for (const z of plan.zones) expect(z.name).toMatch(/(开发区|园区|集聚区|保税区)$/);
  });
});
