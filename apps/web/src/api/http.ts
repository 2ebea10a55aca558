/**
 * The web app's HTTP plumbing: one typed client generated from apps/api/openapi.json
 * (@factoryspace/api-client, openapi-fetch), the Accept-Language it sends, and an `ApiError`
 * that carries the status with the API's error body. Resource files (units.ts, parks.ts, …) call
 * `api` and `unwrap`.
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

/** The typed client; same origin (the API serves the web app; Vite proxies /api in dev). */
export const api = createApiClient({
  baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin,
  locale: () => currentLocale(),
});

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException
    ? error.name === 'AbortError'
    : (error as { name?: string } | null)?.name === 'AbortError';
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
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: (error as Error).message });
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) {
    const body: Partial<ApiErrorBodyShape> = isApiError(error) ? error : {};
    throw new ApiError(response.status, {
      code: body.code ?? `HTTP_${response.status}`,
      message: body.message ?? response.statusText,
      details: body.details as ApiErrorBody['details'],
    });
  }
  return data as T;
}
