/**
 * Filters and keyset paging of the administration lists, kept in the URL (shareable, the back
 * button works): each filter is one query key, and `c` holds the cursors of the pages before
 * this one, the last being this page's cursor. Pure functions.
 */
import { isOneOf } from '@factoryspace/domain';

type RawQueryValue = string | null | (string | null)[] | undefined;
export type RawQuery = Record<string, RawQueryValue>;

export const CURSORS_KEY = 'c';

export function allValues(value: RawQueryValue): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );
}

export function firstValue(value: RawQueryValue): string {
  return allValues(value)[0] ?? '';
}

/** The value when it is one of `values`, else ''. */
export function enumValue<T extends string>(values: readonly T[], value: RawQueryValue): T | '' {
  const first = firstValue(value);
  return isOneOf(values, first) ? first : '';
}

export function cursorsOf(query: RawQuery): string[] {
  return allValues(query[CURSORS_KEY]);
}

/** This page's cursor (undefined on the first page). */
export function currentCursor(query: RawQuery): string | undefined {
  const cursors = cursorsOf(query);
  return cursors[cursors.length - 1];
}

/** A query from filter values (blank ones left out), back on the first page. */
export function filtersToQuery(filters: Record<string, string>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    const trimmed = value.trim();
    if (trimmed) query[key] = trimmed;
  }
  return query;
}

/** The same filters, one page further. */
export function withNextPage(query: RawQuery, nextCursor: string): RawQuery {
  return { ...query, [CURSORS_KEY]: [...cursorsOf(query), nextCursor] };
}

/** The same filters, one page back. */
export function withPreviousPage(query: RawQuery): RawQuery {
  const cursors = cursorsOf(query).slice(0, -1);
  const next: RawQuery = { ...query };
  if (cursors.length) next[CURSORS_KEY] = cursors;
  else delete next[CURSORS_KEY];
  return next;
}
