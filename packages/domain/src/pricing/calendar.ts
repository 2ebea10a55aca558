/** Lease months: month i of a lease starts i − 1 calendar months after its first day. */

/**
 * `start` (YYYY-MM-DD, valid) plus `months` calendar months, the day clamped to the end of the
 * target month: 2026-01-31 + 1 → 2026-02-28, + 2 → 2026-03-31 (always counted from `start`).
 */
export function addMonthsClamped(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
