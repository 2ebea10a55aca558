/**
 * The SQL that generates the units of the national bench data set inside PostgreSQL: one
 * INSERT … SELECT over the planned buildings (table bench.plan) × generate_series per chunk. Every
 * random draw is bench.rnd(seed, row number, salt), a hash of the unit's row number, so the data
 * set is the same for a seed on every run and every server, however the rows are scheduled.
 *
 * Distributions (docs/benchmarks.md): gross area log-normal (median ≈ 2,000 m², 200–50,000);
 * floor load 20–50 kN/m² on ground floors, 5–15 above; floor height 6–15 m for single-storey
 * workshops, 4–6 m upstairs; power 0–5,000 kVA; classes quality/general/difficult ≈ 60/30/10 %;
 * occupancy vacant ≈ 55 %, reserved ≈ 8 %, leased ≈ 28 %, unavailable ≈ 9 %; 85 % listed;
 * vacant since 0–8 years before the reference date; list rent 800–3,500 fen/m²/month.
 *
 * Columns maintained by triggers (search tokens, publication time) are left to them.
 */
import {
  INDUSTRIES,
  INDUSTRY_LABELS,
  STRUCTURE_TYPES,
  STRUCTURE_TYPE_LABELS,
} from '@factoryspace/domain';

/** The day the data describe; vacant-since dates lie before it (CHECK: not in the future). */
export const BENCH_REFERENCE_DATE = '2026-11-01';

export const RND_FUNCTION_SQL = `
  CREATE OR REPLACE FUNCTION bench.rnd(seed bigint, n bigint, salt integer)
  RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (hashint8extended(n, seed * 1009 + salt) & 4503599627370495)::double precision / 4503599627370496.0 $$`;

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (items: readonly string[]) => `ARRAY[${items.map(literal).join(', ')}]::text[]`;

/** Two name words per industry, in INDUSTRIES order. */
const NAME_WORDS: Record<(typeof INDUSTRIES)[number], readonly [string, string]> = {
  equipment_manufacturing: ['机械加工', '装备制造'],
  opto_mechatronics: ['光电', '精密机电'],
  new_materials: ['新材料', '复合材料'],
  food_processing: ['食品加工', '食品生产'],
  biomedicine: ['医药洁净', '生物医药'],
  electronics: ['电子装配', '电子信息'],
  surface_treatment: ['表面处理', '电镀配套'],
  textiles_apparel: ['纺织', '服装加工'],
  new_energy: ['新能源', '光伏组件'],
  logistics_warehousing: ['仓储物流', '冷链仓储'],
  light_industry: ['轻工', '日用品加工'],
  other: ['通用', '多功能'],
};

const USE_PHRASES: Record<(typeof INDUSTRIES)[number], string> = {
  equipment_manufacturing: '可承接机械加工、装备制造、金属结构件生产',
  opto_mechatronics: '适合光电器件、精密机电组装',
  new_materials: '适合新材料中试及复合材料生产',
  food_processing: '满足食品生产许可车间要求，可配套冷库',
  biomedicine: '可改造为GMP洁净车间，适合医药、医疗器械生产',
  electronics: '可改造为无尘车间，适合电子元器件、智能终端装配',
  surface_treatment: '位于表面处理集中区，具备废水预处理条件',
  textiles_apparel: '适合纺织、服装、鞋帽加工',
  new_energy: '适合新能源电池、光伏组件及储能设备生产',
  logistics_warehousing: '适合仓储物流、电商分拨，可停靠大型货车',
  light_industry: '适合轻工、家具、日用品加工',
  other: '用途灵活，可按需分隔',
};

const GENERAL_REASONS = [
  '层高偏低，仅适合轻型加工',
  '配电容量不足，需增容',
  '位置偏远，交通不便',
  '需局部改造后使用',
  '面积偏小，需分割出租',
  '屋面需维修',
];
const DIFFICULT_REASONS = [
  '产权纠纷未解决',
  '消防验收未通过，需整改',
  '环评手续不全',
  '结构安全需鉴定',
  '原企业破产清算中',
  '土地性质待变更',
];
const IDLE_TEXTS: Record<string, string> = {
  no_tenant_found: '暂无合适承租企业',
  tenant_moved_out: '原承租企业搬迁',
  utilities_incomplete: '水电气配套尚未到位',
  plan_mismatch: '与园区产业规划不符',
  legal_dispute: '存在产权纠纷',
  compliance_rectification: '消防、环保整改中',
  acceptance_pending: '竣工验收未完成',
  other: '其他原因',
};
const UTILITY_NOTES = [
  '双回路供电',
  '已接入天然气管网',
  '园区集中污水处理',
  '配备独立变电站',
  '预留危废暂存间',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const PHONE_PREFIXES = ['38', '39', '35', '36', '37', '58', '59', '86', '88', '89', '77', '80'];

/** Salts of the random draws (one independent uniform per purpose). */
const DRAWS = 42;
const FLAG_SALT = 50;

/** The INSERT for the units of the planned buildings (table bench.plan) in chunk $1. */
export function unitsInsertSql(seed: number): string {
  if (!Number.isSafeInteger(seed)) throw new Error('seed must be an integer');
  const u = (salt: number) => `bench.rnd(${seed}, b.unit_start + g.i, ${salt})`;
  const draws = Array.from({ length: DRAWS }, (_, k) => `${u(k + 1)} AS u${k + 1}`);
  const flagDraws = INDUSTRIES.map((_, k) => `${u(FLAG_SALT + k)} AS uf${k}`);
  const industryCount = INDUSTRIES.length;
  const flags = INDUSTRIES.map((industry, k) => {
    const p = industry === 'other' ? 0.02 : 0.12;
    return `(s.prim = ${k} OR s.uf${k} < ${p}) AS f${k}`;
  }).join(',\n    ');
  const industryArray = INDUSTRIES.map((v, k) => `CASE WHEN c.f${k} THEN ${literal(v)} END`).join(
    ', ',
  );
  const industryLabels = INDUSTRIES.filter((v) => v !== 'other')
    .map(
      (v) =>
        `CASE WHEN c.f${INDUSTRIES.indexOf(v)} THEN ${literal(INDUSTRY_LABELS[v]['zh-CN'])} END`,
    )
    .join(', ');
  const nameWords = textArray(INDUSTRIES.flatMap((v) => NAME_WORDS[v]));
  const usePhrases = textArray(INDUSTRIES.map((v) => USE_PHRASES[v]));
  const structureLabel = `CASE c.structure_type ${STRUCTURE_TYPES.map(
    (t) => `WHEN ${literal(t)} THEN ${literal(STRUCTURE_TYPE_LABELS[t]['zh-CN'])}`,
  ).join(' ')} END`;
  const idleText = `CASE c.idle_reason_category ${Object.entries(IDLE_TEXTS)
    .map(([k, v]) => `WHEN ${literal(k)} THEN ${literal(v)}`)
    .join(' ')} END`;
  const ref = `TIMESTAMPTZ '${BENCH_REFERENCE_DATE} 10:00:00+08'`;

  // Four layers, each fenced with OFFSET 0 so that a value drawn once is used consistently:
  // r draws, s derives class/occupancy/area/floors, c industries/idle reason/power, then the row.
  return `
INSERT INTO units (
  id, zone_id, park_id, building_id, building_floors, code, name, address, location,
  gross_area, usable_area, floor_from, floor_to, structure_type, floor_height_m, floor_load_kn_m2,
  crane_capacity_t, power_capacity_kva, has_water, has_gas, has_heating, has_sewage, has_fibre,
  utilities_note, fire_safety_status, environmental_status, acceptance_status, completion_year,
  unit_class, class_reason, occupancy_status, vacant_since, idle_reason_category, idle_reason_text,
  list_rent_fen, suitable_industries, description, contact_name, contact_phone, is_listed,
  created_at, updated_at, deleted_at
)
SELECT
  md5('bench:${seed}:unit:' || c.n)::uuid,
  c.zone_id, c.park_id, c.building_id, c.floors,
  c.building_code || '-' || c.floor_from || lpad((c.i + 1)::text, 2, '0'),
  c.building_name || CASE WHEN c.floors > 1 THEN c.floor_from || '层' ELSE '' END
    || (${nameWords})[2 * c.prim + 1 + (c.u10 < 0.5)::int]
    || CASE WHEN c.floors = 1 THEN '车间' ELSE '厂房' END,
  c.address,
  point(round((c.lng + (c.u11 - 0.5) * 0.0004)::numeric, 6)::float8,
        round((c.lat + (c.u12 - 0.5) * 0.0003)::numeric, 6)::float8),
  c.gross_area,
  CASE WHEN c.u13 < 0.1 THEN NULL ELSE round(c.gross_area * (0.82 + 0.13 * c.u14)::numeric, 2) END,
  c.floor_from, c.floor_to, c.structure_type, c.floor_height_m, c.floor_load_kn_m2, c.crane_capacity_t,
  c.power_capacity_kva,
  c.u15 < 0.95, c.u16 < 0.45, c.u17 < CASE WHEN c.north THEN 0.65 ELSE 0.12 END, c.u18 < 0.85, c.u19 < 0.8,
  CASE WHEN c.u20 < 0.15 THEN (${textArray(UTILITY_NOTES)})[1 + floor(c.u21 * ${UTILITY_NOTES.length})::int] END,
  CASE WHEN c.acceptance_status = 'under_construction' THEN 'not_inspected'
       WHEN c.u22 < 0.8 THEN 'passed' WHEN c.u22 < 0.88 THEN 'rectification_required' ELSE 'not_inspected' END,
  CASE WHEN c.u23 < 0.75 THEN 'approved' WHEN c.u23 < 0.82 THEN 'rectification_required' ELSE 'not_assessed' END,
  c.acceptance_status, c.completion_year,
  c.unit_class,
  CASE c.unit_class
    WHEN 'general' THEN (${textArray(GENERAL_REASONS)})[1 + floor(c.u24 * ${GENERAL_REASONS.length})::int]
    WHEN 'difficult' THEN (${textArray(DIFFICULT_REASONS)})[1 + floor(c.u24 * ${DIFFICULT_REASONS.length})::int]
  END,
  c.occupancy_status,
  CASE WHEN c.occupancy_status = 'vacant' OR (c.occupancy_status IN ('reserved', 'unavailable') AND c.u25 < 0.6)
       THEN DATE '${BENCH_REFERENCE_DATE}' - floor(power(c.u26, 1.5) * 2920)::int END,
  c.idle_reason_category,
  CASE WHEN c.idle_reason_category IS NOT NULL AND c.u27 < 0.7 THEN ${idleText} END,
  CASE WHEN c.u28 < 0.08 THEN NULL
       ELSE least(3500, greatest(800, (round(c.rent_base_fen * (0.7 + 0.6 * c.u29)
         * CASE WHEN c.floor_from = 1 THEN 1.1 ELSE 0.9 END / 10) * 10)::int)) END,
  array_remove(ARRAY[${industryArray}]::text[], NULL),
  ${structureLabel} || CASE WHEN c.floors = 1 THEN '单层厂房' ELSE c.floors || '层厂房' END
    || '，面积' || c.gross_area || '㎡，层高' || c.floor_height_m || '米，地面承重'
    || c.floor_load_kn_m2 || 'kN/㎡'
    || CASE WHEN c.crane_capacity_t IS NOT NULL THEN '，配' || c.crane_capacity_t || '吨行车' ELSE '' END
    || CASE WHEN c.power_capacity_kva > 0 THEN '，配电' || c.power_capacity_kva || 'kVA' ELSE '' END
    || '。' || (${usePhrases})[c.prim + 1]
    || coalesce('，推荐' || nullif(concat_ws('、', ${industryLabels}), '') || '等产业', '') || '。',
  substr('${SURNAMES}', 1 + floor(c.u30 * ${SURNAMES.length})::int, 1)
    || (ARRAY['经理', '先生', '女士', '主任'])[1 + floor(c.u31 * 4)::int],
  '1' || (${textArray(PHONE_PREFIXES)})[1 + floor(c.u32 * ${PHONE_PREFIXES.length})::int]
    || lpad(floor(c.u33 * 100000000)::bigint::text, 8, '0'),
  c.u34 < 0.85,
  c.created_at,
  c.updated_at,
  CASE WHEN c.u35 < 0.003 THEN c.updated_at END
FROM (
  SELECT s.*,
    ${flags},
    CASE WHEN s.occupancy_status IN ('vacant', 'unavailable') THEN
      CASE
        WHEN s.acceptance_status = 'under_construction' THEN 'acceptance_pending'
        WHEN s.unit_class = 'quality' THEN CASE WHEN s.u7 < 0.7 THEN 'no_tenant_found' ELSE 'tenant_moved_out' END
        WHEN s.unit_class = 'general' THEN CASE WHEN s.u7 < 0.35 THEN 'no_tenant_found' WHEN s.u7 < 0.6 THEN 'utilities_incomplete'
          WHEN s.u7 < 0.8 THEN 'plan_mismatch' ELSE 'tenant_moved_out' END
        ELSE CASE WHEN s.u7 < 0.35 THEN 'legal_dispute' WHEN s.u7 < 0.7 THEN 'compliance_rectification'
          WHEN s.u7 < 0.9 THEN 'acceptance_pending' ELSE 'other' END
      END
    END AS idle_reason_category,
    CASE WHEN s.u39 < 0.05 THEN NULL
         ELSE least(5000, round(s.gross_area * (0.05 + 0.25 * s.u38)::numeric / 50) * 50)::int END AS power_capacity_kva
  FROM (
    SELECT r.*,
      CASE WHEN r.floor_from < r.floors AND r.u36 < 0.12 THEN r.floor_from + 1 ELSE r.floor_from END AS floor_to,
      CASE WHEN r.u3 < 0.6 THEN 'quality' WHEN r.u3 < 0.9 THEN 'general' ELSE 'difficult' END AS unit_class,
      CASE WHEN r.acceptance_status = 'under_construction' THEN 'unavailable'
        WHEN r.u3 < 0.6 THEN CASE WHEN r.u37 < 0.55 THEN 'vacant' WHEN r.u37 < 0.65 THEN 'reserved' WHEN r.u37 < 0.97 THEN 'leased' ELSE 'unavailable' END
        WHEN r.u3 < 0.9 THEN CASE WHEN r.u37 < 0.6 THEN 'vacant' WHEN r.u37 < 0.66 THEN 'reserved' WHEN r.u37 < 0.94 THEN 'leased' ELSE 'unavailable' END
        ELSE CASE WHEN r.u37 < 0.45 THEN 'vacant' WHEN r.u37 < 0.47 THEN 'reserved' WHEN r.u37 < 0.55 THEN 'leased' ELSE 'unavailable' END
      END AS occupancy_status,
      CASE WHEN r.u41 < 0.75 THEN r.theme ELSE floor(r.u42 * ${industryCount})::int END AS prim,
      round(least(50000, greatest(200, exp(ln(2000) + 0.85 * sqrt(-2 * ln(1 - r.u1)) * cos(2 * pi() * r.u2)
        + CASE WHEN r.floors = 1 THEN 0.25 WHEN r.floor_from > 1 THEN -0.2 ELSE 0 END)))::numeric, 2) AS gross_area,
      CASE WHEN r.floor_from > 1 THEN round((4 + 2 * r.u40)::numeric, 1)
           WHEN r.floors = 1 THEN round((6 + 9 * power(r.u40, 1.3))::numeric, 1)
           ELSE round((5 + 3 * r.u40)::numeric, 1) END AS floor_height_m,
      CASE WHEN r.floor_from = 1 THEN (20 + 5 * floor(r.u4 * 7))::numeric
           ELSE (round((5 + 10 * r.u4)::numeric * 2, 0) / 2)::numeric(7, 1) END AS floor_load_kn_m2,
      CASE WHEN r.floors = 1 AND r.structure_type IN ('steel', 'steel_concrete') AND r.u5 < 0.35
           THEN (ARRAY[5, 10, 16, 20, 32, 50])[1 + floor(r.u6 * 6)::int]::numeric END AS crane_capacity_t,
      ${ref} - r.u8 * INTERVAL '1800 days' AS created_at,
      ${ref} - (1 - r.u9) * r.u8 * INTERVAL '1800 days' AS updated_at
    FROM (
      SELECT b.building_id, b.zone_id, b.park_id, b.floors, b.building_code, b.building_name, b.address,
        b.lng, b.lat, b.structure_type, b.acceptance_status, b.completion_year, b.theme, b.rent_base_fen, b.north,
        g.i, b.unit_start + g.i AS n, 1 + g.i % b.floors AS floor_from,
        ${draws.join(',\n        ')},
        ${flagDraws.join(',\n        ')}
      FROM bench.plan b
      CROSS JOIN LATERAL generate_series(0, b.unit_count - 1) AS g(i)
      WHERE b.chunk = $1
      OFFSET 0
    ) r
    OFFSET 0
  ) s
  OFFSET 0
) c`;
}
