/**
 * The `from` / `to` filter of the audit log: calendar dates in China time (Asia/Shanghai, UTC+8,
 * no daylight saving), both inclusive. `from` starts at 00:00 that day in China, `to` ends at the
 * end of that day in China, whatever the server's time zone.
 */
const CHINA_UTC_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

export interface InstantRange {
  /** occurred_at >= start */
  start?: Date;
  /** occurred_at < end */
  end?: Date;
}

/** `from`/`to` (YYYY-MM-DD, already validated) as a half-open range of instants. */
export function chinaDayRange(from?: string, to?: string): InstantRange {
  const range: InstantRange = {};
  if (from) range.start = new Date(`${from}T00:00:00${CHINA_UTC_OFFSET}`);
  if (to) range.end = new Date(new Date(`${to}T00:00:00${CHINA_UTC_OFFSET}`).getTime() + DAY_MS);
  return range;
}
