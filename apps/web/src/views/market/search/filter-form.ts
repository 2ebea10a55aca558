/**
 * The number boxes of the filter panel: what the user typed (text), checked before anything is
 * sent. A value that is not a number, out of range, or a minimum area above the maximum gets an
 * error (a message key) and is held back; the other boxes still apply.
 */
import { fenToYuan, yuanToFen } from '@factoryspace/domain';
import { NUMBER_LIMITS, type SearchFilters } from '@/stores/unit-search';

export const NUMBER_FIELDS = [
  'minArea',
  'maxArea',
  'minFloorLoad',
  'minFloorHeight',
  'minPower',
  'maxRent',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export type NumberDraft = Record<NumberField, string>;

export interface FieldError {
  /** An i18n key under `search.filters.errors`. */
  key: 'notNumber' | 'negative' | 'tooLarge' | 'decimals' | 'areaRange';
  params?: Record<string, string | number>;
}

export type NumberValues = Partial<
  Pick<
    SearchFilters,
    'minArea' | 'maxArea' | 'minFloorLoad' | 'minFloorHeight' | 'minPower' | 'maxRentFen'
  >
>;

export interface DraftCheck {
  /** The filter values of the boxes that passed (null: empty box). */
  values: NumberValues;
  errors: Partial<Record<NumberField, FieldError>>;
}

/** The upper bound of each box, in the box's own unit (rent in yuan). */
const MAX: Record<NumberField, number> = {
  minArea: NUMBER_LIMITS.minArea.max,
  maxArea: NUMBER_LIMITS.maxArea.max,
  minFloorLoad: NUMBER_LIMITS.minFloorLoad.max,
  minFloorHeight: NUMBER_LIMITS.minFloorHeight.max,
  minPower: NUMBER_LIMITS.minPower.max,
  maxRent: fenToYuan(NUMBER_LIMITS.maxRentFen.max),
};

function text(value: number | null): string {
  return value === null ? '' : String(Number(value.toFixed(6)));
}

export function draftFromFilters(filters: SearchFilters): NumberDraft {
  return {
    minArea: text(filters.minArea),
    maxArea: text(filters.maxArea),
    minFloorLoad: text(filters.minFloorLoad),
    minFloorHeight: text(filters.minFloorHeight),
    minPower: text(filters.minPower),
    maxRent: filters.maxRentFen === null ? '' : text(fenToYuan(filters.maxRentFen)),
  };
}

/** One box: null when empty, a number, or an error. Full-width digits (１２) are accepted. */
export function parseNumberBox(
  raw: string,
  field: NumberField,
): { value: number | null } | { error: FieldError } {
  const normalised = raw
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (normalised === '') return { value: null };
  if (!/^-?\d*\.?\d+$|^-?\d+\.$/.test(normalised)) return { error: { key: 'notNumber' } };
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { error: { key: 'notNumber' } };
  if (value < 0) return { error: { key: 'negative' } };
  if (value > MAX[field]) return { error: { key: 'tooLarge', params: { max: MAX[field] } } };
  if (field === 'maxRent' && !/^\d*(\.\d{0,2})?$/.test(normalised)) {
    return { error: { key: 'decimals' } };
  }
  return { value };
}

/** Checks every box; an inverted area range marks the maximum and sends neither bound. */
export function checkDraft(draft: NumberDraft): DraftCheck {
  const values: NumberValues = {};
  const errors: DraftCheck['errors'] = {};
  const parsed: Partial<Record<NumberField, number | null>> = {};
  for (const field of NUMBER_FIELDS) {
    const result = parseNumberBox(draft[field], field);
    if ('error' in result) errors[field] = result.error;
    else parsed[field] = result.value;
  }
  const min = parsed.minArea;
  const max = parsed.maxArea;
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    errors.maxArea = { key: 'areaRange' };
    delete parsed.minArea;
    delete parsed.maxArea;
  }
  if (parsed.minArea !== undefined) values.minArea = parsed.minArea;
  if (parsed.maxArea !== undefined) values.maxArea = parsed.maxArea;
  if (parsed.minFloorLoad !== undefined) values.minFloorLoad = parsed.minFloorLoad;
  if (parsed.minFloorHeight !== undefined) values.minFloorHeight = parsed.minFloorHeight;
  if (parsed.minPower !== undefined) values.minPower = parsed.minPower;
  if (parsed.maxRent !== undefined) {
    values.maxRentFen = parsed.maxRent === null ? null : yuanToFen(parsed.maxRent);
  }
  return { values, errors };
}

/** The changes to send: the valid boxes whose value differs from the filters; null if none. */
export function draftChanges(draft: NumberDraft, filters: SearchFilters): NumberValues | null {
  const { values } = checkDraft(draft);
  const changes: NumberValues = {};
  let changed = false;
  for (const [key, value] of Object.entries(values) as [keyof NumberValues, number | null][]) {
    if (filters[key] !== value) {
      changes[key] = value;
      changed = true;
    }
  }
  return changed ? changes : null;
}
