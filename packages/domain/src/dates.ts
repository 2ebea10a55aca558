/**
 * Calendar dates as ISO strings (YYYY-MM-DD). Zones are in China, so "today" is the date in
 * Asia/Shanghai (UTC+8, no daylight saving), whatever the server's or the browser's time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's date in China as YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Whole calendar months from `from` to `to` (e.g. 2024-03-15 → 2024-05-14 is 1 month,
 * → 2024-05-15 is 2). Zero when `to` is not after `from`.
 */
export function monthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return Math.max(0, months);
}

export interface IdleDuration {
  days: number;
  months: number;
}

/** How long a unit has been idle, derived from its vacant-since date (一厂一档: 闲置时长). */
export function idleDuration(
  vacantSince: string | null,
  today: string = todayInChina(),
): IdleDuration | null {
  if (!vacantSince) return null;
  return {
    days: Math.max(0, daysBetween(vacantSince, today)),
    months: monthsBetween(vacantSince, today),
  };
}
