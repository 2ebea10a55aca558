import { ApiProperty } from '@nestjs/swagger';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Totals are counted exactly up to this many rows; beyond it the API says "10,000+". */
export const TOTAL_CAP = 10_000;

export class PageTotalDto {
  @ApiProperty({ description: 'Number of matching rows, capped at 10,000', example: 42 })
  value: number;

  @ApiProperty({ description: 'False when there are more than `value` rows (shown as "10,000+")' })
  exact: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: PageTotalDto;
}

/** `{ value, exact }` from a count taken with LIMIT cap + 1. */
export function cappedTotal(count: number): PageTotalDto {
  return count > TOTAL_CAP ? { value: TOTAL_CAP, exact: false } : { value: count, exact: true };
}

/**
 * Counts the rows of a filtered query (without cursor, order or limit) but stops at 10,001, so a
 * large table costs no more than that.
 */
export async function countCapped<T extends ObjectLiteral>(
  manager: EntityManager,
  filtered: SelectQueryBuilder<T>,
): Promise<PageTotalDto> {
  const [sql, params] = filtered
    .clone()
    .select('1')
    .orderBy()
    .limit(TOTAL_CAP + 1)
    .getQueryAndParameters();
  const rows: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM (${sql}) capped`,
    params,
  );
  return cappedTotal(rows[0]?.n ?? 0);
}
