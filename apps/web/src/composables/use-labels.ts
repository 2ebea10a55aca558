import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { formatArea, formatRentPerM2, type Labels, type Locale } from '@factoryspace/domain';

export function enumLabel<T extends string>(
  table: Labels<T>,
  value: T | null | undefined,
  locale: Locale,
): string {
  if (value === null || value === undefined) return '—';
  return table[value]?.[locale] ?? value;
}

export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

export function formatNumber(value: number, locale: Locale, maxFractionDigits = 2): string {
  return value.toLocaleString(locale, { maximumFractionDigits: maxFractionDigits });
}

/** Locale-aware labels and formats for templates. */
export function useLabels() {
  const { locale } = useI18n();
  const current = computed(() => locale.value as Locale);
  return {
    locale: current,
    label: <T extends string>(table: Labels<T>, value: T | null | undefined) =>
      enumLabel(table, value, current.value),
    area: (m2: number | null | undefined) =>
      m2 === null || m2 === undefined ? '—' : formatArea(m2, current.value),
    rent: (fen: number | null | undefined) =>
      fen === null || fen === undefined ? '—' : formatRentPerM2(fen, current.value),
    dateTime: (iso: string | null | undefined) => (iso ? formatDateTime(iso, current.value) : '—'),
    number: (value: number | null | undefined, digits = 2) =>
      value === null || value === undefined ? '—' : formatNumber(value, current.value, digits),
  };
}
