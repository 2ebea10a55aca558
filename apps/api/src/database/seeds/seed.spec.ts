import {
  ACCEPTANCE_STATUSES,
  ENVIRONMENTAL_STATUSES,
  FIRE_SAFETY_STATUSES,
  IDLE_REASON_CATEGORIES,
  INDUSTRIES,
  OCCUPANCY_STATUSES,
  STRUCTURE_TYPES,
  UNIT_CLASSES,
  UNIT_LIMITS,
  checkDossierRules,
  distanceMetres,
  isIsoDate,
  isOneOf,
  isValidRing,
  validateRentPolicy,
  type LngLat,
} from '@factoryspace/domain';
import { summarizeCoverage } from '../../modules/pricing/pricing.mapper';
import {
  CROSS_STRAIT_PARK_CODE,
  FOOD_PARK_CODE,
  GAOPING_FIGURES,
  GAOPING_ZONE_CODE,
  JINCHENG_ZONE_CODE,
  SEED_REFERENCE_DATE,
  buildDemoDataset,
  creationChanges,
  GAOPING_POLICY_DRAFT_RULES,
  GAOPING_POLICY_RULES,
  sumArea,
  type DemoDataset,
  type DemoUnit,
} from './index';
import { Rng, mulberry32, uuidFromKey } from './prng';

const TODAY = '2026-11-22';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Ray casting; points on the edge count either way (none of ours are). */
function inside(point: LngLat, ring: LngLat[]): boolean {
  const [x, y] = point;
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

function bbox(ring: LngLat[]): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('demo seed dataset', () => {
  let data: DemoDataset;
  let gaoping: DemoUnit[];
  let vacant: DemoUnit[];
  const zoneId = (code: string) => data.zones.find((z) => z.code === code)!.id;
  const park = (zoneCode: string, code: string) =>
    data.parks.find((p) => p.zoneId === zoneId(zoneCode) && p.code === code)!;

  beforeAll(() => {
    data = buildDemoDataset();
    gaoping = data.units.filter((u) => u.zoneId === zoneId(GAOPING_ZONE_CODE));
    vacant = gaoping.filter((u) => u.occupancyStatus === 'vacant');
  });

  describe('Gaoping published figures', () => {
    it('reproduces the areas by acceptance status exactly', () => {
      const by = (status: string) => sumArea(gaoping.filter((u) => u.acceptanceStatus === status));
      expect(by('accepted')).toBe(GAOPING_FIGURES.acceptedM2);
      expect(by('not_accepted')).toBe(GAOPING_FIGURES.notAcceptedM2);
      expect(by('under_construction')).toBe(GAOPING_FIGURES.underConstructionM2);
      expect(by('accepted') + by('not_accepted')).toBe(GAOPING_FIGURES.builtM2);
      expect(sumArea(gaoping)).toBe(GAOPING_FIGURES.totalStartedM2);
    });

    it('has the constants consistent with each other', () => {
      const f = GAOPING_FIGURES;
      expect(f.acceptedM2 + f.notAcceptedM2).toBe(f.builtM2);
      expect(f.builtM2 + f.underConstructionM2).toBe(f.totalStartedM2);
    });

    it('has exactly 185,000 m² vacant', () => {
      expect(sumArea(vacant)).toBe(GAOPING_FIGURES.vacantM2);
    });

    it('puts most vacant space in the Cross-Strait park and the not-accepted area', () => {
      const crossStrait = park(GAOPING_ZONE_CODE, CROSS_STRAIT_PARK_CODE);
      expect(crossStrait.name).toBe('海峡两岸(高平)产业园');
      expect(crossStrait.kind).toBe('park_in_park');
      const inCrossStrait = sumArea(vacant.filter((u) => u.parkId === crossStrait.id));
      expect(inCrossStrait).toBeGreaterThan(GAOPING_FIGURES.vacantM2 / 2);
      const notAccepted = sumArea(vacant.filter((u) => u.acceptanceStatus === 'not_accepted'));
      expect(notAccepted).toBeGreaterThan(GAOPING_FIGURES.vacantM2 / 2);
      // No other park holds more vacant space than the Cross-Strait park.
      for (const p of data.parks.filter((x) => x.zoneId === zoneId(GAOPING_ZONE_CODE))) {
        expect(sumArea(vacant.filter((u) => u.parkId === p.id))).toBeLessThanOrEqual(inCrossStrait);
      }
    });

    it('records the 7 signed projects as leased units totalling 35,000 m²', () => {
      const signed = gaoping.filter((u) => u.description?.includes('已签约入驻'));
      expect(signed).toHaveLength(GAOPING_FIGURES.signedProjects);
      expect(sumArea(signed)).toBe(GAOPING_FIGURES.signedProjectsAreaM2);
      expect(signed.every((u) => u.occupancyStatus === 'leased' && u.vacantSince === null)).toBe(
        true,
      );
      const food = park(GAOPING_ZONE_CODE, FOOD_PARK_CODE);
      expect(food.name).toBe('食品加工产业园');
      for (const project of ['山西兰花生物科技老陈醋', '龙峰食品饼干']) {
        const unit = signed.find((u) => u.description!.includes(project));
        expect(unit).toBeDefined();
        expect(unit!.parkId).toBe(food.id);
        expect(unit!.suitableIndustries).toEqual(['food_processing']);
      }
    });

    it('has a realistic number of units of realistic sizes', () => {
      expect(gaoping.length).toBeGreaterThanOrEqual(150);
      expect(gaoping.length).toBeLessThanOrEqual(250);
      for (const u of data.units) {
        expect(u.grossArea).toBeGreaterThanOrEqual(500);
        expect(u.grossArea).toBeLessThanOrEqual(20_000);
      }
    });

    it('makes quality the largest class among vacant units, by count and by area', () => {
      const of = (c: string) => vacant.filter((u) => u.unitClass === c);
      for (const other of ['general', 'difficult']) {
        expect(of('quality').length).toBeGreaterThan(of(other).length);
        expect(sumArea(of('quality'))).toBeGreaterThan(sumArea(of(other)));
      }
      expect(of('general').length).toBeGreaterThan(0);
      expect(of('difficult').length).toBeGreaterThan(0);
    });

    it('has idle durations from a few months to more than five years', () => {
      const dates = vacant.map((u) => u.vacantSince!).sort();
      expect(dates[0]! < '2021-11-01').toBe(true);
      expect(dates[dates.length - 1]! > '2026-05-01').toBe(true);
    });
  });

  describe('unit dossiers', () => {
    it('passes the domain dossier rules with its building', () => {
      const floors = new Map(data.buildings.map((b) => [b.id, b.floors]));
      for (const u of data.units) {
        expect(u.buildingFloors).toBe(floors.get(u.buildingId));
        for (const today of [TODAY, SEED_REFERENCE_DATE]) {
          expect({
            code: u.code,
            issues: checkDossierRules(u, { buildingFloors: u.buildingFloors, today }),
          }).toEqual({
            code: u.code,
            issues: [],
          });
        }
      }
    });

    it('uses only values the schema and the domain allow', () => {
      for (const u of data.units) {
        expect(u.code).toMatch(UNIT_LIMITS.code.pattern);
        expect(u.code.length).toBeLessThanOrEqual(UNIT_LIMITS.code.maxLength);
        expect(u.name.trim().length).toBeGreaterThan(0);
        expect(u.name.length).toBeLessThanOrEqual(UNIT_LIMITS.name.maxLength);
        expect(u.address!.length).toBeLessThanOrEqual(UNIT_LIMITS.address.maxLength);
        expect(u.description!.length).toBeLessThanOrEqual(UNIT_LIMITS.description.maxLength);
        expect(u.contactPhone).toMatch(UNIT_LIMITS.contactPhone.pattern);
        expect(u.contactPhone).toMatch(/^\d{11}$/);
        expect(isOneOf(STRUCTURE_TYPES, u.structureType)).toBe(true);
        expect(isOneOf(FIRE_SAFETY_STATUSES, u.fireSafetyStatus)).toBe(true);
        expect(isOneOf(ENVIRONMENTAL_STATUSES, u.environmentalStatus)).toBe(true);
        expect(isOneOf(ACCEPTANCE_STATUSES, u.acceptanceStatus)).toBe(true);
        expect(isOneOf(UNIT_CLASSES, u.unitClass)).toBe(true);
        expect(isOneOf(OCCUPANCY_STATUSES, u.occupancyStatus)).toBe(true);
        if (u.idleReasonCategory !== null)
          expect(isOneOf(IDLE_REASON_CATEGORIES, u.idleReasonCategory)).toBe(true);
        expect(u.suitableIndustries.length).toBeGreaterThan(0);
        expect(u.suitableIndustries.length).toBeLessThanOrEqual(
          UNIT_LIMITS.suitableIndustries.maxItems,
        );
        expect(new Set(u.suitableIndustries).size).toBe(u.suitableIndustries.length);
        expect(u.suitableIndustries.every((i) => isOneOf(INDUSTRIES, i))).toBe(true);
        expect(u.floorHeightM).toBeGreaterThanOrEqual(4.5);
        expect(u.floorHeightM).toBeLessThanOrEqual(12);
        expect(u.floorLoadKnM2).toBeGreaterThanOrEqual(5);
        expect(u.floorLoadKnM2).toBeLessThanOrEqual(50);
        if (u.powerCapacityKva !== null) {
          expect(u.powerCapacityKva).toBeGreaterThanOrEqual(100);
          expect(u.powerCapacityKva).toBeLessThanOrEqual(2000);
        }
        if (u.listRentFen !== null) {
          expect(u.listRentFen).toBeGreaterThanOrEqual(800);
          expect(u.listRentFen).toBeLessThanOrEqual(2000);
        }
        expect(u.usableArea!).toBeLessThanOrEqual(u.grossArea);
        expect(String(u.grossArea)).toMatch(/^\d+(\.\d{1,2})?$/);
        expect(String(u.usableArea)).toMatch(/^\d+(\.\d{1,2})?$/);
        if (u.craneCapacityT !== null) {
          expect(u.buildingFloors).toBe(1);
          expect(u.structureType).toBe('steel');
        }
        if (u.footprint) expect(isValidRing(u.footprint)).toBe(true);
      }
    });

    it('keeps occupancy, dates and class consistent', () => {
      for (const u of data.units) {
        if (u.occupancyStatus === 'vacant') {
          expect(isIsoDate(u.vacantSince)).toBe(true);
          expect(u.vacantSince! < SEED_REFERENCE_DATE).toBe(true);
          expect(u.idleReasonCategory).not.toBeNull();
          expect(u.idleReasonText?.trim()).toBeTruthy();
        } else {
          expect(u.vacantSince).toBeNull();
          expect(u.idleReasonCategory).toBeNull();
        }
        expect(u.acceptanceStatus === 'under_construction').toBe(
          u.occupancyStatus === 'unavailable',
        );
        if (u.unitClass !== 'quality') expect(u.classReason?.trim()).toBeTruthy();
        if (u.unitClass === 'quality') {
          expect(u.classReason).toBeNull();
          expect([u.hasWater, u.hasSewage, u.hasFibre]).toEqual([true, true, true]);
          expect(u.fireSafetyStatus).toBe('passed');
          expect(u.environmentalStatus).toBe('approved');
        }
        if (u.unitClass === 'difficult') {
          expect(u.occupancyStatus).toBe('vacant');
          expect(u.idleReasonCategory).toBe('legal_dispute');
          expect(u.isListed).toBe(false);
        }
        if (u.unitClass === 'general' && u.occupancyStatus === 'vacant') {
          const utilitiesIncomplete = !u.hasGas || !u.hasHeating || !u.hasSewage || !u.hasFibre;
          const rectification =
            u.fireSafetyStatus === 'rectification_required' ||
            u.environmentalStatus === 'rectification_required';
          expect(
            utilitiesIncomplete || rectification || u.idleReasonCategory === 'plan_mismatch',
          ).toBe(true);
        }
      }
    });

    it('suits the food park to food processing', () => {
      const food = park(GAOPING_ZONE_CODE, FOOD_PARK_CODE);
      const units = data.units.filter((u) => u.parkId === food.id);
      expect(units.length).toBeGreaterThan(0);
      expect(units.every((u) => u.suitableIndustries[0] === 'food_processing')).toBe(true);
    });

    it('has unique codes per zone and ids everywhere', () => {
      for (const zone of data.zones) {
        for (const list of [data.parks, data.buildings, data.units]) {
          const codes = list.filter((x) => x.zoneId === zone.id).map((x) => x.code);
          expect(new Set(codes).size).toBe(codes.length);
        }
      }
      const ids = [...data.zones, ...data.parks, ...data.buildings, ...data.units].map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.every((id) => UUID.test(id))).toBe(true);
    });

    it("keeps units within their building's floors, without overlaps", () => {
      for (const b of data.buildings) {
        const units = data.units
          .filter((u) => u.buildingId === b.id)
          .sort((x, y) => x.floorFrom - y.floorFrom);
        expect(units.length).toBeGreaterThan(0);
        expect(b.floors).toBeGreaterThanOrEqual(1);
        expect(b.floors).toBeLessThanOrEqual(5);
        let lastFloor = 0;
        for (const u of units) {
          expect(u.parkId).toBe(b.parkId);
          expect(u.zoneId).toBe(b.zoneId);
          expect(u.floorFrom).toBeGreaterThanOrEqual(1);
          expect(u.floorFrom).toBeLessThanOrEqual(u.floorTo);
          expect(u.floorTo).toBeLessThanOrEqual(b.floors);
          expect(u.floorFrom).toBeGreaterThan(lastFloor);
          lastFloor = u.floorTo;
          expect([u.longitude, u.latitude]).toEqual(b.location);
        }
      }
    });
  });

  describe('zones, parks and buildings', () => {
    it('has the two zones with their platform companies', () => {
      const gp = data.zones.find((z) => z.code === GAOPING_ZONE_CODE)!;
      expect(gp).toMatchObject({
        name: '高平经济技术开发区',
        platformCompany: '恒通集团',
        province: '山西省',
        city: '晋城市',
      });
      const jc = data.zones.find((z) => z.code === JINCHENG_ZONE_CODE)!;
      expect(jc.platformCompany).toContain('示意');
      const jcUnits = data.units.filter((u) => u.zoneId === jc.id);
      expect(jcUnits.length).toBeGreaterThanOrEqual(20);
      expect(jcUnits.length).toBeLessThanOrEqual(30);
    });

    it('nests the 园中园 parks in a parent park of the same zone', () => {
      for (const p of data.parks) {
        expect(p.kind === 'park_in_park').toBe(p.parentParkId !== null);
        if (p.parentParkId) {
          const parent = data.parks.find((x) => x.id === p.parentParkId)!;
          expect(parent.zoneId).toBe(p.zoneId);
          expect(parent.kind).toBe('park');
          expect(p.boundary.every((pt) => inside(pt, parent.boundary))).toBe(true);
        }
      }
      const children = data.parks.filter((p) => p.kind === 'park_in_park').map((p) => p.code);
      expect(children.sort()).toEqual([CROSS_STRAIT_PARK_CODE, FOOD_PARK_CODE].sort());
    });

    it('draws plausible, non-overlapping park boundaries near the zone centre', () => {
      for (const p of data.parks) {
        expect(isValidRing(p.boundary)).toBe(true);
        expect(p.boundary.length).toBeGreaterThanOrEqual(4);
        expect(p.boundary.length).toBeLessThanOrEqual(8);
        const [w, s, e, n] = bbox(p.boundary);
        const width = distanceMetres({ latitude: s, longitude: w }, { latitude: s, longitude: e });
        const height = distanceMetres({ latitude: s, longitude: w }, { latitude: n, longitude: w });
        expect(Math.min(width, height)).toBeGreaterThan(300);
        expect(Math.max(width, height)).toBeLessThan(3_000);
        const center = data.zones.find((z) => z.id === p.zoneId)!.center;
        for (const [lng, lat] of p.boundary) {
          expect(
            distanceMetres(
              { latitude: center[1], longitude: center[0] },
              { latitude: lat, longitude: lng },
            ),
          ).toBeLessThan(8_000);
        }
      }
      // Parks that are not parent and child do not overlap.
      for (const a of data.parks) {
        for (const b of data.parks) {
          if (a === b || a.parentParkId === b.id || b.parentParkId === a.id) continue;
          const [aw, as, ae, an] = bbox(a.boundary);
          const [bw, bs, be, bn] = bbox(b.boundary);
          expect(aw > be || bw > ae || as > bn || bs > an).toBe(true);
        }
      }
    });

    it('places every building inside its own park and outside the other parks', () => {
      for (const b of data.buildings) {
        const own = data.parks.find((p) => p.id === b.parkId)!;
        expect(inside(b.location, own.boundary)).toBe(true);
        for (const other of data.parks) {
          if (other.id === own.id || other.id === own.parentParkId) continue;
          expect(inside(b.location, other.boundary)).toBe(false);
        }
      }
    });
  });

  describe('history', () => {
    it('lists every set field as created, in API names', () => {
      for (const u of data.units) {
        const changes = creationChanges(u);
        expect(changes[0]).toEqual({ field: 'buildingId', before: null, after: u.buildingId });
        expect(
          changes.every((c) => c.before === null && c.after !== null && c.after !== undefined),
        ).toBe(true);
        const fields = changes.map((c) => c.field);
        expect(fields).toEqual(
          expect.arrayContaining(['code', 'grossArea', 'occupancyStatus', 'unitClass']),
        );
        expect(fields.includes('vacantSince')).toBe(u.vacantSince !== null);
        expect(fields).not.toContain('id');
        expect(fields).not.toContain('zoneId');
      }
    });
  });

  describe('determinism', () => {
    it('builds the same dataset every time', () => {
      expect(buildDemoDataset()).toEqual(data);
      expect(JSON.stringify(buildDemoDataset())).toBe(JSON.stringify(data));
    });

    it('has a deterministic generator and key-derived uuids', () => {
      const a = mulberry32(42);
      const b = mulberry32(42);
      const seqA = Array.from({ length: 5 }, () => a());
      expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
      expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
      expect(uuidFromKey('zone:gaoping')).toBe(uuidFromKey('zone:gaoping'));
      expect(uuidFromKey('zone:gaoping')).not.toBe(uuidFromKey('zone:jincheng'));
      const rng = new Rng(1);
      for (let i = 0; i < 200; i++) {
        const n = rng.int(3, 7);
        expect(n).toBeGreaterThanOrEqual(3);
        expect(n).toBeLessThanOrEqual(7);
      }
    });
  });

  describe('Gaoping rent policy', () => {
    it('passes the domain policy validation (published v1 and draft v2)', () => {
      expect(validateRentPolicy(GAOPING_POLICY_RULES)).toEqual([]);
      expect(validateRentPolicy(GAOPING_POLICY_DRAFT_RULES)).toEqual([]);
    });

    it('covers about 47% of the seeded Gaoping area, as the article says (348,900 m², 47%)', () => {
      const units = data.units
        .filter((u) => u.zoneId === zoneId(GAOPING_ZONE_CODE))
        .map((u) => ({
          parkId: u.parkId,
          parkName: u.parkId,
          floorFrom: u.floorFrom,
          grossArea: u.grossArea,
        }));
      const coverage = summarizeCoverage(GAOPING_POLICY_RULES, units);
      expect(coverage.zoneAreaM2).toBe(GAOPING_FIGURES.totalStartedM2);
      expect(coverage.coveredShare).toBeGreaterThanOrEqual(0.465);
      expect(coverage.coveredShare).toBeLessThanOrEqual(0.475);
    });
  });
});
