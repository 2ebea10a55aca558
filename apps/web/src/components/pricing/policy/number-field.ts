/**
 * How the policy editor reads its number fields: an empty field gives `null` for the optional
 * "to" ends (open band) and `''`-free NaN-free numbers otherwise; text that is not a number is
 * kept as NaN so validateRentPolicy reports it, as the API would.
 */
export function readNumber(event: Event): number {
  const text = (event.target as HTMLInputElement).value.trim();
  return text === '' ? Number.NaN : Number(text);
}

/** An open end: empty means null ("and above"). */
export function readOptionalNumber(event: Event): number | null {
  const text = (event.target as HTMLInputElement).value.trim();
  return text === '' ? null : Number(text);
}

/** The value to show in a number input (NaN and null as empty). */
export function shown(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
}
