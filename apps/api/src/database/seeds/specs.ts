/**
 * The hand-written part of the demo dataset: zones, parks (with boundaries), how much floor space
 * each park holds per acceptance and occupancy status, and the seven signed projects. The
 * generator in dataset.ts turns these into buildings and units whose areas add up exactly.
 *
 * Gaoping figures come from the source article (see constants.ts); how they split between parks
 * is illustrative. The Jincheng zone is entirely illustrative: no published figure is claimed.
 */
import type {
  AcceptanceStatus,
  Industry,
  LngLat,
  OccupancyStatus,
  ParkKind,
} from '@factoryspace/domain';
import {
  CROSS_STRAIT_PARK_CODE,
  FOOD_PARK_CODE,
  GAOPING_ZONE_CODE,
  JINCHENG_ZONE_CODE,
} from './constants';

export interface ZoneSpec {
  code: string;
  name: string;
  nameEn: string;
  platformCompany: string;
  platformCompanyEn: string;
  province: string;
  city: string;
  /** [longitude, latitude]. */
  center: LngLat;
  /** Name used in addresses (e.g. 山西省晋城市高平市高平经济技术开发区). */
  addressPrefix: string;
}

export interface ParkSpec {
  zoneCode: string;
  /** Park code; also the prefix of its building and unit codes. */
  code: string;
  parentCode: string | null;
  kind: ParkKind;
  name: string;
  nameEn: string;
  /** Short form used in addresses and unit names. */
  shortName: string;
  description: string;
  /** Open ring of [longitude, latitude]. */
  boundary: LngLat[];
  /** Where its own buildings are laid out: [west, south, east, north]. Inside the boundary and outside child parks. */
  placement: [number, number, number, number];
  /** Industries for ground floors and single-storey sheds, best fit first. */
  heavyIndustries: Industry[];
  /** Industries for upper floors. */
  lightIndustries: Industry[];
  /** Whether single-storey steel sheds may have overhead cranes. */
  cranes: boolean;
  /** Added to the list rent, fen/m²/month. */
  rentPremiumFen: number;
  contactName: string;
  contactPhone: string;
}

/** Occupancy statuses a plan can ask for. */
export type PlannedOccupancy = Extract<
  OccupancyStatus,
  'vacant' | 'reserved' | 'leased' | 'unavailable'
>;

/** Gross area (m²) one park holds with one acceptance status, by occupancy. */
export interface AreaPlan {
  zoneCode: string;
  parkCode: string;
  acceptance: AcceptanceStatus;
  area: Partial<Record<PlannedOccupancy, number>>;
}

/** A project signed into a vacant factory (签约项目), seeded as a leased single-storey building. */
export interface SignedProject {
  zoneCode: string;
  parkCode: string;
  acceptance: AcceptanceStatus;
  areaM2: number;
  /** Project as named in the source, or an illustrative label. */
  project: string;
  /** True when the source names it; false for the illustrative ones. */
  published: boolean;
  industries: Industry[];
}

export const ZONES: ZoneSpec[] = [
  {
    code: GAOPING_ZONE_CODE,
    name: '高平经济技术开发区',
    nameEn: 'Gaoping Economic & Technological Development Zone',
    platformCompany: '恒通集团',
    platformCompanyEn: 'Hengtong Group',
    province: '山西省',
    city: '晋城市',
    center: [112.92, 35.8],
    addressPrefix: '山西省晋城市高平市高平经济技术开发区',
  },
  {
    code: JINCHENG_ZONE_CODE,
    name: '晋城经济技术开发区',
    nameEn: 'Jincheng Economic & Technological Development Zone',
    platformCompany: '晋城开发区投资建设有限公司(示意)',
    platformCompanyEn: 'Jincheng ETDZ Investment & Construction Co. (illustrative)',
    province: '山西省',
    city: '晋城市',
    center: [112.85, 35.49],
    addressPrefix: '山西省晋城市晋城经济技术开发区',
  },
];

export const PARKS: ParkSpec[] = [
  {
    zoneCode: GAOPING_ZONE_CODE,
    code: 'ZH',
    parentCode: null,
    kind: 'park',
    name: '高平经开区综合产业园',
    nameEn: 'Gaoping ETDZ Integrated Industrial Park',
    shortName: '综合产业园',
    description:
      '开发区主体园区(演示数据,园区划分为示意),内设海峡两岸(高平)产业园、食品加工产业园两个园中园,由平台公司恒通集团统一运营。',
    boundary: [
      [112.906, 35.79],
      [112.934, 35.79],
      [112.934, 35.806],
      [112.93, 35.812],
      [112.908, 35.812],
      [112.906, 35.809],
    ],
    placement: [112.909, 35.8052, 112.928, 35.8105],
    heavyIndustries: [
      'equipment_manufacturing',
      'new_materials',
      'logistics_warehousing',
      'new_energy',
    ],
    lightIndustries: ['electronics', 'light_industry', 'textiles_apparel', 'biomedicine'],
    cranes: true,
    rentPremiumFen: 0,
    contactName: '王主任',
    contactPhone: '13903561001',
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    code: CROSS_STRAIT_PARK_CODE,
    parentCode: 'ZH',
    kind: 'park_in_park',
    name: '海峡两岸(高平)产业园',
    nameEn: 'Cross-Strait (Gaoping) Industrial Park',
    shortName: '海峡两岸产业园',
    description:
      '园中园。标准化厂房集中区域,空置厂房主要集中于此;定向发布厂房资源,面向中小企业、科创型企业招商,可“拎包入住”。',
    boundary: [
      [112.908, 35.792],
      [112.92, 35.792],
      [112.92, 35.8015],
      [112.918, 35.803],
      [112.908, 35.803],
    ],
    placement: [112.9092, 35.7932, 112.9185, 35.8017],
    heavyIndustries: [
      'equipment_manufacturing',
      'opto_mechatronics',
      'new_materials',
      'electronics',
    ],
    lightIndustries: [
      'electronics',
      'opto_mechatronics',
      'light_industry',
      'biomedicine',
      'textiles_apparel',
    ],
    cranes: true,
    rentPremiumFen: 100,
    contactName: '陈经理',
    contactPhone: '13903561002',
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    code: FOOD_PARK_CODE,
    parentCode: 'ZH',
    kind: 'park_in_park',
    name: '食品加工产业园',
    nameEn: 'Food Processing Industrial Park',
    shortName: '食品加工产业园',
    description: '园中园。面向食品加工及配套冷链仓储企业,定向发布厂房资源,吸引中小企业入驻。',
    boundary: [
      [112.923, 35.792],
      [112.932, 35.792],
      [112.932, 35.799],
      [112.923, 35.799],
    ],
    placement: [112.924, 35.7929, 112.931, 35.7982],
    heavyIndustries: ['food_processing', 'logistics_warehousing', 'biomedicine'],
    lightIndustries: ['food_processing', 'light_industry', 'biomedicine'],
    cranes: false,
    rentPremiumFen: 0,
    contactName: '刘经理',
    contactPhone: '13903561003',
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    code: 'ZB',
    parentCode: null,
    kind: 'park',
    name: '装备制造与光机电产业园',
    nameEn: 'Equipment Manufacturing & Opto-mechatronics Industrial Park',
    shortName: '装备制造产业园',
    description:
      '演示数据(园区名称为示意)。以装备制造、光机电配套为主,部分单层钢结构厂房配有行车。',
    boundary: [
      [112.945, 35.794],
      [112.962, 35.794],
      [112.963, 35.806],
      [112.955, 35.808],
      [112.945, 35.806],
    ],
    placement: [112.9465, 35.7955, 112.9605, 35.8045],
    heavyIndustries: [
      'equipment_manufacturing',
      'opto_mechatronics',
      'new_energy',
      'new_materials',
    ],
    lightIndustries: ['opto_mechatronics', 'electronics', 'light_industry'],
    cranes: true,
    rentPremiumFen: 0,
    contactName: '赵经理',
    contactPhone: '13903561004',
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    code: 'XC',
    parentCode: null,
    kind: 'park',
    name: '新材料产业园',
    nameEn: 'New Materials Industrial Park',
    shortName: '新材料产业园',
    description: '演示数据(园区名称为示意)。面向新材料、新能源及配套加工企业,含部分在建厂房。',
    boundary: [
      [112.91, 35.768],
      [112.928, 35.768],
      [112.928, 35.778],
      [112.916, 35.779],
      [112.91, 35.776],
    ],
    placement: [112.9115, 35.7692, 112.9265, 35.7762],
    heavyIndustries: ['new_materials', 'new_energy', 'equipment_manufacturing'],
    lightIndustries: ['new_materials', 'electronics', 'light_industry'],
    cranes: true,
    rentPremiumFen: -50,
    contactName: '孙经理',
    contactPhone: '13903561005',
  },
  {
    zoneCode: JINCHENG_ZONE_CODE,
    code: 'GJD',
    parentCode: null,
    kind: 'park',
    name: '光机电产业园',
    nameEn: 'Opto-mechatronics Industrial Park',
    shortName: '光机电产业园',
    description: '演示数据,晋城经开区部分为示意,不对应公开数据。',
    boundary: [
      [112.836, 35.482],
      [112.852, 35.482],
      [112.852, 35.494],
      [112.836, 35.494],
    ],
    placement: [112.8375, 35.4835, 112.8505, 35.4925],
    heavyIndustries: ['opto_mechatronics', 'equipment_manufacturing', 'electronics'],
    lightIndustries: ['opto_mechatronics', 'electronics', 'light_industry'],
    cranes: true,
    rentPremiumFen: 100,
    contactName: '周经理',
    contactPhone: '13903562001',
  },
  {
    zoneCode: JINCHENG_ZONE_CODE,
    code: 'ZN',
    parentCode: null,
    kind: 'park',
    name: '智能制造产业园',
    nameEn: 'Intelligent Manufacturing Industrial Park',
    shortName: '智能制造产业园',
    description: '演示数据,晋城经开区部分为示意,不对应公开数据。',
    boundary: [
      [112.858, 35.484],
      [112.87, 35.484],
      [112.872, 35.492],
      [112.86, 35.496],
      [112.858, 35.492],
    ],
    placement: [112.8595, 35.4855, 112.869, 35.4925],
    heavyIndustries: ['equipment_manufacturing', 'new_energy', 'opto_mechatronics'],
    lightIndustries: ['electronics', 'opto_mechatronics', 'light_industry'],
    cranes: true,
    rentPremiumFen: 0,
    contactName: '吴经理',
    contactPhone: '13903562002',
  },
];

/**
 * Gaoping: accepted 369,000 = 110,000 + 95,000 + 64,000 + 60,000 + 40,000;
 * not accepted 320,000 = 60,000 + 150,000 + 20,000 + 50,000 + 40,000;
 * under construction 99,000 = 25,000 + 34,000 + 40,000;
 * vacant 185,000 = accepted 75,000 + not accepted 110,000, of which the Cross-Strait park 105,000.
 */
export const AREA_PLANS: AreaPlan[] = [
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZH',
    acceptance: 'accepted',
    area: { vacant: 12_000, reserved: 6_000, leased: 92_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'HX',
    acceptance: 'accepted',
    area: { vacant: 35_000, reserved: 5_000, leased: 55_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'SP',
    acceptance: 'accepted',
    area: { vacant: 10_000, leased: 54_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZB',
    acceptance: 'accepted',
    area: { vacant: 10_000, reserved: 4_000, leased: 46_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'XC',
    acceptance: 'accepted',
    area: { vacant: 8_000, leased: 32_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZH',
    acceptance: 'not_accepted',
    area: { vacant: 18_000, reserved: 2_000, leased: 40_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'HX',
    acceptance: 'not_accepted',
    area: { vacant: 70_000, reserved: 6_000, leased: 74_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'SP',
    acceptance: 'not_accepted',
    area: { leased: 20_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZB',
    acceptance: 'not_accepted',
    area: { vacant: 14_000, leased: 36_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'XC',
    acceptance: 'not_accepted',
    area: { vacant: 8_000, leased: 32_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZH',
    acceptance: 'under_construction',
    area: { unavailable: 25_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZB',
    acceptance: 'under_construction',
    area: { unavailable: 34_000 },
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'XC',
    acceptance: 'under_construction',
    area: { unavailable: 40_000 },
  },
  // Jincheng: illustrative only.
  {
    zoneCode: JINCHENG_ZONE_CODE,
    parkCode: 'GJD',
    acceptance: 'accepted',
    area: { vacant: 14_000, reserved: 3_000, leased: 30_000 },
  },
  {
    zoneCode: JINCHENG_ZONE_CODE,
    parkCode: 'GJD',
    acceptance: 'not_accepted',
    area: { vacant: 6_000, leased: 5_000 },
  },
  {
    zoneCode: JINCHENG_ZONE_CODE,
    parkCode: 'ZN',
    acceptance: 'accepted',
    area: { vacant: 5_000, leased: 12_000 },
  },
  {
    zoneCode: JINCHENG_ZONE_CODE,
    parkCode: 'ZN',
    acceptance: 'under_construction',
    area: { unavailable: 12_000 },
  },
];

/**
 * 已利用空置厂房成功签约山西兰花生物科技老陈醋、龙峰食品饼干等7个项目,消化面积约3.5万平方米.
 * The two named projects are from the source; the other five are illustrative placeholders.
 * Areas add up to exactly 35,000 m² and are part of the leased areas above.
 */
export const SIGNED_PROJECTS: SignedProject[] = [
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'SP',
    acceptance: 'accepted',
    areaM2: 6_000,
    project: '山西兰花生物科技老陈醋项目',
    published: true,
    industries: ['food_processing'],
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'SP',
    acceptance: 'accepted',
    areaM2: 5_500,
    project: '龙峰食品饼干项目',
    published: true,
    industries: ['food_processing'],
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'HX',
    acceptance: 'accepted',
    areaM2: 5_000,
    project: '精密机械零部件加工项目',
    published: false,
    industries: ['equipment_manufacturing'],
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'HX',
    acceptance: 'accepted',
    areaM2: 4_500,
    project: '光电元器件组装项目',
    published: false,
    industries: ['opto_mechatronics', 'electronics'],
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'HX',
    acceptance: 'not_accepted',
    areaM2: 6_500,
    project: '新型建材制品项目',
    published: false,
    industries: ['new_materials'],
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZB',
    acceptance: 'accepted',
    areaM2: 4_000,
    project: '链主企业配套结构件项目',
    published: false,
    industries: ['equipment_manufacturing'],
  },
  {
    zoneCode: GAOPING_ZONE_CODE,
    parkCode: 'ZH',
    acceptance: 'accepted',
    areaM2: 3_500,
    project: '智能仓储配送项目',
    published: false,
    industries: ['logistics_warehousing'],
  },
];
