/**
 * The demo dataset as plain data: a pure function of the specs in specs.ts and a fixed PRNG seed,
 * so every run builds the same zones, parks, buildings and units (with the same ids), and the
 * totals can be checked without a database. Insertion lives in insert.ts.
 */
import type {
  AcceptanceStatus,
  EnvironmentalStatus,
  FireSafetyStatus,
  IdleReasonCategory,
  Industry,
  LngLat,
  OccupancyStatus,
  ParkKind,
  StructureType,
  UnitClass,
  UnitDossierFields,
} from '@factoryspace/domain';
import { INDUSTRY_LABELS, STRUCTURE_TYPE_LABELS } from '@factoryspace/domain';
import { SEED_PRNG_SEED, SEED_REFERENCE_DATE } from './constants';
import { Rng, uuidFromKey } from './prng';
import type { AreaPlan, ParkSpec, PlannedOccupancy, SignedProject, ZoneSpec } from './specs';
import { AREA_PLANS, PARKS, SIGNED_PROJECTS, ZONES } from './specs';

export interface DemoZone {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  platformCompany: string;
  platformCompanyEn: string;
  province: string;
  city: string;
  /** [longitude, latitude]. */
  center: LngLat;
}

export interface DemoPark {
  id: string;
  zoneId: string;
  parentParkId: string | null;
  code: string;
  name: string;
  nameEn: string;
  kind: ParkKind;
  description: string;
  /** Open ring of [longitude, latitude]. */
  boundary: LngLat[];
}

export interface DemoBuilding {
  id: string;
  zoneId: string;
  parkId: string;
  code: string;
  name: string;
  floors: number;
  address: string;
  /** [longitude, latitude]. */
  location: LngLat;
}

export interface DemoUnit extends UnitDossierFields {
  id: string;
  zoneId: string;
  parkId: string;
  buildingId: string;
  buildingFloors: number;
}

export interface DemoDataset {
  referenceDate: string;
  zones: DemoZone[];
  parks: DemoPark[];
  buildings: DemoBuilding[];
  units: DemoUnit[];
}

/** Area is handled in hundredths of m² (integers) so that sums are exact. */
type Cents = number;

/** A building's state, deciding the class of its units. */
type Condition = 'good' | 'utilities' | 'compliance' | 'legal' | 'construction';

interface UnitDraft {
  floorFrom: number;
  floorTo: number;
  occupancy: PlannedOccupancy;
}

interface BuildingDraft {
  zone: ZoneSpec;
  park: ParkSpec;
  acceptance: AcceptanceStatus;
  condition: Condition;
  floors: number;
  floorArea: Cents;
  units: UnitDraft[];
  signed: SignedProject | null;
}

/** Smallest area left over for the closing single-storey building of a group. */
const MIN_CLOSING: Cents = 1_500_00;
/** Largest single unit. */
const MAX_UNIT: Cents = 20_000_00;
const M_PER_DEG_LAT = 111_320;

/** Standard transformer sizes, kVA. */
const TRANSFORMERS = [100, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000];
const CRANES_T = [5, 10, 16, 20, 32];

const TEXT = {
  noTenant: [
    '厂房建成后持续招商,暂未匹配到合适企业',
    '单体面积较大,中小企业承租意愿不足,正探索分割出租',
    '已有多家企业实地考察,尚未签约',
  ],
  movedOut: [
    '原租户扩产迁入自建厂房后退租',
    '原租户经营调整,租约到期未续租',
    '原租户产线整合至外地基地后退租',
  ],
  acceptancePending: [
    '主体及配套已完工,消防验收已通过,竣工验收备案手续办理中',
    '规划核实及竣工资料补充中,待完成竣工验收后交付使用',
  ],
  planMismatch: [
    '原按仓储用房设计,层高与承重不满足主导产业生产需要',
    '原项目转向,厂房布局与园区产业规划不符,需改造后招商',
  ],
  fire: '消防设施不完善,需增设自动喷淋、调整防火分区后重新验收',
  environment: '原用途环评批复已失效,需重新办理环评并完成污水预处理设施整改',
  legal: [
    '原使用企业破产重整,厂房处于司法查封状态',
    '土地与厂房权属分离,历史遗留产权手续不全',
    '原承租企业拖欠租金涉诉,遗留设备尚未清场',
    '原投资主体股权纠纷未决,资产处置方案待法院裁定',
  ],
  legalPlan: [
    '平台公司正研究资产重组方案,依法依规推进收储',
    '拟通过司法处置方式化解,处置完成后由平台公司收储盘活',
    '拟以股权投资方式引入新的投资主体,推进盘活利用',
  ],
} as const;

function toM2(cents: Cents): number {
  return cents / 100;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** `iso` minus `days` days, as YYYY-MM-DD (pure calendar arithmetic, no clock). */
export function isoDaysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * 86_400_000).toISOString().slice(0, 10);
}

function formatArea(cents: Cents): string {
  return toM2(cents).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function transformerFor(kva: number): number {
  return TRANSFORMERS.find((size) => size >= kva) ?? TRANSFORMERS[TRANSFORMERS.length - 1]!;
}

/**
 * Target shares of vacant area by building condition (so by class), per acceptance status: most
 * vacant space is quality; not-accepted space has more general and difficult buildings.
 */
const CONDITION_SHARES: Record<
  'accepted' | 'not_accepted',
  ReadonlyArray<readonly [Condition, number]>
> = {
  accepted: [
    ['good', 0.72],
    ['utilities', 0.1],
    ['compliance', 0.1],
    ['legal', 0.08],
  ],
  not_accepted: [
    ['good', 0.5],
    ['utilities', 0.18],
    ['compliance', 0.17],
    ['legal', 0.15],
  ],
};

/**
 * Chooses the condition of buildings that could be entirely vacant, keeping each zone's vacant
 * area per condition close to CONDITION_SHARES (the condition furthest below its share wins).
 */
class ConditionPicker {
  private readonly tallies = new Map<string, Map<Condition, Cents>>();

  pick(zoneCode: string, acceptance: 'accepted' | 'not_accepted', area: Cents): Condition {
    const tally = this.tally(zoneCode, acceptance);
    const total = [...tally.values()].reduce((sum, value) => sum + value, 0) + area;
    let best: Condition = 'good';
    let bestDeficit = -Infinity;
    for (const [condition, share] of CONDITION_SHARES[acceptance]) {
      const deficit = share * total - (tally.get(condition) ?? 0);
      if (deficit > bestDeficit) {
        best = condition;
        bestDeficit = deficit;
      }
    }
    return best;
  }

  record(
    zoneCode: string,
    acceptance: AcceptanceStatus,
    condition: Condition,
    vacantArea: Cents,
  ): void {
    if (acceptance === 'under_construction') return;
    const tally = this.tally(zoneCode, acceptance);
    tally.set(condition, (tally.get(condition) ?? 0) + vacantArea);
  }

  private tally(zoneCode: string, acceptance: string): Map<Condition, Cents> {
    const key = `${zoneCode}:${acceptance}`;
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = new Map();
      this.tallies.set(key, tally);
    }
    return tally;
  }
}

/** A random layout: floors, floor area and how the floors are split into units. */
function randomLayout(
  rng: Rng,
  park: ParkSpec,
): { floors: number; floorArea: Cents; ranges: Array<[number, number]> } {
  const singleStorey = rng.chance(park.code === 'SP' ? 0.6 : 0.45);
  if (singleStorey) {
    return { floors: 1, floorArea: rng.int(2_500_00, 12_000_00), ranges: [[1, 1]] };
  }
  const floors = rng.weighted([
    ['2', 0.15],
    ['3', 0.35],
    ['4', 0.3],
    ['5', 0.2],
  ] as const);
  const n = Number(floors);
  const floorArea = rng.int(1_000_00, 3_000_00);
  const split = rng.weighted([
    ['whole', 0.25],
    ['floors', 0.5],
    ['mixed', 0.25],
  ] as const);
  if (split === 'whole' && floorArea * n <= MAX_UNIT)
    return { floors: n, floorArea, ranges: [[1, n]] };
  if (split === 'mixed' && n >= 3) {
    const ranges: Array<[number, number]> = [[1, 1]];
    for (let floor = 2; floor <= n; floor += 2) ranges.push([floor, Math.min(n, floor + 1)]);
    return { floors: n, floorArea, ranges };
  }
  return {
    floors: n,
    floorArea,
    ranges: Array.from({ length: n }, (_, i): [number, number] => [i + 1, i + 1]),
  };
}

/**
 * Buildings for one park and acceptance status whose units add up exactly to the plan's areas:
 * random buildings while they fit, then single-storey buildings that close each occupancy group
 * (each at least MIN_CLOSING and at most MAX_UNIT).
 */
function draftBuildings(
  rng: Rng,
  picker: ConditionPicker,
  zone: ZoneSpec,
  park: ParkSpec,
  plan: AreaPlan,
  signed: SignedProject[],
): BuildingDraft[] {
  const drafts: BuildingDraft[] = [];
  const remaining: Record<PlannedOccupancy, Cents> = {
    vacant: 0,
    reserved: 0,
    leased: 0,
    unavailable: 0,
  };
  for (const [occupancy, area] of Object.entries(plan.area) as Array<[PlannedOccupancy, number]>) {
    remaining[occupancy] = Math.round(area * 100);
  }
  const base = { zone, park, acceptance: plan.acceptance };

  for (const project of signed) {
    const area = Math.round(project.areaM2 * 100);
    remaining.leased -= area;
    drafts.push({
      ...base,
      condition: 'good',
      floors: 1,
      floorArea: area,
      units: [{ floorFrom: 1, floorTo: 1, occupancy: 'leased' }],
      signed: project,
    });
  }
  for (const value of Object.values(remaining)) {
    if (value !== 0 && value < MIN_CLOSING)
      throw new Error(
        `area plan ${park.code}/${plan.acceptance} too small for its signed projects`,
      );
  }

  const acceptance = plan.acceptance;
  const underConstruction = acceptance === 'under_construction';
  const vacantArea = (units: UnitDraft[], floorArea: Cents) =>
    units.reduce(
      (sum, u) => sum + (u.occupancy === 'vacant' ? floorArea * (u.floorTo - u.floorFrom + 1) : 0),
      0,
    );
  let failures = 0;
  while (failures < 4) {
    const layout = randomLayout(rng, park);
    const total =
      layout.floorArea * layout.ranges.reduce((sum, [from, to]) => sum + to - from + 1, 0);
    let condition: Condition = underConstruction ? 'construction' : 'good';
    if (acceptance !== 'under_construction' && remaining.vacant - total >= MIN_CLOSING) {
      condition = picker.pick(zone.code, acceptance, total);
    }
    const trial = { ...remaining };
    const units: UnitDraft[] = [];
    for (const [floorFrom, floorTo] of layout.ranges) {
      const area = layout.floorArea * (floorTo - floorFrom + 1);
      const allowed: PlannedOccupancy[] =
        condition === 'good'
          ? ['vacant', 'reserved', 'leased']
          : condition === 'construction'
            ? ['unavailable']
            : ['vacant'];
      const candidates = allowed.filter((occupancy) => trial[occupancy] - area >= MIN_CLOSING);
      if (candidates.length === 0) break;
      const occupancy = rng.weighted(candidates.map((c) => [c, trial[c]] as const));
      trial[occupancy] -= area;
      units.push({ floorFrom, floorTo, occupancy });
    }
    if (units.length !== layout.ranges.length) {
      failures++;
      continue;
    }
    Object.assign(remaining, trial);
    picker.record(zone.code, acceptance, condition, vacantArea(units, layout.floorArea));
    drafts.push({
      ...base,
      condition,
      floors: layout.floors,
      floorArea: layout.floorArea,
      units,
      signed: null,
    });
  }

  for (const occupancy of ['vacant', 'reserved', 'leased', 'unavailable'] as const) {
    while (remaining[occupancy] > 0) {
      let area = remaining[occupancy];
      if (area > MAX_UNIT) area = rng.int(6_000_00, 14_000_00);
      remaining[occupancy] -= area;
      let condition: Condition = 'good';
      if (acceptance === 'under_construction') condition = 'construction';
      else if (occupancy === 'vacant') condition = picker.pick(zone.code, acceptance, area);
      picker.record(zone.code, acceptance, condition, occupancy === 'vacant' ? area : 0);
      drafts.push({
        ...base,
        condition,
        floors: 1,
        floorArea: area,
        units: [{ floorFrom: 1, floorTo: 1, occupancy }],
        signed: null,
      });
    }
  }
  return drafts;
}

/** Lays `count` points out on a grid inside a [west, south, east, north] box. */
function gridPoints(box: [number, number, number, number], count: number): LngLat[] {
  const [west, south, east, north] = box;
  const midLat = (south + north) / 2;
  const widthM = (east - west) * M_PER_DEG_LAT * Math.cos((midLat * Math.PI) / 180);
  const heightM = (north - south) * M_PER_DEG_LAT;
  const cols = Math.max(1, Math.ceil(Math.sqrt((count * widthM) / heightM)));
  const rows = Math.max(1, Math.ceil(count / cols));
  const points: LngLat[] = [];
  for (let i = 0; i < count; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    points.push([
      round(west + ((col + 0.5) * (east - west)) / cols, 6),
      round(north - ((row + 0.5) * (north - south)) / rows, 6),
    ]);
  }
  return points;
}

/** A rectangle of `areaM2` (2:1, long side east–west) centred on `center`. */
function footprintAround(center: LngLat, areaM2: number): LngLat[] {
  const widthM = Math.sqrt(areaM2 * 2);
  const depthM = areaM2 / widthM;
  const dLng = widthM / 2 / (M_PER_DEG_LAT * Math.cos((center[1] * Math.PI) / 180));
  const dLat = depthM / 2 / M_PER_DEG_LAT;
  const [lng, lat] = center;
  return [
    [round(lng - dLng, 6), round(lat - dLat, 6)],
    [round(lng + dLng, 6), round(lat - dLat, 6)],
    [round(lng + dLng, 6), round(lat + dLat, 6)],
    [round(lng - dLng, 6), round(lat + dLat, 6)],
  ];
}

interface BuildingTraits {
  structure: StructureType;
  completionYear: number | null;
  crane: number | null;
  groundHeight: number;
  upperHeight: number;
  groundLoad: number;
  upperLoad: number;
  /** Utilities missing for 'utilities' buildings. */
  missing: Array<'gas' | 'heating' | 'sewage' | 'fibre'>;
  planMismatch: boolean;
  fire: FireSafetyStatus;
  environmental: EnvironmentalStatus;
  hasGas: boolean;
  hasHeating: boolean;
  legalText: string;
  legalPlan: string;
}

function buildingTraits(rng: Rng, draft: BuildingDraft): BuildingTraits {
  const single = draft.floors === 1;
  const { condition, acceptance } = draft;
  let structure: StructureType;
  if (single) structure = rng.chance(0.85) ? 'steel' : 'steel_concrete';
  else if (condition === 'legal' && draft.floors <= 3 && rng.chance(0.5))
    structure = 'brick_concrete';
  else structure = rng.chance(0.78) ? 'reinforced_concrete' : 'steel_concrete';

  let completionYear: number | null;
  if (condition === 'construction') completionYear = null;
  else if (condition === 'legal') completionYear = rng.int(2010, 2016);
  else if (acceptance === 'accepted') completionYear = rng.int(2013, 2024);
  else completionYear = rng.int(2019, 2025);

  const crane =
    single && structure === 'steel' && draft.park.cranes && !draft.signed && rng.chance(0.45)
      ? rng.pick(CRANES_T)
      : null;
  const groundHeight = single
    ? crane
      ? rng.step(9, 12, 0.5)
      : rng.step(8, 10.5, 0.5)
    : rng.step(5.4, 7.2, 0.3);
  const upperHeight = rng.step(4.5, 5.4, 0.3);
  const groundLoad = single
    ? crane
      ? rng.step(30, 50, 5)
      : rng.step(20, 40, 5)
    : rng.step(15, 30, 5);
  const upperLoad = rng.pick([5, 6.5, 8, 10, 12]);

  const missing: BuildingTraits['missing'] = [];
  let planMismatch = false;
  if (condition === 'utilities') {
    planMismatch = rng.chance(0.25);
    if (!planMismatch) {
      missing.push(...rng.sample(['gas', 'heating', 'sewage', 'fibre'] as const, rng.int(1, 3)));
    }
  }

  let fire: FireSafetyStatus = 'passed';
  let environmental: EnvironmentalStatus = 'approved';
  if (condition === 'compliance') {
    const which = rng.weighted([
      ['fire', 0.45],
      ['env', 0.3],
      ['both', 0.25],
    ] as const);
    if (which !== 'env') fire = 'rectification_required';
    if (which !== 'fire') environmental = 'rectification_required';
  } else if (condition === 'legal') {
    fire = rng.chance(0.5) ? 'not_inspected' : 'rectification_required';
    environmental = rng.chance(0.5) ? 'not_assessed' : 'approved';
  } else if (condition === 'construction') {
    fire = 'not_inspected';
  } else if (condition === 'utilities' && acceptance === 'not_accepted') {
    fire = 'not_inspected';
  }

  const hasGas =
    !missing.includes('gas') && (condition === 'legal' ? rng.chance(0.4) : rng.chance(0.9));
  const hasHeating =
    !missing.includes('heating') && (condition === 'legal' ? rng.chance(0.3) : rng.chance(0.75));
  return {
    structure,
    completionYear,
    crane,
    groundHeight,
    upperHeight,
    groundLoad,
    upperLoad,
    missing,
    planMismatch,
    fire,
    environmental,
    hasGas,
    hasHeating,
    legalText: rng.pick(TEXT.legal),
    legalPlan: rng.pick(TEXT.legalPlan),
  };
}

const UTILITY_ZH = {
  gas: '天然气',
  heating: '集中供热',
  sewage: '污水管网',
  fibre: '光纤',
} as const;

interface UnitContext {
  draft: BuildingDraft;
  traits: BuildingTraits;
  building: DemoBuilding;
  unitDraft: UnitDraft;
  zoneId: string;
  parkId: string;
}

function makeUnit(rng: Rng, ctx: UnitContext): DemoUnit {
  const { draft, traits, building, unitDraft } = ctx;
  const { floorFrom, floorTo, occupancy } = unitDraft;
  const { park, condition, acceptance } = draft;
  const span = floorTo - floorFrom + 1;
  const grossCents = draft.floorArea * span;
  const grossArea = toM2(grossCents);
  const usableArea = round(grossArea * rng.step(0.86, 0.95, 0.01), 2);
  const wholeBuilding = floorFrom === 1 && floorTo === draft.floors;
  const ground = floorFrom === 1;

  let code: string;
  let floorText: string;
  if (wholeBuilding) {
    code = building.code;
    floorText = draft.floors === 1 ? '单层厂房' : `整栋(1-${draft.floors}层)`;
  } else if (span === 1) {
    code = `${building.code}-${floorFrom}F`;
    floorText = `${floorFrom}层`;
  } else {
    code = `${building.code}-${floorFrom}-${floorTo}F`;
    floorText = `${floorFrom}-${floorTo}层`;
  }

  const underConstruction = condition === 'construction';
  const hasWater = !underConstruction;
  const hasSewage = !underConstruction && !traits.missing.includes('sewage');
  const hasFibre = !underConstruction && !traits.missing.includes('fibre');
  const hasGas = !underConstruction && traits.hasGas;
  const hasHeating = !underConstruction && traits.hasHeating;

  let utilitiesNote: string | null = null;
  if (underConstruction) utilitiesNote = '在建,供水、供电、燃气、供热、污水管网随主体工程同步建设';
  else if (traits.missing.length)
    utilitiesNote = `尚未接通${traits.missing.map((u) => UTILITY_ZH[u]).join('、')}`;
  else if (condition === 'legal') utilitiesNote = '原企业遗留配套设施,现状待核查';

  const kva = transformerFor(
    Math.max(100, (grossArea * rng.step(0.06, 0.12, 0.01)) / (condition === 'utilities' ? 2 : 1)),
  );
  const powerCapacityKva = underConstruction ? null : kva;

  let unitClass: UnitClass = 'quality';
  let classReason: string | null = null;
  if (condition === 'utilities' || condition === 'compliance' || condition === 'construction')
    unitClass = 'general';
  if (condition === 'legal') unitClass = 'difficult';
  if (condition === 'utilities') {
    classReason = traits.planMismatch
      ? '层高、承重等条件需改造提升,方可满足主导产业生产需要'
      : `配套设施不完善:${utilitiesNote},需投入资金改造提升`;
  } else if (condition === 'compliance') {
    const parts = [
      traits.fire === 'rectification_required' ? '消防' : null,
      traits.environmental === 'rectification_required' ? '环保' : null,
    ].filter(Boolean);
    classReason = `需${parts.join('、')}整改,整改达标后再推进利用`;
  } else if (condition === 'legal') {
    classReason = `历史遗留问题较为复杂:${traits.legalText}`;
  } else if (condition === 'construction') {
    classReason = '在建厂房,配套设施及消防、环保验收尚未完成';
  }

  let vacantSince: string | null = null;
  let idleReasonCategory: IdleReasonCategory | null = null;
  let idleReasonText: string | null = null;
  if (occupancy === 'vacant') {
    let days: number;
    if (condition === 'good') {
      const roll = rng.float();
      if (acceptance === 'not_accepted' && roll < 0.55) {
        idleReasonCategory = 'acceptance_pending';
        idleReasonText = rng.pick(TEXT.acceptancePending);
        days = rng.int(90, 900);
      } else if (roll < 0.75) {
        idleReasonCategory = 'no_tenant_found';
        idleReasonText = rng.pick(TEXT.noTenant);
        days = rng.int(60, 720);
      } else {
        idleReasonCategory = 'tenant_moved_out';
        idleReasonText = rng.pick(TEXT.movedOut);
        days = rng.int(60, 540);
      }
    } else if (condition === 'utilities') {
      idleReasonCategory = traits.planMismatch ? 'plan_mismatch' : 'utilities_incomplete';
      idleReasonText = traits.planMismatch
        ? rng.pick(TEXT.planMismatch)
        : `${utilitiesNote},企业入驻需自行投入配套建设,招商难度较大`;
      days = rng.int(240, 1500);
    } else if (condition === 'compliance') {
      idleReasonCategory = 'compliance_rectification';
      idleReasonText = [
        traits.fire === 'rectification_required' ? TEXT.fire : null,
        traits.environmental === 'rectification_required' ? TEXT.environment : null,
      ]
        .filter(Boolean)
        .join(';');
      days = rng.int(240, 1500);
    } else {
      idleReasonCategory = 'legal_dispute';
      idleReasonText = `${traits.legalText};${traits.legalPlan}`;
      days = rng.int(1100, 2200);
    }
    vacantSince = isoDaysBefore(SEED_REFERENCE_DATE, days);
  }

  const floorHeightM = ground ? traits.groundHeight : traits.upperHeight;
  const floorLoadKnM2 = ground ? traits.groundLoad : traits.upperLoad;
  const craneCapacityT = ground ? traits.crane : null;

  let listRentFen: number | null = null;
  if (condition !== 'legal' && condition !== 'construction') {
    let rent: number;
    if (condition !== 'good') rent = rng.step(800, 1000, 50);
    else if (draft.floors === 1) rent = rng.step(1200, 1800, 50);
    else if (ground) rent = rng.step(1000, 1500, 50);
    else rent = rng.step(800, 1200, 50);
    if (acceptance === 'not_accepted' && condition === 'good') rent -= 100;
    listRentFen = Math.min(
      2000,
      Math.max(800, rent + (condition === 'good' ? park.rentPremiumFen : 0)),
    );
  }

  const pool = draft.floors === 1 || ground ? park.heavyIndustries : park.lightIndustries;
  const suitableIndustries: Industry[] = draft.signed
    ? [...draft.signed.industries]
    : [pool[0]!, ...rng.sample(pool.slice(1), rng.int(1, 3))];

  const structureZh = STRUCTURE_TYPE_LABELS[traits.structure]['zh-CN'];
  const specs =
    `${structureZh}${draft.floors === 1 ? '单层' : `${draft.floors}层`}厂房` +
    `${wholeBuilding ? '' : `第${floorText}`},建筑面积${formatArea(grossCents)}㎡,` +
    `层高${floorHeightM}米,楼面承重${floorLoadKnM2}kN/㎡` +
    `${craneCapacityT ? `,配${craneCapacityT}吨行车` : ''}。`;
  let status: string;
  if (draft.signed) {
    status = draft.signed.published
      ? `已签约入驻:${draft.signed.project}(利用空置厂房签约的7个项目之一)。`
      : `已签约入驻:${draft.signed.project}(利用空置厂房签约的7个项目之一;项目名称为示意)。`;
  } else if (occupancy === 'leased') status = '已出租,在租企业正常生产经营(演示数据)。';
  else if (occupancy === 'reserved') status = '已有意向企业预订,正在办理签约手续。';
  else if (condition === 'construction') status = '在建厂房,预计2027年竣工,可提前登记意向。';
  else if (condition === 'utilities')
    status = '配套设施待完善,平台公司计划投入资金改造,达标后招租。';
  else if (condition === 'compliance') status = '需完成消防环保整改,整改达标后推进利用。';
  else if (condition === 'legal') status = `存在历史遗留问题,${traits.legalPlan},暂不对外招租。`;
  else if (hasGas && hasHeating) status = '水、电、气、暖、污水、光纤配套齐全,可拎包入住。';
  else status = '水、电、污水、光纤配套齐全,可拎包入住。';
  const fits = `适合${suitableIndustries.map((i) => INDUSTRY_LABELS[i]['zh-CN']).join('、')}类企业。`;
  const description = `${specs}${status}${draft.signed || condition === 'legal' ? '' : fits}`;

  const latitude = building.location[1];
  const longitude = building.location[0];
  const name = draft.signed
    ? `${building.name}单层厂房(${draft.signed.project})`
    : `${park.shortName}${building.name}${floorText}`;

  return {
    id: uuidFromKey(`unit:${draft.zone.code}:${code}`),
    zoneId: ctx.zoneId,
    parkId: ctx.parkId,
    buildingId: building.id,
    buildingFloors: draft.floors,
    code,
    name,
    address: wholeBuilding ? building.address : `${building.address}${floorText}`,
    latitude,
    longitude,
    footprint: wholeBuilding ? footprintAround(building.location, toM2(draft.floorArea)) : null,
    grossArea,
    usableArea,
    floorFrom,
    floorTo,
    structureType: traits.structure,
    floorHeightM,
    floorLoadKnM2,
    craneCapacityT,
    powerCapacityKva,
    hasWater,
    hasGas,
    hasHeating,
    hasSewage,
    hasFibre,
    utilitiesNote,
    fireSafetyStatus: traits.fire,
    environmentalStatus: traits.environmental,
    acceptanceStatus: acceptance,
    completionYear: traits.completionYear,
    unitClass,
    classReason,
    occupancyStatus: occupancy as OccupancyStatus,
    vacantSince,
    idleReasonCategory,
    idleReasonText,
    listRentFen,
    suitableIndustries,
    description,
    contactName: park.contactName,
    contactPhone: park.contactPhone,
    isListed: occupancy === 'vacant' && unitClass !== 'difficult',
  };
}

/** Builds the whole demo dataset. Pure: same output on every call. */
export function buildDemoDataset(): DemoDataset {
  const rng = new Rng(SEED_PRNG_SEED);
  const zoneIds = new Map<string, string>();
  const parkIds = new Map<string, string>();

  const zones: DemoZone[] = ZONES.map((spec) => {
    const id = uuidFromKey(`zone:${spec.code}`);
    zoneIds.set(spec.code, id);
    return {
      id,
      code: spec.code,
      name: spec.name,
      nameEn: spec.nameEn,
      platformCompany: spec.platformCompany,
      platformCompanyEn: spec.platformCompanyEn,
      province: spec.province,
      city: spec.city,
      center: spec.center,
    };
  });

  const parkKey = (zoneCode: string, code: string) => `${zoneCode}:${code}`;
  for (const spec of PARKS)
    parkIds.set(
      parkKey(spec.zoneCode, spec.code),
      uuidFromKey(`park:${spec.zoneCode}:${spec.code}`),
    );
  const parks: DemoPark[] = PARKS.map((spec) => ({
    id: parkIds.get(parkKey(spec.zoneCode, spec.code))!,
    zoneId: zoneIds.get(spec.zoneCode)!,
    parentParkId: spec.parentCode ? parkIds.get(parkKey(spec.zoneCode, spec.parentCode))! : null,
    code: spec.code,
    name: spec.name,
    nameEn: spec.nameEn,
    kind: spec.kind,
    description: spec.description,
    boundary: spec.boundary,
  }));

  const drafts: BuildingDraft[] = [];
  const picker = new ConditionPicker();
  for (const plan of AREA_PLANS) {
    const zone = ZONES.find((z) => z.code === plan.zoneCode)!;
    const park = PARKS.find((p) => p.zoneCode === plan.zoneCode && p.code === plan.parkCode)!;
    const signed = SIGNED_PROJECTS.filter(
      (s) =>
        s.zoneCode === plan.zoneCode &&
        s.parkCode === plan.parkCode &&
        s.acceptance === plan.acceptance,
    );
    drafts.push(...draftBuildings(rng, picker, zone, park, plan, signed));
  }

  const buildings: DemoBuilding[] = [];
  const units: DemoUnit[] = [];
  for (const park of PARKS) {
    const parkDrafts = drafts.filter((d) => d.park === park);
    const points = gridPoints(park.placement, parkDrafts.length);
    const counters: Record<string, number> = {};
    parkDrafts.forEach((draft, index) => {
      const letter = draft.condition === 'construction' ? 'D' : draft.floors === 1 ? 'C' : 'A';
      counters[letter] = (counters[letter] ?? 0) + 1;
      const name = `${letter}${counters[letter]}栋`;
      const code = `${park.code}-${letter}${counters[letter]}`;
      const zoneId = zoneIds.get(park.zoneCode)!;
      const parkId = parkIds.get(parkKey(park.zoneCode, park.code))!;
      const building: DemoBuilding = {
        id: uuidFromKey(`building:${park.zoneCode}:${code}`),
        zoneId,
        parkId,
        code,
        name,
        floors: draft.floors,
        address: `${draft.zone.addressPrefix}${park.shortName}${name}`,
        location: points[index]!,
      };
      buildings.push(building);
      const traits = buildingTraits(rng, draft);
      for (const unitDraft of draft.units) {
        units.push(makeUnit(rng, { draft, traits, building, unitDraft, zoneId, parkId }));
      }
    });
  }

  return { referenceDate: SEED_REFERENCE_DATE, zones, parks, buildings, units };
}

/** Sum of gross areas in m², added in hundredths so the result is exact. */
export function sumArea(units: ReadonlyArray<Pick<DemoUnit, 'grossArea'>>): number {
  return units.reduce((sum, unit) => sum + Math.round(unit.grossArea * 100), 0) / 100;
}
