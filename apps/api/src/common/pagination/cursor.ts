/**
 * Opaque keyset cursors: base64url(JSON `{ s: sort, k: [sortValue, id] }`). A cursor is only
 * valid for the sort that produced it, and every key is checked against its type before it gets
 * near SQL, so a tampered cursor is a 400 INVALID_CURSOR, never a database error.
 */
import { isIsoDate } from '@factoryspace/domain';
import { isUuid } from '../pipes/parse-id.pipe';
import { invalidCursor } from './pagination.errors';

export type CursorKey = string | null;

/** The type of a value a keyset compares on; also the SQL type it is cast to. */
export type KeyType = 'text' | 'numeric' | 'integer' | 'bigint' | 'date' | 'timestamptz' | 'uuid';

const MAX_CURSOR_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const NUMERIC = /^-?\d{1,20}(\.\d{1,12})?$/;
const INTEGER = /^-?\d{1,10}$/;
const BIGINT = /^\d{1,19}$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

/** Whether a (non-null) cursor key is a well-formed value of its type. */
export function isValidKey(type: KeyType, value: string): boolean {
  switch (type) {
    case 'text':
      return value.length <= 1000;
    case 'numeric':
      return NUMERIC.test(value);
    case 'integer':
      return INTEGER.test(value) && Math.abs(Number(value)) <= 2_147_483_647;
    case 'bigint':
      return BIGINT.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n;
    case 'date':
      return isIsoDate(value);
    case 'timestamptz': {
      const match = TIMESTAMP.exec(value);
      return match !== null && isIsoDate(match[1]);
    }
    case 'uuid':
      return isUuid(value);
  }
}

export interface CursorKeySpec {
  type: KeyType;
  nullable?: boolean;
}

export function encodeCursor(sort: string, keys: CursorKey[]): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keys }), 'utf8').toString('base64url');
}

/** Decodes and validates a cursor for `sort`; throws 400 INVALID_CURSOR on anything unexpected. */
export function decodeCursor(cursor: string, sort: string, specs: CursorKeySpec[]): CursorKey[] {
  if (
    typeof cursor !== 'string' ||
    cursor.length === 0 ||
    cursor.length > MAX_CURSOR_LENGTH ||
    !BASE64URL.test(cursor)
  ) {
    throw invalidCursor();
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw invalidCursor();
  const { s, k } = payload as { s?: unknown; k?: unknown };
  if (s !== sort || !Array.isArray(k) || k.length !== specs.length) throw invalidCursor();
  return specs.map((spec, index) => {
    const value: unknown = k[index];
    if (value === null && spec.nullable) return null;
    if (typeof value !== 'string' || !isValidKey(spec.type, value)) throw invalidCursor();
    return value;
  });
}
