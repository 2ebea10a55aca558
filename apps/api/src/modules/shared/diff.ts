/** Field-by-field comparison of two representations, for history and no-op detection. */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Structural equality of JSON-like values (arrays by order, objects by keys). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/**
 * The fields among `fields` whose values differ between `before` and `after`, in the order of
 * `fields`. A field absent from `after` is unchanged (PATCH semantics); `undefined` in `before`
 * counts as null. Pure: the history of a dossier is built from it.
 */
export function diffFields<K extends string>(
  before: Partial<Record<K, unknown>> | null,
  after: Partial<Record<K, unknown>>,
  fields: readonly K[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(after, field) || after[field] === undefined) continue;
    const previous = before?.[field] ?? null;
    const next = after[field] ?? null;
    if (!sameValue(previous, next)) changes.push({ field, before: previous, after: next });
  }
  return changes;
}
