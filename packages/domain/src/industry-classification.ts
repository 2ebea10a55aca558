import type { Locale } from './labels';

/**
 * GB/T 4754-2017 国民经济行业分类 (Industrial classification for national economic activities):
 * the 20 sections (门类, A–T) and 97 divisions (大类, 01–97). Chinese names are the standard's;
 * the English names are descriptive translations for the English UI, not an official text.
 * Groups and classes (中类, 小类) are not included.
 */

export interface IndustrySection {
  /** One letter, A–T. */
  code: string;
  zh: string;
  en: string;
}

export interface IndustryDivision {
  /** Two digits, 01–97. */
  code: string;
  /** The section letter the division belongs to. */
  section: string;
  zh: string;
  en: string;
}

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  { code: 'B', zh: '采矿业', en: 'Mining' },
  { code: 'C', zh: '制造业', en: 'Manufacturing' },
  {
    code: 'D',
    zh: '电力、热力、燃气及水生产和供应业',
    en: 'Production and supply of electricity, heat, gas and water',
  },
  { code: 'E', zh: '建筑业', en: 'Construction' },
  { code: 'F', zh: '批发和零售业', en: 'Wholesale and retail trade' },
  { code: 'G', zh: '交通运输、仓储和邮政业', en: 'Transport, storage and postal services' },
  { code: 'H', zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  {
    code: 'I',
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and information technology services',
  },
  { code: 'J', zh: '金融业', en: 'Finance' },
  { code: 'K', zh: '房地产业', en: 'Real estate' },
  { code: 'L', zh: '租赁和商务服务业', en: 'Leasing and business services' },
  { code: 'M', zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  {
    code: 'N',
    zh: '水利、环境和公共设施管理业',
    en: 'Management of water conservancy, environment and public facilities',
  },
  {
    code: 'O',
    zh: '居民服务、修理和其他服务业',
    en: 'Resident services, repair and other services',
  },
  { code: 'P', zh: '教育', en: 'Education' },
  { code: 'Q', zh: '卫生和社会工作', en: 'Health and social work' },
  { code: 'R', zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  {
    code: 'S',
    zh: '公共管理、社会保障和社会组织',
    en: 'Public administration, social security and social organisations',
  },
  { code: 'T', zh: '国际组织', en: 'International organisations' },
];

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = [
  // A 农、林、牧、渔业
  { code: '01', section: 'A', zh: '农业', en: 'Agriculture' },
  { code: '02', section: 'A', zh: '林业', en: 'Forestry' },
  { code: '03', section: 'A', zh: '畜牧业', en: 'Animal husbandry' },
  { code: '04', section: 'A', zh: '渔业', en: 'Fishery' },
  {
    code: '05',
    section: 'A',
    zh: '农、林、牧、渔专业及辅助性活动',
    en: 'Support activities for agriculture, forestry, animal husbandry and fishery',
  },
  // B 采矿业
  { code: '06', section: 'B', zh: '煤炭开采和洗选业', en: 'Mining and washing of coal' },
  {
    code: '07',
    section: 'B',
    zh: '石油和天然气开采业',
    en: 'Extraction of petroleum and natural gas',
  },
  {
    code: '08',
    section: 'B',
    zh: '黑色金属矿采选业',
    en: 'Mining and processing of ferrous metal ores',
  },
  {
    code: '09',
    section: 'B',
    zh: '有色金属矿采选业',
    en: 'Mining and processing of non-ferrous metal ores',
  },
  {
    code: '10',
    section: 'B',
    zh: '非金属矿采选业',
    en: 'Mining and processing of non-metallic minerals',
  },
  { code: '11', section: 'B', zh: '开采专业及辅助性活动', en: 'Support activities for mining' },
  { code: '12', section: 'B', zh: '其他采矿业', en: 'Other mining' },
  // C 制造业
  {
    code: '13',
    section: 'C',
    zh: '农副食品加工业',
    en: 'Processing of agricultural food products',
  },
  { code: '14', section: 'C', zh: '食品制造业', en: 'Manufacture of food' },
  {
    code: '15',
    section: 'C',
    zh: '酒、饮料和精制茶制造业',
    en: 'Manufacture of liquor, beverages and refined tea',
  },
  { code: '16', section: 'C', zh: '烟草制品业', en: 'Manufacture of tobacco products' },
  { code: '17', section: 'C', zh: '纺织业', en: 'Manufacture of textiles' },
  {
    code: '18',
    section: 'C',
    zh: '纺织服装、服饰业',
    en: 'Manufacture of textile garments and apparel',
  },
  {
    code: '19',
    section: 'C',
    zh: '皮革、毛皮、羽毛及其制品和制鞋业',
    en: 'Manufacture of leather, fur, feather and related products, and footwear',
  },
  {
    code: '20',
    section: 'C',
    zh: '木材加工和木、竹、藤、棕、草制品业',
    en: 'Processing of timber; manufacture of wood, bamboo, rattan, palm and straw products',
  },
  { code: '21', section: 'C', zh: '家具制造业', en: 'Manufacture of furniture' },
  { code: '22', section: 'C', zh: '造纸和纸制品业', en: 'Manufacture of paper and paper products' },
  {
    code: '23',
    section: 'C',
    zh: '印刷和记录媒介复制业',
    en: 'Printing and reproduction of recording media',
  },
  {
    code: '24',
    section: 'C',
    zh: '文教、工美、体育和娱乐用品制造业',
    en: 'Manufacture of articles for culture, education, arts and crafts, sport and entertainment',
  },
  {
    code: '25',
    section: 'C',
    zh: '石油、煤炭及其他燃料加工业',
    en: 'Processing of petroleum, coal and other fuels',
  },
  {
    code: '26',
    section: 'C',
    zh: '化学原料和化学制品制造业',
    en: 'Manufacture of raw chemical materials and chemical products',
  },
  { code: '27', section: 'C', zh: '医药制造业', en: 'Manufacture of medicines' },
  { code: '28', section: 'C', zh: '化学纤维制造业', en: 'Manufacture of chemical fibres' },
  {
    code: '29',
    section: 'C',
    zh: '橡胶和塑料制品业',
    en: 'Manufacture of rubber and plastic products',
  },
  {
    code: '30',
    section: 'C',
    zh: '非金属矿物制品业',
    en: 'Manufacture of non-metallic mineral products',
  },
  {
    code: '31',
    section: 'C',
    zh: '黑色金属冶炼和压延加工业',
    en: 'Smelting and pressing of ferrous metals',
  },
  {
    code: '32',
    section: 'C',
    zh: '有色金属冶炼和压延加工业',
    en: 'Smelting and pressing of non-ferrous metals',
  },
  { code: '33', section: 'C', zh: '金属制品业', en: 'Manufacture of metal products' },
  {
    code: '34',
    section: 'C',
    zh: '通用设备制造业',
    en: 'Manufacture of general-purpose machinery',
  },
  {
    code: '35',
    section: 'C',
    zh: '专用设备制造业',
    en: 'Manufacture of special-purpose machinery',
  },
  { code: '36', section: 'C', zh: '汽车制造业', en: 'Manufacture of motor vehicles' },
  {
    code: '37',
    section: 'C',
    zh: '铁路、船舶、航空航天和其他运输设备制造业',
    en: 'Manufacture of railway, ship, aerospace and other transport equipment',
  },
  {
    code: '38',
    section: 'C',
    zh: '电气机械和器材制造业',
    en: 'Manufacture of electrical machinery and equipment',
  },
  {
    code: '39',
    section: 'C',
    zh: '计算机、通信和其他电子设备制造业',
    en: 'Manufacture of computers, communication and other electronic equipment',
  },
  { code: '40', section: 'C', zh: '仪器仪表制造业', en: 'Manufacture of measuring instruments' },
  { code: '41', section: 'C', zh: '其他制造业', en: 'Other manufacturing' },
  {
    code: '42',
    section: 'C',
    zh: '废弃资源综合利用业',
    en: 'Comprehensive utilisation of waste resources',
  },
  {
    code: '43',
    section: 'C',
    zh: '金属制品、机械和设备修理业',
    en: 'Repair of metal products, machinery and equipment',
  },
  // D 电力、热力、燃气及水生产和供应业
  {
    code: '44',
    section: 'D',
    zh: '电力、热力生产和供应业',
    en: 'Production and supply of electricity and heat',
  },
  { code: '45', section: 'D', zh: '燃气生产和供应业', en: 'Production and supply of gas' },
  { code: '46', section: 'D', zh: '水的生产和供应业', en: 'Production and supply of water' },
  // E 建筑业
  { code: '47', section: 'E', zh: '房屋建筑业', en: 'Construction of buildings' },
  { code: '48', section: 'E', zh: '土木工程建筑业', en: 'Civil engineering' },
  { code: '49', section: 'E', zh: '建筑安装业', en: 'Building installation' },
  {
    code: '50',
    section: 'E',
    zh: '建筑装饰、装修和其他建筑业',
    en: 'Building decoration, renovation and other construction',
  },
  // F 批发和零售业
  { code: '51', section: 'F', zh: '批发业', en: 'Wholesale trade' },
  { code: '52', section: 'F', zh: '零售业', en: 'Retail trade' },
  // G 交通运输、仓储和邮政业
  { code: '53', section: 'G', zh: '铁路运输业', en: 'Rail transport' },
  { code: '54', section: 'G', zh: '道路运输业', en: 'Road transport' },
  { code: '55', section: 'G', zh: '水上运输业', en: 'Water transport' },
  { code: '56', section: 'G', zh: '航空运输业', en: 'Air transport' },
  { code: '57', section: 'G', zh: '管道运输业', en: 'Pipeline transport' },
  {
    code: '58',
    section: 'G',
    zh: '多式联运和运输代理业',
    en: 'Multimodal transport and transport agency',
  },
  { code: '59', section: 'G', zh: '装卸搬运和仓储业', en: 'Cargo handling and warehousing' },
  { code: '60', section: 'G', zh: '邮政业', en: 'Postal services' },
  // H 住宿和餐饮业
  { code: '61', section: 'H', zh: '住宿业', en: 'Accommodation' },
  { code: '62', section: 'H', zh: '餐饮业', en: 'Catering' },
  // I 信息传输、软件和信息技术服务业
  {
    code: '63',
    section: 'I',
    zh: '电信、广播电视和卫星传输服务',
    en: 'Telecommunications, broadcasting and satellite transmission services',
  },
  { code: '64', section: 'I', zh: '互联网和相关服务', en: 'Internet and related services' },
  {
    code: '65',
    section: 'I',
    zh: '软件和信息技术服务业',
    en: 'Software and information technology services',
  },
  // J 金融业
  { code: '66', section: 'J', zh: '货币金融服务', en: 'Monetary and financial services' },
  { code: '67', section: 'J', zh: '资本市场服务', en: 'Capital market services' },
  { code: '68', section: 'J', zh: '保险业', en: 'Insurance' },
  { code: '69', section: 'J', zh: '其他金融业', en: 'Other financial activities' },
  // K 房地产业
  { code: '70', section: 'K', zh: '房地产业', en: 'Real estate' },
  // L 租赁和商务服务业
  { code: '71', section: 'L', zh: '租赁业', en: 'Leasing' },
  { code: '72', section: 'L', zh: '商务服务业', en: 'Business services' },
  // M 科学研究和技术服务业
  { code: '73', section: 'M', zh: '研究和试验发展', en: 'Research and experimental development' },
  { code: '74', section: 'M', zh: '专业技术服务业', en: 'Professional technical services' },
  {
    code: '75',
    section: 'M',
    zh: '科技推广和应用服务业',
    en: 'Technology promotion and application services',
  },
  // N 水利、环境和公共设施管理业
  { code: '76', section: 'N', zh: '水利管理业', en: 'Water conservancy management' },
  {
    code: '77',
    section: 'N',
    zh: '生态保护和环境治理业',
    en: 'Ecological protection and environmental management',
  },
  { code: '78', section: 'N', zh: '公共设施管理业', en: 'Management of public facilities' },
  { code: '79', section: 'N', zh: '土地管理业', en: 'Land management' },
  // O 居民服务、修理和其他服务业
  { code: '80', section: 'O', zh: '居民服务业', en: 'Resident services' },
  {
    code: '81',
    section: 'O',
    zh: '机动车、电子产品和日用产品修理业',
    en: 'Repair of motor vehicles, electronic products and household goods',
  },
  { code: '82', section: 'O', zh: '其他服务业', en: 'Other services' },
  // P 教育
  { code: '83', section: 'P', zh: '教育', en: 'Education' },
  // Q 卫生和社会工作
  { code: '84', section: 'Q', zh: '卫生', en: 'Health' },
  { code: '85', section: 'Q', zh: '社会工作', en: 'Social work' },
  // R 文化、体育和娱乐业
  { code: '86', section: 'R', zh: '新闻和出版业', en: 'News and publishing' },
  {
    code: '87',
    section: 'R',
    zh: '广播、电视、电影和录音制作业',
    en: 'Radio, television, film and sound recording production',
  },
  { code: '88', section: 'R', zh: '文化艺术业', en: 'Culture and arts' },
  { code: '89', section: 'R', zh: '体育', en: 'Sports' },
  { code: '90', section: 'R', zh: '娱乐业', en: 'Entertainment' },
  // S 公共管理、社会保障和社会组织
  { code: '91', section: 'S', zh: '中国共产党机关', en: 'Organs of the Communist Party of China' },
  { code: '92', section: 'S', zh: '国家机构', en: 'State organs' },
  {
    code: '93',
    section: 'S',
    zh: '人民政协、民主党派',
    en: "People's Political Consultative Conference and democratic parties",
  },
  { code: '94', section: 'S', zh: '社会保障', en: 'Social security' },
  {
    code: '95',
    section: 'S',
    zh: '群众团体、社会团体和其他成员组织',
    en: 'Mass organisations, social organisations and other membership organisations',
  },
  {
    code: '96',
    section: 'S',
    zh: '基层群众自治组织及其他组织',
    en: 'Grassroots self-governing organisations and other organisations',
  },
  // T 国际组织
  { code: '97', section: 'T', zh: '国际组织', en: 'International organisations' },
];

const SECTIONS_BY_CODE: ReadonlyMap<string, IndustrySection> = new Map(
  INDUSTRY_SECTIONS.map((section) => [section.code, section]),
);
const DIVISIONS_BY_CODE: ReadonlyMap<string, IndustryDivision> = new Map(
  INDUSTRY_DIVISIONS.map((division) => [division.code, division]),
);

/** True for a section letter (A–T, capital) or a two-digit division code (01–97). */
export function isIndustryCode(code: unknown): code is string {
  return typeof code === 'string' && (SECTIONS_BY_CODE.has(code) || DIVISIONS_BY_CODE.has(code));
}

/** The section letter of a section or division code, or null for an unknown code. */
export function industrySectionOf(code: string): string | null {
  if (SECTIONS_BY_CODE.has(code)) return code;
  return DIVISIONS_BY_CODE.get(code)?.section ?? null;
}

/**
 * The code followed by its name, e.g. 'C 制造业', '39 计算机、通信和其他电子设备制造业' or
 * '39 Manufacture of computers, communication and other electronic equipment'; null for an
 * unknown code.
 */
export function industryLabel(code: string, locale: Locale): string | null {
  const entry = SECTIONS_BY_CODE.get(code) ?? DIVISIONS_BY_CODE.get(code);
  if (!entry) return null;
  return `${entry.code} ${locale === 'zh-CN' ? entry.zh : entry.en}`;
}
