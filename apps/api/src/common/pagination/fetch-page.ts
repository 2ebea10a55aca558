import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { applyKeyset, keysetPage, parseSort, type SortSpec } from './keyset';
import { countCapped, type PageTotalDto } from './page';

/** Newest first on a timestamptz column, the uuid id breaking ties. */
export function newestFirst(timeExpr: string, idExpr: string): SortSpec {
  return parseSort('-t', { t: { expr: timeExpr, type: 'timestamptz' } }, '-t', idExpr);
}

/** `SELECT expr AS alias, …` from `[expr, alias]` pairs. */
export function selectColumns<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: readonly (readonly [string, string])[],
): SelectQueryBuilder<T> {
  columns.forEach(([expr, alias], i) =>
    i === 0 ? qb.select(expr, alias) : qb.addSelect(expr, alias),
  );
  return qb;
}

/**
 * One page of a filtered query: the capped total, then `limit` rows after `cursor` in `sort`
 * order, and the cursor of the next page.
 */
export async function fetchPage<R extends object, T extends ObjectLiteral = ObjectLiteral>(
  manager: EntityManager,
  filtered: SelectQueryBuilder<T>,
  sort: SortSpec,
  cursor: string | undefined,
  limit: number,
): Promise<{ rows: R[]; nextCursor: string | null; total: PageTotalDto }> {
  const total = await countCapped(manager, filtered);
  const rows = await applyKeyset(filtered.clone(), sort, cursor, limit).getRawMany<R>();
  return { ...keysetPage(rows, sort, limit), total };
}
