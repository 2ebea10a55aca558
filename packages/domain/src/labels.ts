import type {
  AcceptanceStatus,
  EnvironmentalStatus,
  FireSafetyStatus,
  IdleReasonCategory,
  Industry,
  OccupancyStatus,
  ParkKind,
  StructureType,
  UnitClass,
  Utility,
} from './enums';
import type {
  FirmMemberRole,
  FirmSize,
  InvitationRole,
  SpecialisedLevel,
  UserRole,
  UserStatus,
} from './accounts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Labels<T extends string> = Record<T, Record<Locale, string>>;

export const UNIT_CLASS_LABELS: Labels<UnitClass> = {
  quality: { 'zh-CN': '优质', en: 'Quality' },
  general: { 'zh-CN': '一般', en: 'General' },
  difficult: { 'zh-CN': '疑难', en: 'Difficult' },
};

export const OCCUPANCY_STATUS_LABELS: Labels<OccupancyStatus> = {
  vacant: { 'zh-CN': '空置', en: 'Vacant' },
  reserved: { 'zh-CN': '已预订', en: 'Reserved' },
  leased: { 'zh-CN': '已出租', en: 'Leased' },
  unavailable: { 'zh-CN': '暂不可租', en: 'Unavailable' },
};

export const ACCEPTANCE_STATUS_LABELS: Labels<AcceptanceStatus> = {
  accepted: { 'zh-CN': '已验收', en: 'Accepted' },
  not_accepted: { 'zh-CN': '未验收', en: 'Not accepted' },
  under_construction: { 'zh-CN': '在建', en: 'Under construction' },
};

export const STRUCTURE_TYPE_LABELS: Labels<StructureType> = {
  steel: { 'zh-CN': '钢结构', en: 'Steel' },
  reinforced_concrete: { 'zh-CN': '钢筋混凝土框架', en: 'Reinforced concrete frame' },
  steel_concrete: { 'zh-CN': '钢混结构', en: 'Steel and concrete' },
  brick_concrete: { 'zh-CN': '砖混结构', en: 'Brick and concrete' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const FIRE_SAFETY_STATUS_LABELS: Labels<FireSafetyStatus> = {
  passed: { 'zh-CN': '消防验收合格', en: 'Fire inspection passed' },
  rectification_required: { 'zh-CN': '需消防整改', en: 'Fire rectification required' },
  not_inspected: { 'zh-CN': '未经消防验收', en: 'Not inspected' },
};

export const ENVIRONMENTAL_STATUS_LABELS: Labels<EnvironmentalStatus> = {
  approved: { 'zh-CN': '环评已批复', en: 'Environmental approval granted' },
  rectification_required: { 'zh-CN': '需环保整改', en: 'Environmental rectification required' },
  not_assessed: { 'zh-CN': '未开展环评', en: 'Not assessed' },
};

export const IDLE_REASON_LABELS: Labels<IdleReasonCategory> = {
  no_tenant_found: { 'zh-CN': '尚未招到租户', en: 'No tenant found yet' },
  utilities_incomplete: { 'zh-CN': '配套设施不完善', en: 'Utilities incomplete' },
  compliance_rectification: { 'zh-CN': '需消防环保整改', en: 'Fire/environmental rectification' },
  acceptance_pending: { 'zh-CN': '未完成竣工验收', en: 'Completion acceptance pending' },
  legal_dispute: { 'zh-CN': '产权或法律纠纷', en: 'Ownership or legal dispute' },
  tenant_moved_out: { 'zh-CN': '原租户退租', en: 'Previous tenant moved out' },
  plan_mismatch: { 'zh-CN': '与产业规划不符', en: 'Does not fit the industrial plan' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const UTILITY_LABELS: Labels<Utility> = {
  water: { 'zh-CN': '供水', en: 'Water' },
  gas: { 'zh-CN': '天然气', en: 'Natural gas' },
  heating: { 'zh-CN': '供热', en: 'Heating' },
  sewage: { 'zh-CN': '污水处理', en: 'Sewage' },
  fibre: { 'zh-CN': '光纤', en: 'Fibre' },
};

export const PARK_KIND_LABELS: Labels<ParkKind> = {
  park: { 'zh-CN': '园区', en: 'Park' },
  park_in_park: { 'zh-CN': '园中园', en: 'Park within a park' },
};

export const INDUSTRY_LABELS: Labels<Industry> = {
  equipment_manufacturing: { 'zh-CN': '装备制造', en: 'Equipment manufacturing' },
  opto_mechatronics: { 'zh-CN': '光机电', en: 'Opto-mechatronics' },
  new_materials: { 'zh-CN': '新材料', en: 'New materials' },
  food_processing: { 'zh-CN': '食品加工', en: 'Food processing' },
  biomedicine: { 'zh-CN': '生物医药', en: 'Biomedicine' },
  electronics: { 'zh-CN': '电子信息', en: 'Electronics' },
  surface_treatment: { 'zh-CN': '表面处理', en: 'Surface treatment' },
  textiles_apparel: { 'zh-CN': '纺织服装', en: 'Textiles and apparel' },
  new_energy: { 'zh-CN': '新能源', en: 'New energy' },
  logistics_warehousing: { 'zh-CN': '仓储物流', en: 'Logistics and warehousing' },
  light_industry: { 'zh-CN': '轻工', en: 'Light industry' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const USER_ROLE_LABELS: Labels<UserRole> = {
  firm: { 'zh-CN': '企业用户', en: 'Firm user' },
  staff: { 'zh-CN': '平台工作人员', en: 'Platform staff' },
  zone_admin: { 'zh-CN': '开发区管理员', en: 'Zone administrator' },
  super_admin: { 'zh-CN': '超级管理员', en: 'Super administrator' },
};

export const FIRM_MEMBER_ROLE_LABELS: Labels<FirmMemberRole> = {
  owner: { 'zh-CN': '企业主账号', en: 'Owner' },
  member: { 'zh-CN': '企业成员', en: 'Member' },
};

export const USER_STATUS_LABELS: Labels<UserStatus> = {
  active: { 'zh-CN': '正常', en: 'Active' },
  disabled: { 'zh-CN': '已停用', en: 'Disabled' },
};

export const FIRM_SIZE_LABELS: Labels<FirmSize> = {
  large: { 'zh-CN': '大型企业', en: 'Large enterprise' },
  medium: { 'zh-CN': '中型企业', en: 'Medium-sized enterprise' },
  small: { 'zh-CN': '小型企业', en: 'Small enterprise' },
  micro: { 'zh-CN': '微型企业', en: 'Micro enterprise' },
};

export const SPECIALISED_LEVEL_LABELS: Labels<SpecialisedLevel> = {
  municipal: { 'zh-CN': '市级专精特新企业', en: 'Municipal specialised and innovative SME' },
  provincial: { 'zh-CN': '省级专精特新中小企业', en: 'Provincial specialised and innovative SME' },
  national_little_giant: {
    'zh-CN': '国家级专精特新“小巨人”企业',
    en: 'National specialised and innovative “little giant”',
  },
};

export const INVITATION_ROLE_LABELS: Labels<InvitationRole> = {
  staff: { 'zh-CN': '平台工作人员', en: 'Platform staff' },
  zone_admin: { 'zh-CN': '开发区管理员', en: 'Zone administrator' },
  firm_member: { 'zh-CN': '企业成员', en: 'Firm member' },
};

/**
 * Picks the best supported locale from an Accept-Language header or a stored preference.
 * Anything Chinese maps to zh-CN; anything else we support is English; the default is zh-CN.
 */
export function resolveLocale(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        tag: (tag ?? '').toLowerCase(),
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((entry) => entry.tag && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}
