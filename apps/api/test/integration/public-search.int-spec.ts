/**
 * The public marketplace on a real PostgreSQL (issue #4): every search filter and sort against an
 * expectation computed here from a small data set of known units, keyset pages that visit each
 * match once while units come onto and leave the market, Chinese and English keywords, facets
 * that agree with the search, the unit page, map points and clusters, park outlines, and bad
 * input refused with 400 in the request's language.
 *
 * Searches are restricted to this file's own zones (zoneId) so units made for other tests (the
 * keyset walk, the map) never change an expectation.
 */
import { CARD_KEYS } from '../utils/public-shapes';
import { POINTS_BELOW } from '../../src/modules/search/search.sql';
import { STAFF_ONLY_UNIT_FIELDS } from '../../src/modules/units/dto/public-unit.dto';
import { createTestApp, type TestApp } from '../utils/create-test-app';
import {
  createBuilding,
  createPark,
  createUnit,
  createZone,
  nextId,
} from '../factories/dossier.factory';

type Json = Record<string, unknown>;
type Params = Record<string, string | number | boolean | (string | number)[]>;

interface Card extends Json {
  id: string;
}
interface Page {
  items: Card[];
  nextCursor: string | null;
  total: { value: number; exact: boolean };
}
interface Feature {
  kind: 'cluster' | 'unit';
  latitude: number;
  longitude: number;
  count: number;
  totalArea: number;
  bounds: [number, number, number, number] | null;
  unitId: string | null;
  name: string | null;
}
interface MapAnswer {
  clustered: boolean;
  total: { value: number; exact: boolean };
  features: Feature[];
}

const UTILITIES = ['water', 'gas', 'heating', 'sewage', 'fibre'] as const;
type Utility = (typeof UTILITIES)[number];
const UTILITY_FIELD: Record<Utility, string> = {
  water: 'hasWater',
  gas: 'hasGas',
  heating: 'hasHeating',
  sewage: 'hasSewage',
  fibre: 'hasFibre',
};

const PUBLIC_SQL = `u.deleted_at IS NULL AND u.is_listed AND u.occupancy_status IN ('vacant', 'reserved')`;

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return EARTH_RADIUS_KM * 2 * Math.asin(Math.sqrt(a));
}

/** A closed GeoJSON ring around a box. */
const ring = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

type ParkKey = 'hx' | 'hxIn' | 'food' | 'z2';

/** One unit of the data set, as created. */
interface UnitSpec {
  key: string;
  park: ParkKey;
  code: string;
  name: string;
  lat: number;
  lng: number;
  grossArea: number;
  floorFrom: number;
  floorTo: number;
  floorHeightM: number;
  floorLoadKnM2: number;
  craneCapacityT: number | null;
  powerCapacityKva: number | null;
  utilities: Utility[];
  unitClass: 'quality' | 'general' | 'difficult';
  acceptanceStatus: 'accepted' | 'not_accepted' | 'under_construction';
  fireSafetyStatus: 'passed' | 'rectification_required' | 'not_inspected';
  occupancyStatus: 'vacant' | 'reserved' | 'leased' | 'unavailable';
  vacantSince: string | null;
  listRentFen: number | null;
  industries: string[];
  isListed?: boolean;
  /** Deleted after creation. */
  deleted?: boolean;
}

const base = {
  floorFrom: 1,
  floorTo: 1,
  craneCapacityT: null,
  powerCapacityKva: null,
  utilities: [] as Utility[],
  unitClass: 'quality' as const,
  acceptanceStatus: 'accepted' as const,
  fireSafetyStatus: 'passed' as const,
  occupancyStatus: 'vacant' as const,
  vacantSince: '2024-01-01',
  listRentFen: null,
  industries: [] as string[],
};

const SPECS: UnitSpec[] = [
  {
    ...base,
    key: 'u1',
    park: 'hx',
    code: 'SR-HX-01',
    name: '海峡一号厂房',
    lat: 35.8,
    lng: 112.92,
    grossArea: 3200.5,
    floorHeightM: 8.5,
    floorLoadKnM2: 30,
    craneCapacityT: 10,
    powerCapacityKva: 800,
    utilities: ['water', 'gas', 'sewage'],
    vacantSince: '2023-06-01',
    listRentFen: 1200,
    industries: ['equipment_manufacturing'],
  },
  {
    ...base,
    key: 'u2',
    park: 'hx',
    code: 'SR-HX-02',
    name: '标准厂房二层',
    lat: 35.801,
    lng: 112.921,
    grossArea: 800,
    floorFrom: 2,
    floorTo: 2,
    floorHeightM: 5,
    floorLoadKnM2: 8,
    powerCapacityKva: 200,
    utilities: ['water'],
    unitClass: 'general',
    vacantSince: '2024-01-10',
    listRentFen: 900,
    industries: ['electronics', 'food_processing'],
  },
  {
    ...base,
    key: 'u3',
    park: 'hxIn',
    code: 'SR-TW-01',
    name: '青创中心一层',
    lat: 35.805,
    lng: 112.925,
    grossArea: 1000,
    floorHeightM: 6,
    floorLoadKnM2: 20,
    utilities: ['water', 'heating', 'fibre'],
    acceptanceStatus: 'not_accepted',
    occupancyStatus: 'reserved',
    vacantSince: null,
    industries: ['opto_mechatronics', 'electronics'],
  },
  {
    ...base,
    key: 'u4',
    park: 'food',
    code: 'SR-FD-01',
    name: '食品车间甲',
    lat: 35.76,
    lng: 112.88,
    grossArea: 5000,
    floorHeightM: 10,
    floorLoadKnM2: 50,
    craneCapacityT: 20,
    powerCapacityKva: 1600,
    utilities: ['water', 'gas', 'heating', 'sewage', 'fibre'],
    fireSafetyStatus: 'rectification_required',
    vacantSince: '2022-03-01',
    listRentFen: 1500,
    industries: ['food_processing'],
  },
  {
    ...base,
    key: 'u5',
    park: 'food',
    code: 'SR-FD-02',
    name: '小型车间三层',
    lat: 35.761,
    lng: 112.881,
    grossArea: 450,
    floorFrom: 3,
    floorTo: 3,
    floorHeightM: 4.5,
    floorLoadKnM2: 5,
    powerCapacityKva: 100,
    utilities: ['water', 'gas'],
    unitClass: 'difficult',
    acceptanceStatus: 'under_construction',
    fireSafetyStatus: 'not_inspected',
    vacantSince: '2025-01-01',
    listRentFen: 600,
    industries: ['food_processing', 'light_industry'],
  },
  {
    ...base,
    key: 'u6',
    park: 'food',
    code: 'SR-FD-03',
    name: 'Cold Chain 冷链仓库',
    lat: 35.7,
    lng: 112.8,
    grossArea: 12000,
    floorFrom: 1,
    floorTo: 2,
    floorHeightM: 12,
    floorLoadKnM2: 40,
    craneCapacityT: 32,
    powerCapacityKva: 5000,
    utilities: ['water', 'gas', 'sewage', 'fibre'],
    vacantSince: '2021-09-15',
    industries: ['logistics_warehousing'],
  },
  {
    ...base,
    key: 'u7',
    park: 'z2',
    code: 'SR-NM-01',
    name: '新材料厂房',
    lat: 36.5,
    lng: 113.5,
    grossArea: 2500,
    floorHeightM: 9,
    floorLoadKnM2: 35,
    craneCapacityT: 16,
    powerCapacityKva: 1000,
    utilities: ['water', 'gas', 'heating', 'sewage', 'fibre'],
    unitClass: 'general',
    vacantSince: '2023-06-01',
    listRentFen: 1200,
    industries: ['new_materials', 'food_processing'],
  },
  {
    ...base,
    key: 'u8',
    park: 'z2',
    code: 'SR-NM-02',
    name: '办公研发楼二层',
    lat: 36.501,
    lng: 113.501,
    grossArea: 800,
    floorFrom: 2,
    floorTo: 2,
    floorHeightM: 6,
    floorLoadKnM2: 10,
    powerCapacityKva: 300,
    vacantSince: '2024-05-20',
    listRentFen: 700,
  },
  // Never public: leased, unlisted, not available, deleted (each would match a lot otherwise).
  {
    ...base,
    key: 'leased',
    park: 'hx',
    code: 'SR-HX-90',
    name: '海峡已租厂房',
    lat: 35.8,
    lng: 112.92,
    grossArea: 3000,
    floorHeightM: 9,
    floorLoadKnM2: 30,
    craneCapacityT: 5,
    powerCapacityKva: 900,
    utilities: ['water', 'gas'],
    occupancyStatus: 'leased',
    vacantSince: null,
    listRentFen: 800,
    industries: ['food_processing'],
  },
  {
    ...base,
    key: 'unlisted',
    park: 'food',
    code: 'SR-FD-91',
    name: '食品未上架厂房',
    lat: 35.76,
    lng: 112.88,
    grossArea: 2000,
    floorHeightM: 9,
    floorLoadKnM2: 30,
    utilities: ['water', 'gas'],
    listRentFen: 500,
    industries: ['food_processing'],
    isListed: false,
  },
  {
    ...base,
    key: 'unavailable',
    park: 'hx',
    code: 'SR-HX-92',
    name: '海峡维修中厂房',
    lat: 35.802,
    lng: 112.922,
    grossArea: 1200,
    floorHeightM: 7,
    floorLoadKnM2: 15,
    occupancyStatus: 'unavailable',
    vacantSince: null,
    listRentFen: 700,
  },
  {
    ...base,
    key: 'deleted',
    park: 'food',
    code: 'SR-FD-93',
    name: '食品已删除厂房',
    lat: 35.76,
    lng: 112.88,
    grossArea: 900,
    floorHeightM: 6,
    floorLoadKnM2: 12,
    listRentFen: 650,
    industries: ['food_processing'],
    deleted: true,
  },
];

const isPublic = (s: UnitSpec) =>
  !s.deleted && s.isListed !== false && ['vacant', 'reserved'].includes(s.occupancyStatus);

describe('public search (integration)', () => {
  let t: TestApp;
  const zone = { z1: '', z2: '' };
  const zoneName = { z1: '', z2: '' };
  const parks: Record<ParkKey, { id: string; name: string; nameEn: string }> = {} as never;
  const ids: Record<string, string> = {};
  /** The unit spec of each id. */
  const specOf = new Map<string, UnitSpec>();

  const parkZone: Record<ParkKey, 'z1' | 'z2'> = { hx: 'z1', hxIn: 'z1', food: 'z1', z2: 'z2' };

  beforeAll(async () => {
    t = await createTestApp({
      as: 'super_admin',
      env: { RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const z1 = await createZone(t.inject, { name: `搜索测试开发区 ${nextId()}` });
    const z2 = await createZone(t.inject, {
      name: `搜索测试二区 ${nextId()}`,
      center: { latitude: 36.5, longitude: 113.5 },
    });
    zone.z1 = z1.id;
    zone.z2 = z2.id;
    zoneName.z1 = z1.name as string;
    zoneName.z2 = z2.name as string;

    const park = async (
      key: ParkKey,
      zoneId: string | undefined,
      overrides: Json,
    ): Promise<void> => {
      const p = await createPark(t.inject, zoneId as string, overrides);
      parks[key] = { id: p.id, name: p.name as string, nameEn: p.nameEn as string };
    };
    await park('hx', z1.id, {
      name: '海峡两岸(高平)产业园',
      nameEn: 'Cross-Strait (Gaoping) Industrial Park',
      boundary: ring(112.9, 35.79, 112.94, 35.81),
    });
    await park('hxIn', undefined, {
      name: '台湾青年创业园',
      nameEn: 'Taiwan Youth Startup Centre',
      kind: 'park_in_park',
      parentParkId: parks.hx.id,
      boundary: ring(112.922, 35.802, 112.93, 35.808),
    });
    await park('food', z1.id, {
      name: '食品加工产业园',
      nameEn: 'Food Processing Industrial Park',
      boundary: ring(112.79, 35.69, 112.89, 35.77),
    });
    await park('z2', z2.id, {
      name: '新材料产业园',
      nameEn: 'New Materials Industrial Park',
      boundary: ring(113.49, 36.49, 113.51, 36.51),
    });

    const buildings = {} as Record<ParkKey, string>;
    for (const key of Object.keys(parks) as ParkKey[]) {
      const b = await createBuilding(t.inject, parks[key].id, {
        floors: 5,
        name: `${key.toUpperCase()}楼`,
        location: { latitude: 35.8, longitude: 112.92 },
      });
      buildings[key] = b.id;
    }

    for (const s of SPECS) {
      const vacant = s.occupancyStatus === 'vacant';
      const unit = await createUnit(t.inject, buildings[s.park], {
        code: s.code,
        name: s.name,
        latitude: s.lat,
        longitude: s.lng,
        grossArea: s.grossArea,
        usableArea: null,
        floorFrom: s.floorFrom,
        floorTo: s.floorTo,
        floorHeightM: s.floorHeightM,
        floorLoadKnM2: s.floorLoadKnM2,
        craneCapacityT: s.craneCapacityT,
        powerCapacityKva: s.powerCapacityKva,
        ...Object.fromEntries(UTILITIES.map((u) => [UTILITY_FIELD[u], s.utilities.includes(u)])),
        unitClass: s.unitClass,
        classReason: s.unitClass === 'quality' ? null : '产权手续不全',
        acceptanceStatus: s.acceptanceStatus,
        fireSafetyStatus: s.fireSafetyStatus,
        occupancyStatus: s.occupancyStatus,
        vacantSince: s.vacantSince,
        idleReasonCategory: vacant ? 'no_tenant_found' : null,
        listRentFen: s.listRentFen,
        suitableIndustries: s.industries,
        isListed: s.isListed ?? true,
      });
      ids[s.key] = unit.id;
      specOf.set(unit.id, s);
      if (s.deleted) {
        const res = await t.inject({
          method: 'DELETE',
          url: `/api/v1/units/${unit.id}?version=${unit.version}`,
        });
        expect(res.statusCode).toBe(204);
      }
    }
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const OWN = () => [zone.z1, zone.z2];
  const visible = () => SPECS.filter(isPublic);
  const idsOf = (specs: UnitSpec[]) => specs.map((s) => ids[s.key]).sort();
  const HIDDEN = () => SPECS.filter((s) => !isPublic(s)).map((s) => ids[s.key]);

  const query = (params: Params): string => {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
    }
    return q.toString();
  };
  const get = (url: string, lang = 'zh-CN') =>
    t.anonymous({ method: 'GET', url: `/api/v1/${url}`, headers: { 'accept-language': lang } });

  /** One search page (own zones unless `zoneId` is given). */
  const search = async (params: Params): Promise<Page> => {
    const res = await get(`public/units?${query({ zoneId: OWN(), limit: 50, ...params })}`);
    expect({
      params,
      status: res.statusCode,
      body: res.statusCode === 200 ? '' : res.body,
    }).toEqual({ params, status: 200, body: '' });
    return res.json() as Page;
  };
  const searchIds = async (params: Params) => (await search(params)).items.map((i) => i.id).sort();

  describe('filters: each returns exactly the expected units', () => {
    const near = { lat: 35.8, lng: 112.92 };
    const inBox = (s: UnitSpec, w: number, so: number, e: number, n: number) =>
      s.lng >= w && s.lng <= e && s.lat >= so && s.lat <= n;

    const cases: [string, () => Params, (s: UnitSpec) => boolean][] = [
      ['no filter (own zones)', () => ({}), () => true],
      ['zoneId (one zone)', () => ({ zoneId: zone.z1 }), (s) => parkZone[s.park] === 'z1'],
      ['zoneId (the other zone)', () => ({ zoneId: zone.z2 }), (s) => parkZone[s.park] === 'z2'],
      [
        'parkId of a parent park includes its park-in-park',
        () => ({ parkId: parks.hx.id }),
        (s) => s.park === 'hx' || s.park === 'hxIn',
      ],
      ['parkId of a park-in-park', () => ({ parkId: parks.hxIn.id }), (s) => s.park === 'hxIn'],
      [
        'parkId repeated (any of them)',
        () => ({ parkId: [parks.food.id, parks.z2.id] }),
        (s) => s.park === 'food' || s.park === 'z2',
      ],
      ['minArea (inclusive)', () => ({ minArea: 1000 }), (s) => s.grossArea >= 1000],
      ['maxArea (inclusive)', () => ({ maxArea: 800 }), (s) => s.grossArea <= 800],
      [
        'minArea and maxArea',
        () => ({ minArea: 800, maxArea: 3200.5 }),
        (s) => s.grossArea >= 800 && s.grossArea <= 3200.5,
      ],
      ['minArea = maxArea', () => ({ minArea: 800, maxArea: 800 }), (s) => s.grossArea === 800],
      ['minFloorLoad', () => ({ minFloorLoad: 30 }), (s) => s.floorLoadKnM2 >= 30],
      ['minFloorHeight', () => ({ minFloorHeight: 8.5 }), (s) => s.floorHeightM >= 8.5],
      [
        'minPower (units without a known capacity are left out)',
        () => ({ minPower: 800 }),
        (s) => s.powerCapacityKva !== null && s.powerCapacityKva >= 800,
      ],
      [
        'minPower=0 still leaves out unknown capacities',
        () => ({ minPower: 0 }),
        (s) => s.powerCapacityKva !== null,
      ],
      ...UTILITIES.map((u): [string, () => Params, (s: UnitSpec) => boolean] => [
        `utility=${u}`,
        () => ({ utility: u }),
        (s) => s.utilities.includes(u),
      ]),
      [
        'utility=gas&utility=heating (all of them)',
        () => ({ utility: ['gas', 'heating'] }),
        (s) => s.utilities.includes('gas') && s.utilities.includes('heating'),
      ],
      [
        'utility=water&utility=gas&utility=sewage',
        () => ({ utility: ['water', 'gas', 'sewage'] }),
        (s) => ['water', 'gas', 'sewage'].every((u) => s.utilities.includes(u as Utility)),
      ],
      [
        'every utility',
        () => ({ utility: [...UTILITIES] }),
        (s) => UTILITIES.every((u) => s.utilities.includes(u)),
      ],
      [
        'a utility given twice',
        () => ({ utility: ['gas', 'gas'] }),
        (s) => s.utilities.includes('gas'),
      ],
      ['unitClass', () => ({ unitClass: 'general' }), (s) => s.unitClass === 'general'],
      [
        'unitClass repeated',
        () => ({ unitClass: ['quality', 'difficult'] }),
        (s) => s.unitClass !== 'general',
      ],
      [
        'acceptanceStatus',
        () => ({ acceptanceStatus: 'not_accepted' }),
        (s) => s.acceptanceStatus === 'not_accepted',
      ],
      [
        'acceptanceStatus repeated',
        () => ({ acceptanceStatus: ['accepted', 'under_construction'] }),
        (s) => s.acceptanceStatus !== 'not_accepted',
      ],
      ['groundFloor=true', () => ({ groundFloor: true }), (s) => s.floorFrom === 1],
      ['groundFloor=false (no filter)', () => ({ groundFloor: false }), () => true],
      ['crane=true', () => ({ crane: true }), (s) => s.craneCapacityT !== null],
      ['crane=1', () => ({ crane: 1 }), (s) => s.craneCapacityT !== null],
      [
        'maxRentFen (negotiable rents are left out)',
        () => ({ maxRentFen: 1000 }),
        (s) => s.listRentFen !== null && s.listRentFen <= 1000,
      ],
      [
        'maxRentFen (inclusive)',
        () => ({ maxRentFen: 1200 }),
        (s) => s.listRentFen !== null && s.listRentFen <= 1200,
      ],
      [
        'moveInReady (quality, accepted, fire safety passed)',
        () => ({ moveInReady: true }),
        (s) =>
          s.unitClass === 'quality' &&
          s.acceptanceStatus === 'accepted' &&
          s.fireSafetyStatus === 'passed',
      ],
      [
        'industry',
        () => ({ industry: 'food_processing' }),
        (s) => s.industries.includes('food_processing'),
      ],
      [
        'industry repeated (any of them)',
        () => ({ industry: ['electronics', 'new_materials'] }),
        (s) => s.industries.includes('electronics') || s.industries.includes('new_materials'),
      ],
      [
        'nearLat/nearLng/withinKm=1',
        () => ({ nearLat: near.lat, nearLng: near.lng, withinKm: 1 }),
        (s) => haversineKm(near.lat, near.lng, s.lat, s.lng) <= 1,
      ],
      [
        'nearLat/nearLng/withinKm=7',
        () => ({ nearLat: near.lat, nearLng: near.lng, withinKm: 7 }),
        (s) => haversineKm(near.lat, near.lng, s.lat, s.lng) <= 7,
      ],
      [
        'nearLat/nearLng alone (distances, no radius)',
        () => ({ nearLat: near.lat, nearLng: near.lng }),
        () => true,
      ],
      [
        'bbox',
        () => ({ bbox: '112.9,35.79,112.93,35.81' }),
        (s) => inBox(s, 112.9, 35.79, 112.93, 35.81),
      ],
      [
        'bbox on the edge of units (inclusive)',
        () => ({ bbox: '112.88,35.76,112.921,35.801' }),
        (s) => inBox(s, 112.88, 35.76, 112.921, 35.801),
      ],
      ['the world bbox', () => ({ bbox: '-180,-90,180,90' }), () => true],
      [
        'a combination: zone, area, gas, crane',
        () => ({ zoneId: zone.z1, minArea: 1000, utility: 'gas', crane: true }),
        (s) =>
          parkZone[s.park] === 'z1' &&
          s.grossArea >= 1000 &&
          s.utilities.includes('gas') &&
          s.craneCapacityT !== null,
      ],
      [
        'a combination: rent, ground floor, industry, class',
        () => ({
          maxRentFen: 1500,
          groundFloor: true,
          industry: ['food_processing', 'new_materials'],
          unitClass: ['quality', 'general'],
        }),
        (s) =>
          s.listRentFen !== null &&
          s.listRentFen <= 1500 &&
          s.floorFrom === 1 &&
          (s.industries.includes('food_processing') || s.industries.includes('new_materials')) &&
          s.unitClass !== 'difficult',
      ],
      [
        'a combination that matches nothing',
        () => ({ minArea: 10000, maxRentFen: 100 }),
        () => false,
      ],
    ];

    it.each(cases)('%s', async (_name, params, predicate) => {
      const p = params();
      const zones = p.zoneId ? [p.zoneId].flat() : OWN();
      const expected = idsOf(
        visible().filter((s) => zones.includes(zone[parkZone[s.park]]) && predicate(s)),
      );
      const page = await search(p);
      expect(page.items.map((i) => i.id).sort()).toEqual(expected);
      expect(page.total).toEqual({ value: expected.length, exact: true });
      expect(page.nextCursor).toBeNull();
    });

    it('never shows leased, unlisted, unavailable or deleted units, whatever the filter', async () => {
      const hidden = HIDDEN();
      expect(hidden).toHaveLength(4);
      for (const params of [
        {},
        { q: '海峡' },
        { q: '食品' },
        { industry: 'food_processing' },
        { nearLat: 35.8, nearLng: 112.92, withinKm: 0.1 },
        { bbox: '112.87,35.75,112.93,35.81' },
        { sort: 'rent_asc' },
      ] as Params[]) {
        const found = (await search(params)).items.map((i) => i.id);
        expect({ params, leaked: found.filter((id) => hidden.includes(id)) }).toEqual({
          params,
          leaked: [],
        });
      }
    });

    it('gives each card its distance from the point, in km', async () => {
      const page = await search({ nearLat: 35.8, nearLng: 112.92 });
      for (const item of page.items) {
        const s = specOf.get(item.id)!;
        expect(item.distanceKm as number).toBeCloseTo(haversineKm(35.8, 112.92, s.lat, s.lng), 2);
      }
      expect((await search({})).items.every((i) => i.distanceKm === null)).toBe(true);
    });
  });

  describe('sorts and keyset pages', () => {
    /** The order PostgreSQL gives for a sort over this file's public units. */
    async function databaseOrder(
      orderBy: string,
      zones: string[] = OWN(),
      extraWhere = 'true',
    ): Promise<string[]> {
      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT u.id FROM units u WHERE ${PUBLIC_SQL} AND u.zone_id = ANY($1::uuid[]) AND ${extraWhere}
          ORDER BY ${orderBy}`,
        [zones],
      );
      return rows.map((r) => r.id);
    }

    const ORDER: Record<string, string> = {
      newest: 'u.published_at DESC, u.id DESC',
      relevance: 'u.published_at DESC, u.id DESC',
      rent_asc: 'u.list_rent_fen ASC NULLS LAST, u.id ASC',
      rent_desc: 'u.list_rent_fen DESC NULLS LAST, u.id DESC',
      area_asc: 'u.gross_area ASC, u.id ASC',
      area_desc: 'u.gross_area DESC, u.id DESC',
      longest_idle: 'u.vacant_since ASC NULLS LAST, u.id ASC',
    };

    /** Every page of a search, `limit` at a time; `between` runs after each page but the last. */
    async function walk(
      params: Params,
      limit: number,
      between?: (page: number, seen: string[]) => Promise<unknown>,
    ): Promise<{ ids: string[]; pages: Page[] }> {
      const seen: string[] = [];
      const pages: Page[] = [];
      let cursor: string | null = null;
      for (let n = 0; n < 200; n++) {
        const page = await search({ ...params, limit, ...(cursor ? { cursor } : {}) });
        pages.push(page);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        if (!cursor) break;
        if (between) await between(n, seen);
      }
      return { ids: seen, pages };
    }

    it.each(Object.keys(ORDER))(
      'sort=%s: every page in database order, each unit once',
      async (sort) => {
        const expected = await databaseOrder(ORDER[sort]);
        expect(expected).toHaveLength(visible().length);
        const { ids: seen, pages } = await walk({ sort }, 2);
        expect(seen).toEqual(expected);
        expect(pages[0].total).toEqual({ value: expected.length, exact: true });
        expect(pages).toHaveLength(Math.ceil(expected.length / 2));
      },
    );

    it('sort=distance: nearest first (ties by id), each unit once', async () => {
      const p = { lat: 35.78, lng: 112.9 };
      const expected = visible()
        .map((s) => ({
          id: ids[s.key],
          d: Math.round(haversineKm(p.lat, p.lng, s.lat, s.lng) * 1e6),
        }))
        .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
        .map((x) => x.id);
      const { ids: seen } = await walk({ sort: 'distance', nearLat: p.lat, nearLng: p.lng }, 3);
      expect(seen).toEqual(expected);
    });

    it('sort=distance without withinKm looks 200 km far', async () => {
      // Zone 2 is about 93 km from zone 1: inside 200 km of zone 1, but not of a point 150 km west.
      const p = { lat: 35.8, lng: 111.26 };
      const expected = visible()
        .filter((s) => haversineKm(p.lat, p.lng, s.lat, s.lng) <= 200)
        .map((s) => ids[s.key])
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(visible().length);
      const page = await search({ sort: 'distance', nearLat: p.lat, nearLng: p.lng });
      expect(page.items.map((i) => i.id).sort()).toEqual(expected);
      expect(page.total.value).toBe(expected.length);
    });

    /** The relevance score as documented: code, then each word in the name and the park. */
    const score = (s: UnitSpec, keyword: string) => {
      const park = parks[s.park];
      const terms = [...new Set(keyword.split(' '))].slice(0, 5);
      let n = s.code.toLowerCase() === keyword ? 16 : 0;
      for (const term of terms) {
        if (s.name.toLowerCase().includes(term)) n += 4;
        if (`${park.name} ${park.nameEn}`.toLowerCase().includes(term)) n += 2;
      }
      return n + (s.unitClass === 'quality' ? 1 : 0);
    };

    it.each(['海峡', '食品', '产业园', 'sr-fd-01', '海峡 park'])(
      'sort=relevance with q=%s: best matches first (ties by id, newest id first)',
      async (q) => {
        const all = (await search({ q, limit: 50 })).items.map((i) => i.id);
        const expected = [...all].sort((a, b) => {
          const d = score(specOf.get(b)!, q) - score(specOf.get(a)!, q);
          return d !== 0 ? d : a < b ? 1 : -1;
        });
        expect(all.length).toBeGreaterThan(0);
        const { ids: seen } = await walk({ q, sort: 'relevance' }, 2);
        expect(seen).toEqual(expected);
      },
    );

    it('the exact code ranks first', async () => {
      const page = await search({ q: 'SR-FD-01' });
      expect(page.items[0].id).toBe(ids.u4);
    });

    it('a cursor from one sort or keyword is refused by another: 400 INVALID_CURSOR', async () => {
      const first = await search({ sort: 'rent_asc', limit: 2 });
      const viaKeyword = await search({ q: '海峡', sort: 'relevance', limit: 1 });
      expect(first.nextCursor).not.toBeNull();
      expect(viaKeyword.nextCursor).not.toBeNull();
      for (const params of [
        { sort: 'rent_desc', cursor: first.nextCursor! },
        { sort: 'area_asc', cursor: first.nextCursor! },
        { q: '食品', sort: 'relevance', cursor: viaKeyword.nextCursor! },
        { sort: 'relevance', cursor: viaKeyword.nextCursor! },
      ] as Params[]) {
        const res = await get(`public/units?${query({ zoneId: OWN(), ...params })}`);
        expect({ params, status: res.statusCode, code: res.json().code }).toEqual({
          params,
          status: 400,
          code: 'INVALID_CURSOR',
        });
      }
      // The same sort with other filters is fine (the filters are the client's to keep).
      const res = await get(
        `public/units?${query({ sort: 'rent_asc', cursor: first.nextCursor! })}`,
      );
      expect(res.statusCode).toBe(200);
    });

    describe('while units come onto and leave the market between pages', () => {
      let walkZone: string;
      let walkBuilding: string;
      let sequence = 0;
      const spots = [
        { lat: 30.5, lng: 114.3 },
        { lat: 30.51, lng: 114.31 },
        { lat: 30.52, lng: 114.28 },
      ];

      /** A unit of the walk zone with deliberately repeated values and some nulls. */
      const addUnit = async (): Promise<string> => {
        sequence += 1;
        const n = sequence;
        const reserved = n % 4 === 0;
        const spot = spots[n % 3];
        const unit = await createUnit(t.inject, walkBuilding, {
          code: `WALK-${n}`,
          name: `步行测试厂房 ${n}`,
          latitude: spot.lat,
          longitude: spot.lng,
          grossArea: [500, 1200.5, 3000][n % 3],
          usableArea: null,
          occupancyStatus: reserved ? 'reserved' : 'vacant',
          vacantSince: reserved ? null : ['2023-01-15', '2024-06-01'][n % 2],
          idleReasonCategory: reserved ? null : 'no_tenant_found',
          listRentFen: n % 5 === 0 ? null : [900, 1200][n % 2],
          unitClass: n % 2 === 0 ? 'quality' : 'general',
          classReason: n % 2 === 0 ? null : '配套不足',
        });
        return unit.id;
      };

      const lease = (id: string) =>
        t.dataSource.query(
          `UPDATE units SET occupancy_status = 'leased', vacant_since = NULL, idle_reason_category = NULL
            WHERE id = $1`,
          [id],
        );

      beforeAll(async () => {
        const z = await createZone(t.inject, { name: `翻页测试区 ${nextId()}` });
        walkZone = z.id;
        const p = await createPark(t.inject, z.id, {
          name: '翻页测试园',
          boundary: ring(114.2, 30.4, 114.4, 30.6),
        });
        walkBuilding = (await createBuilding(t.inject, p.id, { floors: 3 })).id;
        for (let i = 0; i < 14; i++) await addUnit();
      }, 60_000);

      /** The final database order of the walk zone for a sort. */
      const walkOrder = (sort: string): Promise<string[]> => {
        if (sort === 'distance') {
          const d = `round((6371.0088 * 2 * asin(sqrt(power(sin(radians(u.location[1] - 30.5) / 2), 2) + cos(radians(30.5)) * cos(radians(u.location[1])) * power(sin(radians(u.location[0] - 114.3) / 2), 2))))::numeric, 6)`;
          return databaseOrder(`${d} ASC, u.id ASC`, [walkZone]);
        }
        if (sort === 'relevance-q') {
          // Every walk unit has 步行 in its name (4); quality adds 1; ties newest id first.
          return databaseOrder(`(u.unit_class = 'quality') DESC, u.id DESC`, [walkZone]);
        }
        return databaseOrder(ORDER[sort], [walkZone]);
      };

      const walks: [string, Params][] = [
        ...Object.keys(ORDER).map((sort): [string, Params] => [sort, { sort }]),
        ['relevance-q', { sort: 'relevance', q: '步行' }],
        ['distance', { sort: 'distance', nearLat: 30.5, nearLng: 114.3 }],
      ];

      it.each(walks)(
        'sort=%s %j: no repeats, no skips of units still on the market, final order',
        async (sort, params) => {
          const publicNow = async () =>
            (
              (await t.dataSource.query(
                `SELECT u.id FROM units u WHERE ${PUBLIC_SQL} AND u.zone_id = $1`,
                [walkZone],
              )) as { id: string }[]
            ).map((r) => r.id);
          const before = await publicNow();
          const leased: string[] = [];
          const inserted: string[] = [];
          const { ids: seen, pages } = await walk(
            { ...params, zoneId: walkZone },
            3,
            async (page, soFar) => {
              inserted.push(await addUnit());
              // Alternately lease a unit not seen yet and one already seen.
              const candidates = (await publicNow()).filter((id) =>
                page % 2 === 0 ? !soFar.includes(id) : soFar.includes(id),
              );
              if (candidates.length > 0) {
                const id = candidates.sort()[0];
                await lease(id);
                leased.push(id);
              }
            },
          );
          expect(pages.length).toBeGreaterThan(3);
          expect(leased.length).toBeGreaterThan(0);
          const after = new Set(await publicNow());
          // No unit twice.
          expect(seen.length).toBe(new Set(seen).size);
          // Every unit on the market from the first page to the last was visited once.
          for (const id of before) {
            if (after.has(id))
              expect({ id, times: seen.filter((x) => x === id).length }).toEqual({ id, times: 1 });
          }
          // Nothing that was never on the market.
          expect(seen.filter((id) => !before.includes(id) && !inserted.includes(id))).toEqual([]);
          // What was visited and is still there is in the database's final order.
          const order = await walkOrder(sort);
          expect(seen.filter((id) => after.has(id))).toEqual(
            order.filter((id) => seen.includes(id)),
          );
        },
      );
    });
  });

  describe('keywords (Chinese and English)', () => {
    const found = (q: string, params: Params = {}) => searchIds({ q, ...params });
    const units = (...keys: string[]) => keys.map((k) => ids[k]).sort();
    const HX = ['u1', 'u2', 'u3'];
    /** Units of the food park or suited to food processing. */
    const FOOD = () =>
      visible()
        .filter((s) => s.park === 'food' || s.industries.includes('food_processing'))
        .map((s) => s.key);

    it.each([
      ['海峡 finds the units of 海峡两岸(高平)产业园 and of its park-in-park', '海峡', HX],
      ['a single character (峡)', '峡', HX],
      ['two characters inside a longer name (两岸)', '两岸', HX],
      ['the whole park name with its brackets', '海峡两岸(高平)产业园', HX],
      ['the park-in-park name finds only its own units', '青年创业', ['u3']],
      ['a unit name (冷链)', '冷链', ['u6']],
      ['every word must match (海峡 食品)', '海峡 食品', ['u2']],
      ['mixed Chinese and English (海峡 park)', '海峡 park', HX],
      ['an English prefix (cross → Cross-Strait)', 'cross', HX],
      ['English in any case (CROSS-strait)', 'CROSS-strait', HX],
      ['a prefix of the second English word (strai)', 'strai', HX],
      ['full-width letters (ＣＲＯＳＳ)', 'ＣＲＯＳＳ', HX],
      ['full-width space between words (海峡　ｐａｒｋ)', '海峡　ｐａｒｋ', HX],
      ['an English unit name (cold chain)', 'cold chain', ['u6']],
      ['a unit code', 'SR-NM-02', ['u8']],
      ['a zone-2 park word (新材料)', '新材料', ['u7', 'u8']],
      ['a word that appears nowhere', '不存在的词', []],
      ['Chinese characters that never stand next to each other (海峡食品)', '海峡食品', []],
      ['an English word no unit starts (crossing)', 'crossing', []],
    ])('%s', async (_what, q, keys) => {
      expect(await found(q)).toEqual(units(...keys));
    });

    it('食品 finds the food park and the units suited to food processing', async () => {
      const expected = units(...FOOD());
      expect(expected).toEqual(expect.arrayContaining(units('u2', 'u4', 'u5', 'u6', 'u7')));
      expect(await found('食品')).toEqual(expected);
      expect(await found('food')).toEqual(expected);
      expect(await found('食')).toEqual(expected);
    });

    it('产业 (two characters in every park name) finds every unit', async () => {
      expect(await found('产业')).toEqual(idsOf(visible()));
    });

    it('a keyword of punctuation only is no keyword', async () => {
      expect(await found('（）!!')).toEqual(idsOf(visible()));
    });

    it('a keyword combines with filters', async () => {
      expect(await found('海峡', { minArea: 900 })).toEqual(units('u1', 'u3'));
      expect(await found('食品', { zoneId: zone.z2 })).toEqual(units('u7'));
    });

    it('a park rename (PATCH /parks/:id) refreshes its units and its parks-in-park', async () => {
      const patchName = async (name: string) => {
        const [{ version }] = (await t.dataSource.query('SELECT version FROM parks WHERE id = $1', [
          parks.hx.id,
        ])) as { version: number }[];
        const res = await t.inject({
          method: 'PATCH',
          url: `/api/v1/parks/${parks.hx.id}`,
          payload: { name, version },
        });
        expect(res.statusCode).toBe(200);
      };
      await patchName('两岸融合(高平)产业园');
      try {
        expect(await found('融合')).toEqual(units(...HX));
        // 海峡 is still in a unit's own name, no longer in the park's.
        expect(await found('海峡')).toEqual(units('u1'));
        expect(await found('cross')).toEqual(units(...HX)); // the English name is unchanged
      } finally {
        await patchName('海峡两岸(高平)产业园');
      }
      expect(await found('海峡')).toEqual(units(...HX));
      expect(await found('融合')).toEqual([]);
    });
  });

  describe('facets agree with the search', () => {
    interface Facets {
      total: { value: number; exact: boolean };
      zones: { id: string; name: string; count: number }[];
      parks: { id: string; name: string; zoneName: string; count: number }[];
      unitClasses: { value: string; count: number }[];
      areaBands: { band: string; min: number; max: number | null; count: number }[];
    }
    const facets = async (params: Params): Promise<Facets> => {
      const res = await get(`public/units/facets?${query(params)}`);
      expect({ status: res.statusCode, body: res.statusCode === 200 ? '' : res.body }).toEqual({
        status: 200,
        body: '',
      });
      return res.json() as Facets;
    };
    const total = async (params: Params) => {
      const res = await get(`public/units?${query({ ...params, limit: 1 })}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as Page).total.value;
    };
    /** Band [min, max) as search filters: areas have two decimals, so max − 0.01 is the bound. */
    const bandFilter = (band: { min: number; max: number | null }): Params =>
      band.max === null ? { minArea: band.min } : { minArea: band.min, maxArea: band.max - 0.01 };

    const without = (params: Params, ...keys: string[]) =>
      Object.fromEntries(Object.entries(params).filter(([k]) => !keys.includes(k))) as Params;

    const filterSets: [string, () => Params][] = [
      ['own zones', () => ({ zoneId: OWN() })],
      ['zone 1 only', () => ({ zoneId: zone.z1 })],
      [
        'a park and a class',
        () => ({ zoneId: OWN(), parkId: parks.food.id, unitClass: 'quality' }),
      ],
      ['a parent park', () => ({ zoneId: OWN(), parkId: parks.hx.id })],
      [
        'an area range and a utility',
        () => ({ zoneId: OWN(), minArea: 500, maxArea: 5000, utility: 'gas' }),
      ],
      ['a keyword', () => ({ zoneId: OWN(), q: '食品' })],
    ];

    it.each(filterSets)(
      '%s: each count is the total of the search with that value',
      async (_n, make) => {
        const params = make();
        const f = await facets(params);
        expect(f.total.value).toBe(await total(params));

        for (const z of f.zones) {
          expect({
            zone: z.name,
            total: await total({ ...without(params, 'zoneId'), zoneId: z.id }),
          }).toEqual({
            zone: z.name,
            total: z.count,
          });
        }
        for (const p of f.parks) {
          expect({
            park: p.name,
            total: await total({ ...without(params, 'parkId'), parkId: p.id }),
          }).toEqual({
            park: p.name,
            total: p.count,
          });
        }
        for (const c of f.unitClasses) {
          expect({
            cls: c.value,
            total: await total({ ...without(params, 'unitClass'), unitClass: c.value }),
          }).toEqual({
            cls: c.value,
            total: c.count,
          });
        }
        for (const b of f.areaBands) {
          expect({
            band: b.band,
            total: await total({ ...without(params, 'minArea', 'maxArea'), ...bandFilter(b) }),
          }).toEqual({ band: b.band, total: b.count });
        }
      },
    );

    it('is disjunctive: a facet ignores its own filter but not the others', async () => {
      const f = await facets({ zoneId: zone.z1, unitClass: 'general', minArea: 1000 });
      // Zones ignore zoneId: zone 2 is listed with its general unit of ≥ 1000 m² although only
      // zone 1 is asked for; zone 1 has none, so it is not listed.
      expect(f.zones.find((z) => z.id === zone.z2)?.count).toBe(1);
      expect(f.zones.map((z) => z.id)).not.toContain(zone.z1);
      // Classes ignore unitClass (all classes of zone 1 with ≥ 1000 m²) …
      const z1Big = visible().filter((s) => parkZone[s.park] === 'z1' && s.grossArea >= 1000);
      const byClass = (cls: string) => z1Big.filter((s) => s.unitClass === cls).length;
      expect(Object.fromEntries(f.unitClasses.map((c) => [c.value, c.count]))).toEqual(
        Object.fromEntries(
          ['quality', 'general', 'difficult']
            .filter((c) => byClass(c) > 0)
            .map((c) => [c, byClass(c)]),
        ),
      );
      // … and area bands ignore the area range (the general unit of 800 m² is counted).
      expect(f.areaBands.find((b) => b.band === '500_1000')!.count).toBe(1);
      expect(f.total.value).toBe(0);
    });

    it('lists parks by their own name with their zone', async () => {
      const f = await facets({ zoneId: OWN() });
      const hx = f.parks.find((p) => p.id === parks.hx.id)!;
      expect(hx).toMatchObject({ name: '海峡两岸(高平)产业园', zoneName: zoneName.z1 });
      expect(f.areaBands.map((b) => b.band)).toEqual([
        'lt500',
        '500_1000',
        '1000_2000',
        '2000_5000',
        '5000_10000',
        'gte10000',
      ]);
    });
  });

  describe('public responses carry no staff-only field', () => {
    const assertPublic = (what: string, object: Json) => {
      for (const field of STAFF_ONLY_UNIT_FIELDS) {
        expect({ what, field, present: field in object }).toEqual({ what, field, present: false });
      }
    };

    it('search cards: exactly the card fields', async () => {
      const page = await search({ nearLat: 35.8, nearLng: 112.92 });
      expect(page.items.length).toBe(visible().length);
      for (const item of page.items) {
        expect(Object.keys(item).sort()).toEqual(CARD_KEYS);
        assertPublic(`card ${item.code as string}`, item);
      }
    });

    it('the unit page and its similar units', async () => {
      const res = await get(`public/units/${ids.u1}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Json & { similar: Json[] };
      assertPublic('unit page', body);
      for (const card of body.similar) {
        expect(Object.keys(card).sort()).toEqual(CARD_KEYS);
        assertPublic('similar', card);
      }
    });
  });

  describe('the unit page', () => {
    it('has the park, the zone, and similar units on the market in the same zone', async () => {
      const res = await get(`public/units/${ids.u1}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as Json & {
        park: Json;
        similar: Card[];
        photos: unknown[];
      };
      expect(body).toMatchObject({
        id: ids.u1,
        code: 'SR-HX-01',
        zoneId: zone.z1,
        zoneName: zoneName.z1,
        platformCompany: expect.any(String),
        park: {
          id: parks.hx.id,
          name: '海峡两岸(高平)产业园',
          nameEn: 'Cross-Strait (Gaoping) Industrial Park',
        },
        photos: [],
      });
      expect(Date.parse(body.publishedAt as string)).not.toBeNaN();
      const z1Others = visible()
        .filter((s) => parkZone[s.park] === 'z1' && s.key !== 'u1')
        .map((s) => ids[s.key]);
      expect(body.similar.length).toBe(Math.min(4, z1Others.length));
      for (const card of body.similar) {
        expect(z1Others).toContain(card.id);
        expect(card.zoneId).toBe(zone.z1);
      }
      // Same class first (u1 is quality).
      expect(specOf.get(body.similar[0].id)!.unitClass).toBe('quality');
    });

    it('answers for a reserved unit', async () => {
      expect((await get(`public/units/${ids.u3}`)).statusCode).toBe(200);
    });

    it.each(['leased', 'unlisted', 'unavailable', 'deleted'])(
      'a %s unit → 404 UNIT_NOT_FOUND, in the asked language',
      async (key) => {
        const zh = await get(`public/units/${ids[key]}`, 'zh-CN');
        expect({ status: zh.statusCode, code: zh.json().code }).toEqual({
          status: 404,
          code: 'UNIT_NOT_FOUND',
        });
        expect(zh.json().message).toMatch(/[\u4e00-\u9fff]/);
        const en = await get(`public/units/${ids[key]}`, 'en');
        expect(en.json().message).not.toMatch(/[\u4e00-\u9fff]/);
      },
    );

    it('a unit leased later drops out of the similar units', async () => {
      const before = (await get(`public/units/${ids.u4}`)).json() as { similar: Card[] };
      const victim = before.similar[0].id;
      await t.dataSource.query(
        `UPDATE units SET occupancy_status = 'leased', vacant_since = NULL WHERE id = $1`,
        [victim],
      );
      try {
        const after = (await get(`public/units/${ids.u4}`)).json() as { similar: Card[] };
        expect(after.similar.map((c) => c.id)).not.toContain(victim);
        expect((await get(`public/units/${victim}`)).statusCode).toBe(404);
      } finally {
        await t.dataSource.query(
          `UPDATE units SET occupancy_status = $2, vacant_since = $3 WHERE id = $1`,
          [victim, specOf.get(victim)!.occupancyStatus, specOf.get(victim)!.vacantSince],
        );
      }
    });
  });

  describe('the map', () => {
    let mapZone: string;
    let worldZone: string;
    /** 210 units on a 15 × 14 grid near Hangzhou (inserted with SQL; the trigger fills tokens). */
    const GRID = {
      columns: 15,
      rows: 14,
      lng0: 120.0011,
      lat0: 30.0007,
      dLng: 0.0173,
      dLat: 0.0119,
    };
    const GRID_VIEW = '119.99,29.99,120.26,30.18';

    const insertUnits = async (label: string, n: number, location: string): Promise<string> => {
      const z = await createZone(t.inject, { name: `${label} ${nextId()}` });
      const p = await createPark(t.inject, z.id, {
        name: `${label}园区`,
        boundary: ring(-1, -1, -0.5, -0.5),
      });
      const b = await createBuilding(t.inject, p.id, { floors: 3 });
      await t.dataSource.query(
        `INSERT INTO units (zone_id, park_id, building_id, building_floors, code, name, location,
                            gross_area, floor_from, floor_to, structure_type, floor_height_m,
                            floor_load_kn_m2, fire_safety_status, environmental_status,
                            acceptance_status, unit_class, class_reason, occupancy_status,
                            vacant_since, list_rent_fen)
         SELECT $1, $2, $3, 3, 'M-' || i, $4 || i, ${location}, 100 + i, 1, 1, 'steel', 6, 10,
                'passed', 'approved', 'accepted',
                CASE WHEN i % 3 = 0 THEN 'general' ELSE 'quality' END,
                CASE WHEN i % 3 = 0 THEN '配套不足' END,
                'vacant', DATE '2024-01-01', 1000
           FROM generate_series(0, $5::int - 1) AS i`,
        [z.id, p.id, b.id, `${label} `, n],
      );
      return z.id;
    };

    /** The public units inside a box (from the database). */
    const unitsIn = async (bbox: string, where = 'true') => {
      const [w, s, e, n] = bbox.split(',').map(Number);
      return (await t.dataSource.query(
        `SELECT u.id, u.location[0] AS lng, u.location[1] AS lat, u.unit_class AS "unitClass"
           FROM units u
          WHERE ${PUBLIC_SQL} AND u.location <@ box(point($1, $2), point($3, $4)) AND ${where}`,
        [w, s, e, n],
      )) as { id: string; lng: number; lat: number; unitClass: string }[];
    };

    const map = async (params: Params): Promise<MapAnswer> => {
      const res = await get(`public/units/map?${query(params)}`);
      expect({
        params,
        status: res.statusCode,
        body: res.statusCode === 200 ? '' : res.body,
      }).toEqual({
        params,
        status: 200,
        body: '',
      });
      return res.json() as MapAnswer;
    };

    /** Clusters: counts sum to the units in view, each cluster's bounds hold exactly its units. */
    const expectConsistentClusters = (
      answer: MapAnswer,
      inView: { id: string; lng: number; lat: number }[],
    ) => {
      expect(answer.clustered).toBe(true);
      expect(answer.features.length).toBeLessThanOrEqual(500);
      expect(answer.features.reduce((sum, f) => sum + f.count, 0)).toBe(inView.length);
      expect(answer.total).toEqual({ value: inView.length, exact: true });
      for (const f of answer.features) {
        expect(f.count).toBeGreaterThanOrEqual(1);
        if (f.kind === 'unit') {
          expect(f.count).toBe(1);
          const unit = inView.find((u) => u.id === f.unitId);
          expect(unit).toBeDefined();
          expect(f.latitude).toBeCloseTo(unit!.lat, 9);
          expect(f.longitude).toBeCloseTo(unit!.lng, 9);
          continue;
        }
        const [w, s, e, n] = f.bounds!;
        expect(w).toBeLessThanOrEqual(e);
        expect(s).toBeLessThanOrEqual(n);
        expect(f.longitude).toBeGreaterThanOrEqual(w - 1e-9);
        expect(f.longitude).toBeLessThanOrEqual(e + 1e-9);
        expect(f.latitude).toBeGreaterThanOrEqual(s - 1e-9);
        expect(f.latitude).toBeLessThanOrEqual(n + 1e-9);
        const inside = inView.filter((u) => u.lng >= w && u.lng <= e && u.lat >= s && u.lat <= n);
        expect({ bounds: f.bounds, inside: inside.length }).toEqual({
          bounds: f.bounds,
          inside: f.count,
        });
      }
    };

    beforeAll(async () => {
      mapZone = await insertUnits(
        '地图测试区',
        GRID.columns * GRID.rows,
        `point(${GRID.lng0} + (i % ${GRID.columns}) * ${GRID.dLng}, ${GRID.lat0} + (i / ${GRID.columns}) * ${GRID.dLat})`,
      );
      // 600 units spread over the world and 600 packed into a 0.01° square.
      worldZone = await insertUnits(
        '全球测试区',
        1200,
        `CASE WHEN i < 600 THEN point(-175.6337 + (i % 30) * 12, -79.4663 + (i / 30) * 8.4)
              ELSE point(20.0003 + ((i - 600) % 25) * 0.0004, 10.0003 + ((i - 600) / 25) * 0.0004) END`,
      );
    }, 60_000);

    it('draws points in a small viewport: exactly its units', async () => {
      const bbox = '112.9,35.79,112.93,35.81';
      const answer = await map({ bbox, zoom: 15 });
      const expected = visible()
        .filter((s) => s.lng >= 112.9 && s.lng <= 112.93 && s.lat >= 35.79 && s.lat <= 35.81)
        .map((s) => ids[s.key])
        .sort();
      expect(answer.clustered).toBe(false);
      expect(answer.features.map((f) => f.unitId).sort()).toEqual(expected);
      expect(answer.total).toEqual({ value: expected.length, exact: true });
      for (const f of answer.features) {
        expect(f).toMatchObject({ kind: 'unit', count: 1, bounds: null });
        const s = specOf.get(f.unitId!)!;
        expect(f).toMatchObject({ name: s.name, latitude: s.lat, longitude: s.lng });
      }
    });

    it('applies the search filters to the map', async () => {
      const answer = await map({
        bbox: '112.7,35.6,113.6,36.6',
        zoom: 9,
        utility: 'gas',
        crane: true,
      });
      const expected = visible()
        .filter((s) => s.utilities.includes('gas') && s.craneCapacityT !== null)
        .map((s) => ids[s.key])
        .sort();
      expect(answer.features.map((f) => f.unitId).sort()).toEqual(expected);
    });

    it('clusters when more than 200 units are in view; counts and bounds add up', async () => {
      const inView = await unitsIn(GRID_VIEW);
      expect(inView.length).toBe(210);
      for (const zoom of [9, 11, 12]) {
        const answer = await map({ bbox: GRID_VIEW, zoom });
        expectConsistentClusters(answer, inView);
        expect(answer.features.length).toBeLessThan(120);
      }
      // From zoom 13 on, up to 500 units are drawn as points.
      const close = await map({ bbox: GRID_VIEW, zoom: 13 });
      expect(close.clustered).toBe(false);
      expect(close.features.map((f) => f.unitId).sort()).toEqual(inView.map((u) => u.id).sort());
    });

    it(`draws points again when a filter leaves ${POINTS_BELOW} or fewer in view`, async () => {
      const answer = await map({ bbox: GRID_VIEW, zoom: 11, unitClass: 'general', maxArea: 210 });
      const expected = (
        await unitsIn(GRID_VIEW, `u.unit_class = 'general' AND u.gross_area <= 210`)
      )
        .map((u) => u.id)
        .sort();
      expect(expected.length).toBe(37);
      expect(expected.length).toBeLessThanOrEqual(POINTS_BELOW);
      expect(answer.clustered).toBe(false);
      expect(answer.features.map((f) => f.unitId).sort()).toEqual(expected);
    });

    it('zoomed far in, draws up to 500 units as points; above that it clusters', async () => {
      const packed = '20,10,20.011,10.011';
      const inPacked = await unitsIn(packed);
      expect(inPacked.length).toBe(600);
      expectConsistentClusters(await map({ bbox: packed, zoom: 18 }), inPacked);
      const part = '20,10,20.011,10.0068'; // 17 rows of 25 = 425 units
      const inPart = await unitsIn(part);
      expect(inPart.length).toBeGreaterThan(200);
      expect(inPart.length).toBeLessThanOrEqual(500);
      const answer = await map({ bbox: part, zoom: 18 });
      expect(answer.clustered).toBe(false);
      expect(answer.features.map((f) => f.unitId).sort()).toEqual(inPart.map((u) => u.id).sort());
      // Below zoom 13 the same view clusters.
      expect((await map({ bbox: part, zoom: 12 })).clustered).toBe(true);
    });

    it.each([0, 2, 5, 13, 22])(
      'the whole world at zoom %d: at most 500 features, every unit on the market counted',
      async (zoom) => {
        const world = '-180,-90,180,90';
        const all = await unitsIn(world);
        expect(all.length).toBeGreaterThan(1400);
        expectConsistentClusters(await map({ bbox: world, zoom }), all);
      },
    );

    it('never lists a unit that is not on the market', async () => {
      const answer = await map({ bbox: '112.7,35.6,113.6,36.6', zoom: 14 });
      const shown = answer.features.map((f) => f.unitId);
      for (const id of HIDDEN()) expect(shown).not.toContain(id);
      void mapZone;
      void worldZone;
    });
  });

  describe('park boundaries (GeoJSON)', () => {
    interface Collection {
      type: string;
      truncated: boolean;
      features: {
        type: string;
        id: string;
        geometry: { type: string; coordinates: number[][][] };
        properties: {
          id: string;
          name: string;
          nameEn: string | null;
          kind: string;
          zoneId: string;
        };
      }[];
    }
    const boundaries = async (params: Params): Promise<Collection> => {
      const res = await get(`public/parks/boundaries?${query(params)}`);
      expect(res.statusCode).toBe(200);
      return res.json() as Collection;
    };

    it('answers closed rings of [lng, lat] for every park with an outline', async () => {
      const all = await boundaries({});
      expect(all).toMatchObject({ type: 'FeatureCollection', truncated: false });
      const own = all.features.filter((f) => Object.values(parks).some((p) => p.id === f.id));
      expect(own).toHaveLength(4);
      for (const f of all.features) {
        expect(f.type).toBe('Feature');
        expect(f.geometry.type).toBe('Polygon');
        const [outer] = f.geometry.coordinates;
        expect(outer.length).toBeGreaterThanOrEqual(4);
        expect(outer[0]).toEqual(outer[outer.length - 1]);
        for (const [lng, lat] of outer) {
          expect(Math.abs(lng)).toBeLessThanOrEqual(180);
          expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        }
      }
      const hx = all.features.find((f) => f.id === parks.hx.id)!;
      expect(hx.properties).toMatchObject({
        name: '海峡两岸(高平)产业园',
        nameEn: 'Cross-Strait (Gaoping) Industrial Park',
        kind: 'park',
        zoneId: zone.z1,
      });
      expect(hx.geometry.coordinates[0]).toEqual(ring(112.9, 35.79, 112.94, 35.81).coordinates[0]);
      expect(all.features.find((f) => f.id === parks.hxIn.id)!.properties.kind).toBe(
        'park_in_park',
      );
    });

    it('filters by box and by zone', async () => {
      const inBox = await boundaries({ bbox: '113.4,36.4,113.6,36.6' });
      expect(inBox.features.map((f) => f.id)).toEqual([parks.z2.id]);
      const z1 = await boundaries({ zoneId: zone.z1 });
      expect(z1.features.map((f) => f.id).sort()).toEqual(
        [parks.hx.id, parks.hxIn.id, parks.food.id].sort(),
      );
      const both = await boundaries({ zoneId: zone.z1, bbox: '112.91,35.795,112.915,35.8' });
      expect(both.features.map((f) => f.id)).toEqual([parks.hx.id]);
      expect((await boundaries({ bbox: '0.5,0.5,0.6,0.6' })).features).toEqual([]);
    });
  });

  describe('bad input: 400 with a code and a message in the request language, never 500', () => {
    const CJK = /[\u4e00-\u9fff]/;
    /** What, URL, code, and the [field, issue] of a VALIDATION_FAILED (null: none). */
    type Bad = [string, string, string, [string, string] | null];
    const cases: Bad[] = [
      [
        'an unknown sort',
        'public/units?sort=cheapest',
        'VALIDATION_FAILED',
        ['sort', 'invalid_choice'],
      ],
      [
        'SQL as a sort',
        `public/units?sort=${encodeURIComponent('code;DROP TABLE units')}`,
        'VALIDATION_FAILED',
        ['sort', 'invalid_choice'],
      ],
      ['an inverted area range', 'public/units?minArea=2000&maxArea=1000', 'INVALID_RANGE', null],
      [
        'an inverted area range (facets)',
        'public/units/facets?minArea=2000&maxArea=1000',
        'INVALID_RANGE',
        null,
      ],
      [
        'an inverted area range (map)',
        'public/units/map?bbox=112,35,113,36&zoom=8&minArea=2&maxArea=1',
        'INVALID_RANGE',
        null,
      ],
      [
        'nearLat 91',
        'public/units?nearLat=91&nearLng=112',
        'VALIDATION_FAILED',
        ['nearLat', 'out_of_range'],
      ],
      [
        'nearLng -181',
        'public/units?nearLat=35&nearLng=-181',
        'VALIDATION_FAILED',
        ['nearLng', 'out_of_range'],
      ],
      [
        'withinKm 0',
        'public/units?nearLat=35&nearLng=112&withinKm=0',
        'VALIDATION_FAILED',
        ['withinKm', 'out_of_range'],
      ],
      [
        'withinKm 5000',
        'public/units?nearLat=35&nearLng=112&withinKm=5000',
        'VALIDATION_FAILED',
        ['withinKm', 'out_of_range'],
      ],
      ['a bbox with longitude 200', 'public/units?bbox=100,30,200,40', 'INVALID_BBOX', null],
      ['a bbox with latitude 95', 'public/units?bbox=100,30,110,95', 'INVALID_BBOX', null],
      ['a bbox across the antimeridian', 'public/units?bbox=170,30,-170,40', 'INVALID_BBOX', null],
      ['an empty bbox', 'public/units?bbox=100,30,110,30', 'INVALID_BBOX', null],
      [
        'a bbox of three numbers',
        'public/units?bbox=100,30,110',
        'VALIDATION_FAILED',
        ['bbox', 'invalid_format'],
      ],
      [
        'a bbox of words',
        'public/units?bbox=west,south,east,north',
        'VALIDATION_FAILED',
        ['bbox', 'invalid_format'],
      ],
      ['limit=1000', 'public/units?limit=1000', 'VALIDATION_FAILED', ['limit', 'out_of_range']],
      ['limit=51', 'public/units?limit=51', 'VALIDATION_FAILED', ['limit', 'out_of_range']],
      ['limit=0', 'public/units?limit=0', 'VALIDATION_FAILED', ['limit', 'out_of_range']],
      ['limit=abc', 'public/units?limit=abc', 'VALIDATION_FAILED', ['limit', 'not_integer']],
      ['distance sort without a point', 'public/units?sort=distance', 'NEAR_POINT_REQUIRED', null],
      ['withinKm without a point', 'public/units?withinKm=5', 'NEAR_POINT_REQUIRED', null],
      ['half a point', 'public/units?nearLat=35.8', 'NEAR_POINT_REQUIRED', null],
      [
        'a tampered cursor',
        'public/units?cursor=eyJzIjoibmV3ZXN0IiwiayI6WyInIE9SIDE9MSIsIngiXX0',
        'INVALID_CURSOR',
        null,
      ],
      ['a garbage cursor', 'public/units?cursor=!!!', 'INVALID_CURSOR', null],
      [
        'a non-uuid zoneId',
        'public/units?zoneId=nope',
        'VALIDATION_FAILED',
        ['zoneId', 'invalid_uuid'],
      ],
      [
        'a non-uuid parkId',
        'public/units?parkId=1',
        'VALIDATION_FAILED',
        ['parkId', 'invalid_uuid'],
      ],
      [
        'an unknown query parameter',
        'public/units?colour=red',
        'VALIDATION_FAILED',
        ['colour', 'unknown_field'],
      ],
      [
        'an unknown query parameter (facets)',
        'public/units/facets?sort=newest',
        'VALIDATION_FAILED',
        ['sort', 'unknown_field'],
      ],
      [
        'an unknown query parameter (map)',
        'public/units/map?bbox=112,35,113,36&zoom=8&limit=5',
        'VALIDATION_FAILED',
        ['limit', 'unknown_field'],
      ],
      [
        'an unknown utility',
        'public/units?utility=steam',
        'VALIDATION_FAILED',
        ['utility', 'invalid_choice'],
      ],
      [
        'an unknown class',
        'public/units?unitClass=best',
        'VALIDATION_FAILED',
        ['unitClass', 'invalid_choice'],
      ],
      [
        'an unknown industry',
        'public/units?industry=mining',
        'VALIDATION_FAILED',
        ['industry', 'invalid_choice'],
      ],
      [
        'a negative area',
        'public/units?minArea=-1',
        'VALIDATION_FAILED',
        ['minArea', 'out_of_range'],
      ],
      [
        'an area that is no number',
        'public/units?maxArea=big',
        'VALIDATION_FAILED',
        ['maxArea', 'not_a_number'],
      ],
      [
        'a fractional power',
        'public/units?minPower=1.5',
        'VALIDATION_FAILED',
        ['minPower', 'not_integer'],
      ],
      [
        'a boolean that is not one',
        'public/units?groundFloor=maybe',
        'VALIDATION_FAILED',
        ['groundFloor', 'not_boolean'],
      ],
      [
        'a keyword of 101 characters',
        `public/units?q=${'a'.repeat(101)}`,
        'VALIDATION_FAILED',
        ['q', 'too_long'],
      ],
      ['a keyword given twice', 'public/units?q=a&q=b', 'VALIDATION_FAILED', ['q', 'not_a_string']],
      [
        'a sort given twice',
        'public/units?sort=newest&sort=rent_asc',
        'VALIDATION_FAILED',
        ['sort', 'invalid_choice'],
      ],
      [
        'an area given twice',
        'public/units?minArea=1&minArea=2',
        'VALIDATION_FAILED',
        ['minArea', 'not_a_number'],
      ],
      [
        'the map without a bbox',
        'public/units/map?zoom=5',
        'VALIDATION_FAILED',
        ['bbox', 'required'],
      ],
      [
        'the map without a zoom',
        'public/units/map?bbox=112,35,113,36',
        'VALIDATION_FAILED',
        ['zoom', 'required'],
      ],
      [
        'the map at zoom 23',
        'public/units/map?bbox=112,35,113,36&zoom=23',
        'VALIDATION_FAILED',
        ['zoom', 'out_of_range'],
      ],
      [
        'the map with longitude 200',
        'public/units/map?bbox=100,30,200,40&zoom=5',
        'INVALID_BBOX',
        null,
      ],
      [
        'the map across the antimeridian',
        'public/units/map?bbox=170,30,-170,40&zoom=5',
        'INVALID_BBOX',
        null,
      ],
      [
        'park outlines across the antimeridian',
        'public/parks/boundaries?bbox=170,30,-170,40',
        'INVALID_BBOX',
        null,
      ],
      [
        'park outlines of a non-uuid zone',
        'public/parks/boundaries?zoneId=x',
        'VALIDATION_FAILED',
        ['zoneId', 'invalid_uuid'],
      ],
      ['a malformed unit id', 'public/units/not-a-uuid', 'INVALID_ID', null],
    ];

    it.each(cases)('%s → 400', async (_what, url, code, issue) => {
      for (const lang of ['zh-CN', 'en']) {
        const res = await get(url, lang);
        const body = res.json() as {
          code: string;
          message: string;
          details?: { field: string; code: string }[];
        };
        expect({ url, lang, status: res.statusCode, code: body.code }).toEqual({
          url,
          lang,
          status: 400,
          code,
        });
        expect({ lang, localized: CJK.test(body.message) }).toEqual({
          lang,
          localized: lang === 'zh-CN',
        });
        if (issue) expect((body.details ?? []).map((d) => [d.field, d.code])).toContainEqual(issue);
      }
    });

    it.each([
      ['the world bbox', 'public/units?bbox=-180,-90,180,90'],
      ['the world bbox on the map', 'public/units/map?bbox=-180,-90,180,90&zoom=0'],
      ['the world bbox for park outlines', 'public/parks/boundaries?bbox=-180,-90,180,90'],
      ['limit=50', 'public/units?limit=50'],
      ['a keyword of 100 characters', `public/units?q=${'海'.repeat(100)}`],
      ['withinKm 1000 with a point', 'public/units?nearLat=35&nearLng=112&withinKm=1000'],
      ['booleans as 0 and 1', 'public/units?groundFloor=1&crane=0&moveInReady=0'],
    ])('%s is allowed', async (_what, url) => {
      expect((await get(url)).statusCode).toBe(200);
    });
  });
});
