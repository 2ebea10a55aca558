/**
 * Formats a stored dossier value for people (history before → after, detail tabs): enum labels
 * from the domain package, rent in yuan, areas in ㎡, booleans as yes/no.
 */
import {
  ACCEPTANCE_STATUS_LABELS,
  ENVIRONMENTAL_STATUS_LABELS,
  FIRE_SAFETY_STATUS_LABELS,
  IDLE_REASON_LABELS,
  INDUSTRY_LABELS,
  OCCUPANCY_STATUS_LABELS,
  STRUCTURE_TYPE_LABELS,
  UNIT_CLASS_LABELS,
  formatArea,
  formatRentPerM2,
  knPerM2ToTonnesPerM2,
  type Labels,
  type Locale,
} from '@factoryspace/domain';

const ENUM_FIELDS: Record<string, Labels<string>> = {
  unitClass: UNIT_CLASS_LABELS,
  occupancyStatus: OCCUPANCY_STATUS_LABELS,
  acceptanceStatus: ACCEPTANCE_STATUS_LABELS,
  structureType: STRUCTURE_TYPE_LABELS,
  fireSafetyStatus: FIRE_SAFETY_STATUS_LABELS,
  environmentalStatus: ENVIRONMENTAL_STATUS_LABELS,
  idleReasonCategory: IDLE_REASON_LABELS,
};

const YES_NO: Record<Locale, [string, string]> = {
  'zh-CN': ['是', '否'],
  en: ['Yes', 'No'],
};

function num(value: number, locale: Locale): string {
  return value.toLocaleString(locale, { maximumFractionDigits: 2 });
}

export function formatFieldValue(field: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const table = ENUM_FIELDS[field];
  if (table && typeof value === 'string') return table[value]?.[locale] ?? value;
  if (field === 'suitableIndustries' && Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value
      .map(
        (item) => INDUSTRY_LABELS[item as keyof typeof INDUSTRY_LABELS]?.[locale] ?? String(item),
      )
      .join(locale === 'zh-CN' ? '、' : ', ');
  }
  if (typeof value === 'boolean') return YES_NO[locale][value ? 0 : 1];
  if (typeof value === 'number') {
    switch (field) {
      case 'listRentFen':
        return formatRentPerM2(value, locale);
      case 'grossArea':
      case 'usableArea':
        return formatArea(value, locale);
      case 'floorLoadKnM2':
        return `${num(value, locale)} kN/㎡ (≈ ${num(knPerM2ToTonnesPerM2(value), locale)} t/㎡)`;
      case 'floorHeightM':
        return `${num(value, locale)} m`;
      case 'craneCapacityT':
        return `${num(value, locale)} t`;
      case 'powerCapacityKva':
        return `${num(value, locale)} kVA`;
      case 'completionYear':
      case 'floorFrom':
      case 'floorTo':
      case 'version':
        return String(value);
      default:
        return num(value, locale);
    }
  }
  if (Array.isArray(value)) {
    return value.length ? JSON.stringify(value) : '—';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
