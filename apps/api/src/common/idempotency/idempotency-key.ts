/**
 * The pure part of Idempotency-Key handling: reading the header and fingerprinting a request.
 * No I/O, so it is unit-tested without HTTP or a database.
 */
import { createHash } from 'node:crypto';
import { IdempotencyErrors } from './idempotency.errors';

/** Request header carrying the client's key (Node lower-cases header names). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Response header set on a replayed response. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
/** 1–200 visible ASCII characters (VCHAR, 0x21–0x7E): no spaces, no control or non-ASCII. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The methods a key may be used with (the table's CHECK allows exactly these). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The key of a request: `null` when the header is absent (the route behaves as without
 * `@Idempotent()`), else the key; a malformed key (empty, too long, non-visible-ASCII, or the
 * header sent as a list) is refused with 400 IDEMPOTENCY_KEY_INVALID.
 */
export function parseIdempotencyKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw IdempotencyErrors.invalidKey();
  }
  return header;
}

/**
 * JSON with the keys of every object sorted (by UTF-16 code units, like RFC 8785), so two
 * bodies that differ only in key order or whitespace give the same text. Follows JSON.stringify
 * otherwise: `toJSON` is honoured, `undefined`/function members are left out of objects and
 * written as `null` in arrays, non-finite numbers become `null`.
 */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

function write(value: unknown): string | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) as string | undefined;
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  }
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = write((value as Record<string, unknown>)[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * The fingerprint a key is bound to: sha256 (hex) of the method, the request target (path and
 * query as sent, e.g. `/api/v1/applications/<id>/approve`, so one key cannot be replayed onto
 * another resource) and the canonical JSON of the parsed body (no body: empty).
 */
export function requestHash(method: string, target: string, body: unknown): string {
  const canonicalBody = body === undefined ? '' : canonicalJson(body);
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${target}\n${canonicalBody}`)
    .digest('hex');
}
