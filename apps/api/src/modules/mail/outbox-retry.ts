/**
 * Pure rules of outbox delivery: when a failed message is tried again, and what of the error is
 * kept. A message is never given up: after the back-off reaches its ceiling it is retried once an
 * hour until it goes out.
 */

/** The wait after the first failure; it doubles with every further failure. */
export const FIRST_RETRY_DELAY_MS = 30_000;
/** The longest wait between two attempts. */
export const MAX_RETRY_DELAY_MS = 3_600_000;
/** last_error keeps at most this many characters. */
export const MAX_ERROR_LENGTH = 500;

/**
 * How long to wait before the next attempt after `failures` failed attempts (1 → 30 s, 2 → 60 s,
 * 3 → 2 min, … capped at 1 h).
 */
export function retryDelayMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < 1) return FIRST_RETRY_DELAY_MS;
  // 2^7 × 30 s already exceeds the hour; stop doubling before the number grows.
  const exponent = Math.min(Math.floor(failures) - 1, 7);
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** exponent, MAX_RETRY_DELAY_MS);
}

/** The user name and password of an SMTP URL (raw and decoded), to keep them out of logs. */
export function smtpSecrets(smtpUrl: string | undefined): string[] {
  if (!smtpUrl) return [];
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return [];
  }
  const secrets = new Set<string>();
  const add = (raw: string, minLength: number) => {
    for (const form of [raw, safeDecode(raw)]) if (form.length >= minLength) secrets.add(form);
  };
  add(url.password, 1);
  // A one- or two-letter user name would blank out ordinary words; it is no secret on its own.
  add(url.username, 3);
  return [...secrets];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Host and port of an SMTP URL, safe to log (no credentials). */
export function smtpEndpoint(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'smtp (unparseable URL)';
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  errors?: unknown;
}

/**
 * The message of an error, duck-typed (errors from Node's own modules fail `instanceof Error`
 * under Jest's sandbox). An AggregateError (e.g. every address of a host refused the connection)
 * has an empty message of its own: its parts' messages are joined instead, then the code.
 */
function messageOf(error: unknown, depth: number): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return '';
  const { name, message, code, errors } = error as ErrorLike;
  if (typeof message === 'string' && message.trim() !== '') return message;
  if (Array.isArray(errors) && depth < 2) {
    const parts = errors.map((part) => messageOf(part, depth + 1)).filter(Boolean);
    if (parts.length > 0) return [...new Set(parts)].join('; ');
  }
  if (typeof code === 'string' && code !== '') return code;
  return typeof name === 'string' ? name : '';
}

/**
 * What last_error keeps of a failed send: the error's message only (no stack, no SMTP dialogue),
 * with credentials in URLs and the configured user name and password removed, on one line and
 * truncated.
 */
export function describeSendError(error: unknown, secrets: readonly string[] = []): string {
  let message = messageOf(error, 0) || 'Unknown error';
  // user:password@ in any URL-looking text
  message = message.replace(/(\/\/)[^/\s@]*@/g, '$1***@');
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    message = message.split(secret).join('***');
  }
  message = message.replace(/\s+/g, ' ').trim();
  if (message.length > MAX_ERROR_LENGTH) message = `${message.slice(0, MAX_ERROR_LENGTH - 1)}…`;
  return message;
}
