/**
 * Keyset pagination over an allow-listed sort: `ORDER BY <expr> [DESC] NULLS LAST, id [DESC]`
 * and, after a cursor, `(expr, id) > (value, id)` (or `<` descending), nulls coming last in
 * either direction. Only expressions written in code reach SQL; cursor values are parameters.
 */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CursorKey, CursorKeySpec, KeyType, decodeCursor, encodeCursor } from './cursor';

export interface SortField {
  /** SQL expression of the sorted column, e.g. `u.gross_area`. */
  expr: string;
  type: Exclude<KeyType, 'uuid'>;
  nullable?: boolean;
}

export interface SortSpec {
  /** The sort parameter as given, e.g. `-grossArea`. */
  key: string;
  field: SortField;
  descending: boolean;
  /** SQL expression of the tie-breaking uuid id. */
  idExpr: string;
}

/** The allow-listed sort parameters (each field ascending and with `-`) for documentation and validation. */
export function sortParams(fields: readonly string[]): string[] {
  return fields.flatMap((field) => [field, `-${field}`]);
}

export function parseSort(
  sort: string | undefined,
  fields: Record<string, SortField>,
  defaultSort: string,
  idExpr: string,
): SortSpec {
  const key = sort ?? defaultSort;
  const descending = key.startsWith('-');
  const name = descending ? key.slice(1) : key;
  const field = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
  if (!field) throw new Error(`Sort ${key} is not allow-listed`);
  return { key, field, descending, idExpr };
}

/** SQL giving the sort value as text, exactly as a cursor carries it. */
export function sortValueSql(field: SortField): string {
  switch (field.type) {
    case 'date':
      return `to_char(${field.expr}, 'YYYY-MM-DD')`;
    case 'timestamptz':
      return `to_char(${field.expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case 'text':
      return field.expr;
    default:
      return `(${field.expr})::text`;
  }
}

export const SORT_VALUE_ALIAS = 'sort_value';
export const CURSOR_ID_ALIAS = 'cursor_id';

function cursorSpecs(spec: SortSpec): CursorKeySpec[] {
  return [{ type: spec.field.type, nullable: spec.field.nullable ?? false }, { type: 'uuid' }];
}

/**
 * Adds the sort value and id to the selection, the ORDER BY, the keyset condition for `cursor`
 * and a LIMIT of `limit + 1` (the extra row tells whether there is a next page).
 */
export function applyKeyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  spec: SortSpec,
  cursor: string | undefined,
  limit: number,
): SelectQueryBuilder<T> {
  const { field, idExpr, descending } = spec;
  const direction = descending ? 'DESC' : 'ASC';
  const op = descending ? '<' : '>';
  qb.addSelect(sortValueSql(field), SORT_VALUE_ALIAS)
    .addSelect(`${idExpr}::text`, CURSOR_ID_ALIAS)
    .orderBy(field.expr, direction, 'NULLS LAST')
    .addOrderBy(idExpr, direction)
    .limit(limit + 1);
  if (cursor !== undefined) {
    const [value, id] = decodeCursor(cursor, spec.key, cursorSpecs(spec));
    const cast = field.type;
    if (value === null) {
      qb.andWhere(`(${field.expr} IS NULL AND ${idExpr} ${op} CAST(:keysetId AS uuid))`, {
        keysetId: id,
      });
    } else {
      const after = `(${field.expr}, ${idExpr}) ${op} (CAST(:keysetValue AS ${cast}), CAST(:keysetId AS uuid))`;
      qb.andWhere(field.nullable ? `(${after} OR ${field.expr} IS NULL)` : `(${after})`, {
        keysetValue: value,
        keysetId: id,
      });
    }
  }
  return qb;
}

export interface KeysetRow {
  [SORT_VALUE_ALIAS]: string | null;
  [CURSOR_ID_ALIAS]: string;
}

/** Cuts the extra row and builds the next cursor from the last row kept. */
export function keysetPage<R extends object>(
  rows: R[],
  spec: SortSpec,
  limit: number,
): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1] as unknown as KeysetRow;
  const keys: CursorKey[] = [last[SORT_VALUE_ALIAS], last[CURSOR_ID_ALIAS]];
  return { rows: kept, nextCursor: encodeCursor(spec.key, keys) };
}
