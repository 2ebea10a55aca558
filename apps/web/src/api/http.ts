/**
 * The web app's HTTP plumbing: one typed client generated from apps/api/openapi.json
 * (@factoryspace/api-client, openapi-fetch), the Accept-Language it sends, the session cookie and
 * CSRF header (docs/accounts.md), and an `ApiError` that carries the status with the API's error
 * body. Resource files (units.ts, parks.ts, auth.ts, …) call `api` and `unwrap`.
 */
import {
  createApiClient,
  isApiError,
  type ApiError as ApiErrorBodyShape,
} from '@factoryspace/api-client';

export interface ApiErrorDetail {
  field: string;
  code: string;
  message?: string;
  params?: Record<string, string | number>;
}

/** Every error body of the API: `{ code, message, details }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details?: ApiErrorDetail[] | Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** For 429: the `Retry-After` header in seconds, when the API sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.message || body.code);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }
}

/** A list page: `{ items, nextCursor, total: { value, exact } }`. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: { value: number; exact: boolean };
}

let currentLocale: () => string = () => 'zh-CN';

/** Tells the HTTP layer which language to ask for (Accept-Language). */
export function setApiLocale(getLocale: () => string): void {
  currentLocale = getLocale;
}

// --- Session cookie and CSRF -------------------------------------------------------------------

export const CSRF_COOKIE = 'fs_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** The session probe: its 401 means "not signed in", never "your session just expired". */
export const SESSION_PATH = '/api/v1/auth/session';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The token from the last login / session answer, used when the cookie cannot be read. */
let knownCsrfToken: string | null = null;

/** Remembers the CSRF token of a login or session answer (null when signed out). */
export function setCsrfToken(token: string | null): void {
  knownCsrfToken = token;
}

/** The value of a cookie readable by scripts, or null. */
export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

/** The CSRF token to send: the `fs_csrf` cookie, else the one the last session answer gave. */
export function csrfToken(): string | null {
  return readCookie(CSRF_COOKIE) ?? knownCsrfToken;
}

/** Adds `X-CSRF-Token` to POST, PUT, PATCH and DELETE requests; safe methods go unchanged. */
export function withCsrf(request: Request): Request {
  if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return request;
  const token = csrfToken();
  if (token && !request.headers.has(CSRF_HEADER)) request.headers.set(CSRF_HEADER, token);
  return request;
}

export type SessionEndedHandler = (code: string) => void;
let sessionEndedHandler: SessionEndedHandler | null = null;

/**
 * Called when an API call (other than the session probe) answers 401 `SESSION_EXPIRED` or
 * `NOT_AUTHENTICATED`; the app clears the session and decides where to go (see router/index.ts).
 */
export function onSessionEnded(handler: SessionEndedHandler | null): void {
  sessionEndedHandler = handler;
}

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return isApiError(body) ? body.code : null;
  } catch {
    return null;
  }
}

/**
 * The fetch of every API call: same-origin cookies, the CSRF header on unsafe methods, and the
 * session-ended hook on a 401 from anything but the session probe.
 */
export async function appFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  const response = await globalThis.fetch(withCsrf(request));
  if (response.status === 401 && sessionEndedHandler) {
    const path = new URL(request.url, 'http://localhost').pathname;
    if (path !== SESSION_PATH) {
      const code = await errorCode(response);
      if (code === 'SESSION_EXPIRED' || code === 'NOT_AUTHENTICATED') sessionEndedHandler(code);
    }
  }
  return response;
}

function origin(): string {
  return typeof window === 'undefined' ? 'http://localhost' : window.location.origin;
}

/** The typed client; same origin (the API serves the web app; Vite proxies /api in dev). */
export const api = createApiClient({
  baseUrl: origin(),
  locale: () => currentLocale(),
  fetch: appFetch,
});

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'AbortError'
    : (error as { name?: string } | null)?.name === 'AbortError';
}

function retryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function toApiError(response: Response, error: unknown): ApiError {
  const body: Partial<ApiErrorBodyShape> = isApiError(error) ? error : {};
  return new ApiError(
    response.status,
    {
      code: body.code ?? `HTTP_${response.status}`,
      message: body.message ?? response.statusText,
      details: body.details as ApiErrorBody['details'],
    },
    retryAfter(response),
  );
}

function networkError(error: unknown): ApiError {
  return new ApiError(0, { code: 'NETWORK_ERROR', message: (error as Error).message });
}

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The data of an openapi-fetch call, or an ApiError with the API's body. Network failures become
 * ApiError status 0; aborts are rethrown as they are.
 */
export async function unwrap<T>(call: Promise<FetchResult>): Promise<T> {
  let result: FetchResult;
  try {
    result = await call;
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw networkError(error);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw toApiError(response, error);
  return data as T;
}
