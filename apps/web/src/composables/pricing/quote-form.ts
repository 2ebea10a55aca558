/**
 * Pure helpers of the quote calculator and the policy pages: the terms a profile may choose, the
 * start months on offer, the profile a firm's record implies, and money / rent formats.
 */
import {
  formatYuan,
  maxTermFor,
  todayInChina,
  type ApplicantProfile,
  type Locale,
  type RentPolicyRules,
  type SpecialisedLevel,
} from '@factoryspace/domain';

/** The usual lease lengths, offered as one-tap choices when the policy allows them. */
export const COMMON_TERMS = [12, 24, 36, 48, 60] as const;

export const EMPTY_PROFILE: ApplicantProfile = Object.freeze({
  leadingIndustry: false,
  highTech: false,
  specialisedLevel: null,
}) as ApplicantProfile;

export interface TermRange {
  min: number;
  max: number;
}

/** The allowed term range for a profile under a policy: min term .. maxTermFor(profile). */
export function termRange(rules: RentPolicyRules, profile: ApplicantProfile): TermRange {
  const min = rules.minTermMonths;
  const max = Math.max(min, maxTermFor(rules, profile));
  return { min, max };
}

/**
 * The one-tap terms: the common steps inside the range, plus the range's ends when they are not
 * among them (a 6-month minimum, a 120-month maximum for a qualifying firm).
 */
export function termOptions(rules: RentPolicyRules, profile: ApplicantProfile): number[] {
  const { min, max } = termRange(rules, profile);
  const options = new Set<number>([min]);
  for (const step of COMMON_TERMS) if (step >= min && step <= max) options.add(step);
  for (let step = 72; step <= max; step += 12) {
    if (step % 24 === 0 || step === max) options.add(step);
  }
  options.add(max);
  return [...options].sort((a, b) => a - b);
}

/** A term moved into the range (whole months); NaN gives the default. */
export function clampTerm(term: number, range: TermRange): number {
  if (!Number.isFinite(term)) return defaultTerm(range);
  return Math.min(range.max, Math.max(range.min, Math.round(term)));
}

/** 36 months when allowed, else the nearest end of the range. */
export function defaultTerm(range: TermRange): number {
  return Math.min(range.max, Math.max(range.min, 36));
}

/** YYYY-MM-01 of the month `offset` months after the month of `today` (YYYY-MM-DD). */
export function firstOfMonth(today: string, offset: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/**
 * The start months offered: the first day of next month and of the 23 months after it (the API
 * accepts a start between today and today + 2 years, China time).
 */
export function startMonthOptions(today: string = todayInChina(), count = 24): string[] {
  return Array.from({ length: count }, (_, i) => firstOfMonth(today, i + 1));
}

/** "2026年3月" / "Mar 2026". */
export function formatMonth(isoDate: string, locale: Locale): string {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  if (locale === 'zh-CN') return `${y}年${m}月`;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en', {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** The firm fields a profile is read from (`FirmResponseDto`). */
export interface FirmQualifications {
  highTechCertificateNo: string | null;
  highTechExpiresOn: string | null;
  specialisedLevel: SpecialisedLevel | null;
}

/**
 * The profile a firm's record implies: high-tech when it has a certificate that has not expired,
 * its 专精特新 level. Whether the project is in a leading industry depends on the project, not
 * the firm, so it stays unticked.
 */
export function profileFromFirm(
  firm: FirmQualifications,
  today: string = todayInChina(),
): ApplicantProfile {
  const certified = Boolean(firm.highTechCertificateNo);
  const current = !firm.highTechExpiresOn || firm.highTechExpiresOn >= today;
  return {
    leadingIndustry: false,
    highTech: certified && current,
    specialisedLevel: firm.specialisedLevel,
  };
}

/** A whole-fen amount as money ("¥12,345.67"). */
export function money(fen: number, locale: Locale): string {
  return formatYuan(fen, locale);
}

/** A rent in fen per m² per month (two decimals allowed) as "¥12.35/㎡·月" / "¥12.35/m²/month". */
export function rentPerM2(fenPerM2: number, locale: Locale): string {
  const yuan = (fenPerM2 / 100).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return locale === 'zh-CN' ? `¥${yuan}/㎡·月` : `¥${yuan}/m²/month`;
}

/** A percentage with up to two decimals ("12.5%"). */
export function percent(value: number, locale: Locale): string {
  return `${value.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en', {
    maximumFractionDigits: 2,
  })}%`;
}

/** The same request twice? Used to skip a quote that would not change anything. */
export function sameProfile(a: ApplicantProfile, b: ApplicantProfile): boolean {
  return (
    a.leadingIndustry === b.leadingIndustry &&
    a.highTech === b.highTech &&
    a.specialisedLevel === b.specialisedLevel
  );
}

/**
 * The unit a preview or comparison starts with: the highest floor among mid-size units
 * (1,000–10,000 m²; ties by code), where floor and area tiers are usually at work; else the first.
 */
export function sampleUnitOf<T extends { floorFrom: number; grossArea: number; code: string }>(
  units: readonly T[],
): T | undefined {
  const midSize = units.filter((u) => u.grossArea >= 1000 && u.grossArea <= 10_000);
  const [best] = [...midSize].sort(
    (x, y) => y.floorFrom - x.floorFrom || x.code.localeCompare(y.code),
  );
  return best ?? units[0];
}
