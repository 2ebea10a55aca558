/**
 * The explanation of a quote: one sentence per rule, in Chinese and English, with the numbers
 * formatted for people (¥12,345.67, 2,500㎡ / 2,500 m², 12.5%). Codes are stable UPPER_SNAKE
 * strings the web app may key on:
 *
 * LIST_RENT · FLOOR_TIER | FLOOR_TIER_NONE · AREA_TIER | AREA_TIER_NONE · QUALIFICATION (one per
 * applied group) | QUALIFICATION_NONE · YEAR_DISCOUNT · STACKING · STACKING_CAP_APPLIED ·
 * BEST_OF_CHOICE (one per chosen rule) · MIN_RENT | MIN_RENT_APPLIED · RENT_FREE · DEFERRAL ·
 * DEFERRAL_CLAMPED · TERM | TERM_EXTENDED · TOTALS
 */
import { SPECIALISED_LEVEL_LABELS } from '../labels';
import type { Labels } from '../labels';
import {
  formatAreaCenti,
  formatBasisPoints,
  formatHundredths,
  formatRentFenPerM2,
  formatYuan,
  roundHalfUpDiv,
  toHundredths,
} from './money';
import { QUALIFICATION_LABELS } from './labels';
import type { QuotePlan } from './plan';
import { yearDiscountFor } from './plan';
import { type AreaBandShare, basisPoints, centiM2 } from './tiers';
import type {
  AreaBand,
  DiscountKind,
  ExplanationLine,
  IncentiveGroup,
  Qualification,
  QuoteLine,
  QuoteTotals,
} from './types';

/** What happened in one month beyond what its line shows. */
export interface MonthNote {
  rentFree: boolean;
  /** The additive cap reduced the month's discount. */
  capBit: boolean;
  /** best_of: the rule that applied (null when none, or additive). */
  chosen: DiscountKind | null;
  /** The minimum rent lifted the month. */
  lifted: boolean;
}

const RULE_LABELS: Labels<'floor' | 'area' | 'year'> = {
  floor: { 'zh-CN': '楼层优惠', en: 'the floor discount' },
  area: { 'zh-CN': '面积优惠', en: 'the area discount' },
  year: { 'zh-CN': '年度优惠', en: 'the yearly discount' },
};

export function explainQuote(
  plan: QuotePlan,
  lines: readonly QuoteLine[],
  notes: readonly MonthNote[],
  totals: QuoteTotals,
): ExplanationLine[] {
  return [
    listRentLine(plan, lines),
    floorLine(plan),
    areaLine(plan),
    ...qualificationLines(plan),
    ...yearDiscountLines(plan, lines.length),
    ...stackingLines(plan, notes),
    ...minRentLines(plan, notes),
    ...rentFreeLines(plan, lines),
    ...deferralLines(plan, lines),
    termLine(plan),
    totalsLine(plan, totals),
  ];
}

function line(code: string, zh: string, en: string): ExplanationLine {
  return { code, zh, en };
}

function listRentLine(plan: QuotePlan, lines: readonly QuoteLine[]): ExplanationLine {
  const rentZh = formatRentFenPerM2(plan.rentFenPerM2, 'zh-CN');
  const rentEn = formatRentFenPerM2(plan.rentFenPerM2, 'en');
  const monthly = lines[0]?.listFen ?? 0;
  return line(
    'LIST_RENT',
    `挂牌租金 ${rentZh},面积 ${formatAreaCenti(plan.areaCenti, 'zh-CN')},每月 ${formatYuan(monthly, 'zh-CN')}`,
    `List rent ${rentEn} on ${formatAreaCenti(plan.areaCenti, 'en')}: ${formatYuan(monthly, 'en')} a month`,
  );
}

function floorLine(plan: QuotePlan): ExplanationLine {
  const floor = plan.input.unit.floor;
  if (plan.floorBp === 0n) {
    return line(
      'FLOOR_TIER_NONE',
      `楼层优惠:${floor}层不享受楼层优惠`,
      `Floor discount: none for floor ${floor}`,
    );
  }
  const pct = formatBasisPoints(plan.floorBp);
  return line(
    'FLOOR_TIER',
    `楼层优惠:${floor}层减${pct}`,
    `Floor discount: floor ${floor}, ${pct} off`,
  );
}

function bandRange(band: AreaBand, locale: 'zh-CN' | 'en'): string {
  const from = formatAreaCenti(centiM2(band.fromM2), locale);
  if (band.toM2 === null) return locale === 'zh-CN' ? `${from}以上` : `${from} and above`;
  const to = formatAreaCenti(centiM2(band.toM2), locale);
  return `${formatHundredths(centiM2(band.fromM2), true)}–${to}`;
}

function areaLine(plan: QuotePlan): ExplanationLine {
  const area = plan.area;
  if (!area)
    return line(
      'AREA_TIER_NONE',
      '面积优惠:本政策不设面积阶梯',
      'Area discount: the policy has no area bands',
    );
  const blended = formatBasisPoints(area.blendedBp);
  if (area.mode === 'whole') {
    const share = area.shares[0];
    const areaZh = formatAreaCenti(plan.areaCenti, 'zh-CN');
    const areaEn = formatAreaCenti(plan.areaCenti, 'en');
    if (!share || share.bp === 0n) {
      const zhBand = share ? `属于${bandRange(share.band, 'zh-CN')}档,` : '';
      const enBand = share ? ` falls in the band ${bandRange(share.band, 'en')} and` : '';
      return line(
        'AREA_TIER',
        `面积优惠(按整体面积):${areaZh}${zhBand}不享受面积优惠`,
        `Area discount (whole area): ${areaEn}${enBand} gets none`,
      );
    }
    return line(
      'AREA_TIER',
      `面积优惠(按整体面积):${areaZh}属于${bandRange(share.band, 'zh-CN')}档,整体减${blended}`,
      `Area discount (whole area): ${areaEn} falls in the band ${bandRange(share.band, 'en')}, ${blended} off the whole area`,
    );
  }
  const partsZh = area.shares.map(
    (s: AreaBandShare) =>
      `${bandRange(s.band, 'zh-CN')}部分${formatAreaCenti(s.areaCenti, 'zh-CN')}减${formatBasisPoints(s.bp)}`,
  );
  const partsEn = area.shares.map(
    (s: AreaBandShare) =>
      `${formatAreaCenti(s.areaCenti, 'en')} in ${bandRange(s.band, 'en')} at ${formatBasisPoints(s.bp)}`,
  );
  return line(
    'AREA_TIER',
    `面积优惠(分段累进):${partsZh.join(';')};综合减${blended}`,
    `Area discount (marginal bands): ${partsEn.join('; ')}; blended ${blended} off`,
  );
}

/** The group's name; for 专精特新 the applicant's level (e.g. "省级专精特新中小企业"). */
function groupName(group: IncentiveGroup, plan: QuotePlan, locale: 'zh-CN' | 'en'): string {
  const level = plan.input.profile.specialisedLevel;
  if (group.qualification === 'specialised' && level !== null) {
    return SPECIALISED_LEVEL_LABELS[level][locale];
  }
  return QUALIFICATION_LABELS[group.qualification][locale];
}

function qualificationName(q: Qualification, plan: QuotePlan, locale: 'zh-CN' | 'en'): string {
  const group = plan.groups.find((g) => g.qualification === q);
  return group ? groupName(group, plan, locale) : QUALIFICATION_LABELS[q][locale];
}

function qualificationLines(plan: QuotePlan): ExplanationLine[] {
  if (plan.groups.length === 0) {
    return [
      line(
        'QUALIFICATION_NONE',
        '专项优惠:未申报或不符合三大主导产业项目、高新技术企业、专精特新企业资格',
        'Special incentives: no leading-industry, high-tech or specialised-SME qualification applies',
      ),
    ];
  }
  return plan.groups.map((group) => {
    const years = group.yearDiscountPcts
      .map((pct, i) => ({ year: i + 1, bp: basisPoints(pct) }))
      .filter((y) => y.bp > 0n);
    const zh = years.map((y) => `第${y.year}年减${formatBasisPoints(y.bp)}`).join('、');
    const en = years.map((y) => `year ${y.year} ${formatBasisPoints(y.bp)} off`).join(', ');
    return line(
      'QUALIFICATION',
      `专项优惠资格:${groupName(group, plan, 'zh-CN')},逐年优惠${zh || '无'}`,
      `Qualifies as: ${groupName(group, plan, 'en')}; yearly discount ${en || 'none'}`,
    );
  });
}

function yearDiscountLines(plan: QuotePlan, term: number): ExplanationLine[] {
  const years = Array.from({ length: Math.ceil(term / 12) }, (_, i) => ({
    year: i + 1,
    discount: yearDiscountFor(plan.groups, i + 1),
  })).filter((y) => y.discount !== null);
  if (years.length === 0) return [];
  const zh = years.map(
    (y) =>
      `第${y.year}年减${formatBasisPoints(y.discount!.bp)}(${qualificationName(y.discount!.qualification, plan, 'zh-CN')})`,
  );
  const en = years.map(
    (y) =>
      `year ${y.year} ${formatBasisPoints(y.discount!.bp)} off (${qualificationName(y.discount!.qualification, plan, 'en')})`,
  );
  return [
    line(
      'YEAR_DISCOUNT',
      `年度优惠(各资格不叠加,每年取最优者):${zh.join('、')}`,
      `Yearly discount (qualifications do not add up; each year the best one applies): ${en.join(', ')}`,
    ),
  ];
}

function stackingLines(plan: QuotePlan, notes: readonly MonthNote[]): ExplanationLine[] {
  if (plan.capBp === null) {
    const out = [
      line(
        'STACKING',
        '叠加方式:楼层、面积、年度优惠不叠加,每月取其中最优的一项',
        'Stacking: the floor, area and yearly discounts do not add up; each month the largest one applies',
      ),
    ];
    const kinds = [
      ...new Set(
        notes
          .map((n) => n.chosen)
          .filter((k): k is 'floor' | 'area' | 'year' => k !== null && k in RULE_LABELS),
      ),
    ];
    for (const kind of kinds) {
      const months = monthsWhere(notes, (n) => n.chosen === kind);
      out.push(
        line(
          'BEST_OF_CHOICE',
          `${monthRangesZh(months)}采用${RULE_LABELS[kind]['zh-CN']}`,
          `${capitalise(monthRangesEn(months))}: ${RULE_LABELS[kind].en} applies`,
        ),
      );
    }
    return out;
  }
  const cap = formatBasisPoints(plan.capBp);
  const out = [
    line(
      'STACKING',
      `叠加方式:楼层、面积、年度优惠相加,合计最多减${cap}`,
      `Stacking: the floor, area and yearly discounts add up, capped at ${cap} off`,
    ),
  ];
  const capped = monthsWhere(notes, (n) => n.capBit);
  if (capped.length > 0) {
    out.push(
      line(
        'STACKING_CAP_APPLIED',
        `${monthRangesZh(capped)}的优惠合计超过${cap},按${cap}封顶`,
        `${capitalise(monthRangesEn(capped))}: the discounts add up to more than ${cap} and are capped at ${cap}`,
      ),
    );
  }
  return out;
}

function minRentLines(plan: QuotePlan, notes: readonly MonthNote[]): ExplanationLine[] {
  if (plan.minRentFenPerM2 === 0n) return [];
  const zhRent = formatRentFenPerM2(plan.minRentFenPerM2, 'zh-CN');
  const enRent = formatRentFenPerM2(plan.minRentFenPerM2, 'en');
  const lifted = monthsWhere(notes, (n) => n.lifted);
  if (lifted.length === 0) {
    return [
      line(
        'MIN_RENT',
        `最低租金 ${zhRent}(免租月除外):本次测算未触及`,
        `Minimum rent ${enRent} (except rent-free months): not reached in this quote`,
      ),
    ];
  }
  return [
    line(
      'MIN_RENT_APPLIED',
      `最低租金 ${zhRent}(免租月除外):${monthRangesZh(lifted)}优惠后低于最低租金,按最低租金收取`,
      `Minimum rent ${enRent} (except rent-free months): ${monthRangesEn(lifted)} would fall below it and are charged the minimum`,
    ),
  ];
}

function rentFreeLines(plan: QuotePlan, lines: readonly QuoteLine[]): ExplanationLine[] {
  const free = plan.rentFree;
  if (!free || free.months === 0) return [];
  const waived = lines.slice(0, free.months).reduce((sum, l) => sum + l.listFen, 0);
  const who = (locale: 'zh-CN' | 'en') => qualificationName(free.qualification, plan, locale);
  const clampZh = free.offered > free.months ? `(政策为${free.offered}个月,以租期为限)` : '';
  const clampEn =
    free.offered > free.months ? ` (the policy offers ${free.offered}, limited to the term)` : '';
  return [
    line(
      'RENT_FREE',
      `免租期(${who('zh-CN')}):${monthRangesZh(range(1, free.months))}免租${clampZh},共减免 ${formatYuan(waived, 'zh-CN')}`,
      `Rent-free (${who('en')}): ${monthRangesEn(range(1, free.months))} free${clampEn}, ${formatYuan(waived, 'en')} waived`,
    ),
  ];
}

function deferralLines(plan: QuotePlan, lines: readonly QuoteLine[]): ExplanationLine[] {
  const deferral = plan.deferral;
  if (!deferral) return [];
  const out: ExplanationLine[] = [];
  const { months: d, repayOverMonths: p, firstMonth: f } = deferral;
  const who = (locale: 'zh-CN' | 'en') => qualificationName(deferral.qualification, plan, locale);
  if (d > 0) {
    const total = lines.slice(f - 1, f - 1 + d).reduce((sum, l) => sum + l.deferredFen, 0);
    const share = Math.floor(total / p);
    const extra = total % p;
    const yuan = (fen: number) => formatYuan(fen, 'en'); // the same in both locales
    const zhInstalments =
      extra === 0
        ? `每期 ${yuan(share)}`
        : `前${extra}期每期 ${yuan(share + 1)},其余每期 ${yuan(share)}`;
    const enInstalments =
      extra === 0
        ? `${p} instalment(s) of ${yuan(share)}`
        : `${p} instalments: the first ${extra} of ${yuan(share + 1)}, the rest of ${yuan(share)}`;
    out.push(
      line(
        'DEFERRAL',
        `租金缓交(${who('zh-CN')}):${monthRangesZh(range(f, f + d - 1))}租金共 ${yuan(total)} 缓交,${monthRangesZh(range(f + d, f + d + p - 1))}分${p}期偿还,${zhInstalments}`,
        `Rent deferral (${who('en')}): ${yuan(total)} of rent for ${monthRangesEn(range(f, f + d - 1))} is deferred and repaid in ${monthRangesEn(range(f + d, f + d + p - 1))}, ${enInstalments}`,
      ),
    );
  }
  if (d < deferral.offeredMonths || p < deferral.offeredRepayOverMonths) {
    const term = lines.length;
    const offerZh = `政策允许缓交${deferral.offeredMonths}个月、分${deferral.offeredRepayOverMonths}个月偿还`;
    const freeZh = f > 1 ? `(其中免租${f - 1}个月)` : '';
    const freeEn = f > 1 ? ` with ${f - 1} rent-free month(s)` : '';
    const offerEn = `The policy allows deferring ${deferral.offeredMonths} month(s) and repaying over ${deferral.offeredRepayOverMonths}`;
    out.push(
      d === 0
        ? line(
            'DEFERRAL_CLAMPED',
            `${offerZh};租期${term}个月${freeZh},无法缓交`,
            `${offerEn}; a ${term}-month term${freeEn} leaves no room to defer`,
          )
        : line(
            'DEFERRAL_CLAMPED',
            `${offerZh};因租期为${term}个月${freeZh},调整为缓交${d}个月、分${p}个月偿还`,
            `${offerEn}; with a ${term}-month term${freeEn} this becomes ${d} month(s) deferred, repaid over ${p}`,
          ),
    );
  }
  return out;
}

function termLine(plan: QuotePlan): ExplanationLine {
  const { termMonths, rules } = plan.input;
  const min = rules.minTermMonths;
  const std = rules.standardMaxTermMonths;
  if (plan.maxTermGroup === null) {
    return line(
      'TERM',
      `租期 ${termMonths} 个月(最短 ${min} 个月,最长 ${std} 个月)`,
      `Term ${termMonths} months (minimum ${min}, maximum ${std})`,
    );
  }
  const max = plan.maxTermMonths;
  return line(
    'TERM_EXTENDED',
    `租期 ${termMonths} 个月(最短 ${min} 个月;标准最长 ${std} 个月,${qualificationName(plan.maxTermGroup, plan, 'zh-CN')}可延长至 ${max} 个月)`,
    `Term ${termMonths} months (minimum ${min}; the standard maximum of ${std} is extended to ${max} by the incentive for: ${qualificationName(plan.maxTermGroup, plan, 'en')})`,
  );
}

function totalsLine(plan: QuotePlan, totals: QuoteTotals): ExplanationLine {
  const term = BigInt(plan.input.termMonths);
  const effectiveFen = roundHalfUpDiv(BigInt(totals.rentFen) * 100n, plan.areaCenti * term);
  const savingsPct = formatBasisPoints(toHundredths(totals.savingsPct) ?? 0n);
  const y = (fen: number) => formatYuan(fen, 'zh-CN');
  return line(
    'TOTALS',
    `合计:挂牌租金 ${y(totals.listFen)},优惠 ${y(totals.savingsFen)}(${savingsPct}),应付租金 ${y(totals.rentFen)};折合实际租金 ${formatRentFenPerM2(effectiveFen, 'zh-CN')}`,
    `Total: list ${y(totals.listFen)}, savings ${y(totals.savingsFen)} (${savingsPct}), rent ${y(totals.rentFen)}; effective rent ${formatRentFenPerM2(effectiveFen, 'en')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Month ranges: [1, 2, 3, 7] → "第1–3、7个月" / "months 1–3, 7"

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function monthsWhere(notes: readonly MonthNote[], test: (note: MonthNote) => boolean): number[] {
  return notes.flatMap((note, i) => (test(note) ? [i + 1] : []));
}

function runs(months: readonly number[]): string[] {
  const out: string[] = [];
  let start = months[0];
  for (let i = 0; i < months.length; i += 1) {
    const current = months[i]!;
    if (months[i + 1] !== current + 1) {
      out.push(start === current ? `${current}` : `${start}–${current}`);
      start = months[i + 1];
    }
  }
  return out;
}

export function monthRangesZh(months: readonly number[]): string {
  return `第${runs(months).join('、')}个月`;
}

export function monthRangesEn(months: readonly number[]): string {
  return `${months.length === 1 ? 'month' : 'months'} ${runs(months).join(', ')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
