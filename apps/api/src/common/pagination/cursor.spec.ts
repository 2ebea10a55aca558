import { AppException } from '../errors/app-exception';
import { decodeCursor, encodeCursor, isValidKey } from './cursor';
import { applyKeyset, keysetPage, parseSort, sortValueSql } from './keyset';
import { cappedTotal } from './page';

const ID = '3df82175-23bd-4c05-b3f0-d466264985cf';

function expectInvalid(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).status).toBe(400);
    expect((error as AppException).code).toBe('INVALID_CURSOR');
    return;
  }
  throw new Error('expected INVALID_CURSOR');
}

describe('cursor codec', () => {
  const specs = [{ type: 'numeric' as const }, { type: 'uuid' as const }];

  it('round-trips keys for the same sort and is base64url', () => {
    const cursor = encodeCursor('-grossArea', ['3200.50', ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '-grossArea', specs)).toEqual(['3200.50', ID]);
  });

  it('accepts null only for nullable keys', () => {
    const cursor = encodeCursor('vacantSince', [null, ID]);
    expect(
      decodeCursor(cursor, 'vacantSince', [{ type: 'date', nullable: true }, { type: 'uuid' }]),
    ).toEqual([null, ID]);
    expectInvalid(() => decodeCursor(cursor, 'vacantSince', [{ type: 'date' }, { type: 'uuid' }]));
  });

  it('refuses a cursor made for another sort', () => {
    expectInvalid(() =>
      decodeCursor(encodeCursor('code', ['A', ID]), '-code', [{ type: 'text' }, { type: 'uuid' }]),
    );
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$%^'],
    ['not JSON', Buffer.from('{nope').toString('base64url')],
    ['JSON array', Buffer.from('[1,2]').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['wrong key count', encodeCursor('-grossArea', ['1'])],
    ['SQL in a numeric key', encodeCursor('-grossArea', ['1); DROP TABLE units; --', ID])],
    [
      'number instead of string',
      Buffer.from(JSON.stringify({ s: '-grossArea', k: [1, ID] })).toString('base64url'),
    ],
    ['bad uuid', encodeCursor('-grossArea', ['1', 'not-a-uuid'])],
    ['too long', 'a'.repeat(5000)],
  ])('refuses a tampered cursor: %s', (_, cursor) => {
    expectInvalid(() => decodeCursor(cursor, '-grossArea', specs));
  });

  it('validates each key type strictly', () => {
    expect(isValidKey('date', '2024-02-29')).toBe(true);
    expect(isValidKey('date', '2023-02-29')).toBe(false);
    expect(isValidKey('integer', '2147483647')).toBe(true);
    expect(isValidKey('integer', '2147483648')).toBe(false);
    expect(isValidKey('bigint', '9223372036854775807')).toBe(true);
    expect(isValidKey('bigint', '9223372036854775808')).toBe(false);
    expect(isValidKey('timestamptz', '2026-11-22T05:42:27.123456Z')).toBe(true);
    expect(isValidKey('timestamptz', '2026-13-22T05:42:27.123456Z')).toBe(false);
    expect(isValidKey('timestamptz', '2026-11-22 05:42:27')).toBe(false);
    expect(isValidKey('numeric', '-12.5')).toBe(true);
    expect(isValidKey('numeric', '1e5')).toBe(false);
  });
});

describe('keyset helpers', () => {
  const fields = {
    code: { expr: 'u.code', type: 'text' as const },
    vacantSince: { expr: 'u.vacant_since', type: 'date' as const, nullable: true },
  };

  it('parses allow-listed sorts with direction', () => {
    expect(parseSort('-vacantSince', fields, 'code', 'u.id')).toMatchObject({
      descending: true,
      field: fields.vacantSince,
    });
    expect(parseSort(undefined, fields, 'code', 'u.id')).toMatchObject({
      key: 'code',
      descending: false,
    });
    expect(() => parseSort('constructor', fields, 'code', 'u.id')).toThrow();
  });

  it('formats sort values exactly (microseconds, plain dates)', () => {
    expect(sortValueSql({ expr: 'u.updated_at', type: 'timestamptz' })).toContain('.US');
    expect(sortValueSql({ expr: 'u.vacant_since', type: 'date' })).toBe(
      `to_char(u.vacant_since, 'YYYY-MM-DD')`,
    );
    expect(sortValueSql({ expr: 'u.gross_area', type: 'numeric' })).toBe('(u.gross_area)::text');
  });

  it('keeps limit rows and makes the next cursor from the last one', () => {
    const spec = parseSort('code', fields, 'code', 'u.id');
    const rows = [1, 2, 3].map((n) => ({ sort_value: `C${n}`, cursor_id: ID, n }));
    const page = keysetPage(rows, spec, 2);
    expect(page.rows.map((r) => r.n)).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, 'code', [{ type: 'text' }, { type: 'uuid' }])).toEqual([
      'C2',
      ID,
    ]);
    expect(keysetPage(rows, spec, 3).nextCursor).toBeNull();
  });

  it('passes cursor values as parameters, never in the SQL text', () => {
    const calls: { where: string[]; params: Record<string, unknown> } = { where: [], params: {} };
    const qb = {
      addSelect: () => qb,
      orderBy: () => qb,
      addOrderBy: () => qb,
      limit: () => qb,
      andWhere: (sql: string, params: Record<string, unknown>) => {
        calls.where.push(sql);
        Object.assign(calls.params, params);
        return qb;
      },
    };
    const spec = parseSort('-vacantSince', fields, 'code', 'u.id');
    applyKeyset(qb as never, spec, encodeCursor('-vacantSince', ['2024-01-31', ID]), 10);
    expect(calls.where[0]).toBe(
      '((u.vacant_since, u.id) < (CAST(:keysetValue AS date), CAST(:keysetId AS uuid)) OR u.vacant_since IS NULL)',
    );
    expect(calls.params).toEqual({ keysetValue: '2024-01-31', keysetId: ID });
  });

  it('caps totals at 10,000', () => {
    expect(cappedTotal(42)).toEqual({ value: 42, exact: true });
    expect(cappedTotal(10_000)).toEqual({ value: 10_000, exact: true });
    expect(cappedTotal(10_001)).toEqual({ value: 10_000, exact: false });
  });
});
