/** Formats shared by the unit, favourites and compare pages. */
import { fenToYuan, type Locale } from '@factoryspace/domain';

/** The monthly rent of a whole unit in yuan (list rent per m² × gross area), or null. */
export function monthlyRentYuan(listRentFen: number | null, grossArea: number): number | null {
  if (listRentFen === null || !Number.isFinite(grossArea)) return null;
  return Math.round(fenToYuan(listRentFen) * grossArea);
}

/** "12,345 元" / "¥12,345": a whole-yuan amount. */
export function formatYuan(yuan: number, locale: Locale): string {
  const text = Math.round(yuan).toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en', {
    maximumFractionDigits: 0,
  });
  return locale === 'zh-CN' ? `${text} 元` : `¥${text}`;
}

/** A unit's monthly total as text, or null when the rent is negotiable. */
export function formatMonthlyRent(
  listRentFen: number | null,
  grossArea: number,
  locale: Locale,
): string | null {
  const yuan = monthlyRentYuan(listRentFen, grossArea);
  return yuan === null ? null : formatYuan(yuan, locale);
}
