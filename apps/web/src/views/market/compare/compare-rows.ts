/**
 * The rows of the compare page: every industrial fact of a unit, how to show it, and how to
 * score it so the best value in a row can be highlighted.
 */
import {
  ACCEPTANCE_STATUS_LABELS,
  ENVIRONMENTAL_STATUS_LABELS,
  FIRE_SAFETY_STATUS_LABELS,
  INDUSTRY_LABELS,
  STRUCTURE_TYPE_LABELS,
  UNIT_CLASS_LABELS,
  UTILITIES,
  UTILITY_LABELS,
  formatArea,
  formatRentPerM2,
  knPerM2ToTonnesPerM2,
  type Locale,
  type UnitClass,
  type Utility,
} from '@factoryspace/domain';
import type { PublicUnitDetail } from '@/api/market';
import { enumLabel, formatNumber } from '@/composables/use-labels';
import { formatYuan, monthlyRentYuan } from '../format';

export type Better = 'high' | 'low';

/** Translates a `market.*` message key (the page passes vue-i18n's `t`). */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

export interface CompareRow {
  key: string;
  /** `market.compare.rows.<key>` or an already translated label. */
  label: string;
  /** One cell per unit. */
  values: string[];
  /** Indexes of the units holding the best value of the row (empty: nothing stands out). */
  best: Set<number>;
  /** The row is a utility: cells show ✓ / ✕ from `flags`. */
  utility?: Utility;
  flags?: boolean[];
}

/**
 * The indexes of the best scores: the highest (or lowest) among the units with a score. Nothing
 * is best when fewer than two units have a score or when every score is the same.
 */
export function bestIndexes(scores: (number | null)[], better: Better): Set<number> {
  const scored = scores
    .map((score, index) => ({ score, index }))
    .filter((entry): entry is { score: number; index: number } => entry.score !== null);
  if (scored.length < 2) return new Set();
  const values = scored.map((entry) => entry.score);
  const target = better === 'high' ? Math.max(...values) : Math.min(...values);
  if (values.every((value) => value === target)) return new Set();
  return new Set(scored.filter((entry) => entry.score === target).map((entry) => entry.index));
}

const CLASS_SCORE: Record<UnitClass, number> = { quality: 3, general: 2, difficult: 1 };

const UTILITY_FIELD: Record<Utility, keyof PublicUnitDetail> = {
  water: 'hasWater',
  gas: 'hasGas',
  heating: 'hasHeating',
  sewage: 'hasSewage',
  fibre: 'hasFibre',
};

interface RowSpec {
  key: string;
  show: (unit: PublicUnitDetail) => string;
  score?: (unit: PublicUnitDetail) => number | null;
  better?: Better;
}

/** Builds the rows for the units (in column order) in a locale. */
export function compareRows(units: PublicUnitDetail[], locale: Locale, t: Translate): CompareRow[] {
  const num = (value: number, digits = 2) => formatNumber(value, locale, digits);
  const list = (items: string[]) =>
    items.length ? items.join(locale === 'zh-CN' ? '、' : ', ') : '—';

  const specs: RowSpec[] = [
    {
      key: 'rent',
      show: (u) =>
        u.listRentFen === null
          ? t('market.unit.negotiable')
          : formatRentPerM2(u.listRentFen, locale),
      score: (u) => u.listRentFen,
      better: 'low',
    },
    {
      key: 'monthly',
      show: (u) => {
        const yuan = monthlyRentYuan(u.listRentFen, u.grossArea);
        return yuan === null ? t('market.unit.negotiable') : formatYuan(yuan, locale);
      },
      score: (u) => monthlyRentYuan(u.listRentFen, u.grossArea),
      better: 'low',
    },
    {
      key: 'grossArea',
      show: (u) => formatArea(u.grossArea, locale),
      score: (u) => u.grossArea,
      better: 'high',
    },
    {
      key: 'usableArea',
      show: (u) => (u.usableArea === null ? '—' : formatArea(u.usableArea, locale)),
      score: (u) => u.usableArea,
      better: 'high',
    },
    {
      key: 'floors',
      show: (u) =>
        t('market.unit.floorsOf', {
          range:
            u.floorFrom === u.floorTo
              ? t('market.unit.floorSingle', { n: u.floorFrom })
              : t('market.unit.floorRange', { from: u.floorFrom, to: u.floorTo }),
          n: u.buildingFloors,
        }),
    },
    {
      key: 'floorHeight',
      show: (u) => t('market.unit.metres', { n: num(u.floorHeightM) }),
      score: (u) => u.floorHeightM,
      better: 'high',
    },
    {
      key: 'floorLoad',
      show: (u) =>
        `${t('market.unit.knm2', { n: num(u.floorLoadKnM2) })} (${t('market.unit.tonnesPerM2', {
          n: num(knPerM2ToTonnesPerM2(u.floorLoadKnM2)),
        })})`,
      score: (u) => u.floorLoadKnM2,
      better: 'high',
    },
    {
      key: 'power',
      show: (u) =>
        u.powerCapacityKva === null ? '—' : t('market.unit.kva', { n: num(u.powerCapacityKva, 0) }),
      score: (u) => u.powerCapacityKva,
      better: 'high',
    },
    {
      key: 'crane',
      show: (u) =>
        u.craneCapacityT === null
          ? t('market.unit.none')
          : t('market.unit.tonnes', { n: num(u.craneCapacityT) }),
      score: (u) => u.craneCapacityT ?? 0,
      better: 'high',
    },
    { key: 'structure', show: (u) => enumLabel(STRUCTURE_TYPE_LABELS, u.structureType, locale) },
  ];
  const rows: CompareRow[] = specs.map((spec) => row(spec));

  for (const utility of UTILITIES) {
    const field = UTILITY_FIELD[utility];
    const has = units.map((u) => Boolean(u[field]));
    rows.push({
      key: `utility-${utility}`,
      label: UTILITY_LABELS[utility][locale],
      values: has.map((yes) =>
        yes ? t('market.unit.utilityAvailable') : t('market.unit.utilityMissing'),
      ),
      best: bestIndexes(
        has.map((yes) => (yes ? 1 : 0)),
        'high',
      ),
      utility,
      flags: has,
    });
  }

  const more: RowSpec[] = [
    {
      key: 'unitClass',
      show: (u) => enumLabel(UNIT_CLASS_LABELS, u.unitClass, locale),
      score: (u) => CLASS_SCORE[u.unitClass] ?? null,
      better: 'high',
    },
    {
      key: 'acceptance',
      show: (u) => enumLabel(ACCEPTANCE_STATUS_LABELS, u.acceptanceStatus, locale),
      score: (u) => (u.acceptanceStatus === 'accepted' ? 1 : 0),
      better: 'high',
    },
    {
      key: 'fireSafety',
      show: (u) => enumLabel(FIRE_SAFETY_STATUS_LABELS, u.fireSafetyStatus, locale),
      score: (u) => (u.fireSafetyStatus === 'passed' ? 1 : 0),
      better: 'high',
    },
    {
      key: 'environmental',
      show: (u) => enumLabel(ENVIRONMENTAL_STATUS_LABELS, u.environmentalStatus, locale),
      score: (u) => (u.environmentalStatus === 'approved' ? 1 : 0),
      better: 'high',
    },
    {
      key: 'completionYear',
      show: (u) =>
        u.completionYear === null ? '—' : t('market.unit.year', { n: u.completionYear }),
      score: (u) => u.completionYear,
      better: 'high',
    },
    { key: 'vacantSince', show: (u) => u.vacantSince ?? '—' },
    {
      key: 'industries',
      show: (u) => list(u.suitableIndustries.map((i) => enumLabel(INDUSTRY_LABELS, i, locale))),
    },
    {
      key: 'park',
      show: (u) => (locale === 'en' && u.park?.nameEn ? u.park.nameEn : u.parkName),
    },
    {
      key: 'zone',
      show: (u) => (locale === 'en' && u.zoneNameEn ? u.zoneNameEn : u.zoneName),
    },
  ];
  rows.push(...more.map((spec) => row(spec)));
  return rows;

  function row(spec: RowSpec): CompareRow {
    return {
      key: spec.key,
      label: t(`market.compare.rows.${spec.key}`),
      values: units.map(spec.show),
      best:
        spec.score && spec.better
          ? bestIndexes(units.map(spec.score), spec.better)
          : new Set<number>(),
    };
  }
}

/** The unit ids of a `?ids=a,b,c` value: trimmed, unique, in order (the page keeps four). */
export function parseIds(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    const id = part.trim();
    if (id && /^[0-9A-Za-z-]{1,64}$/.test(id)) seen.add(id);
  }
  return [...seen];
}
