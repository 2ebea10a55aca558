import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths, operations } from './schema';

/** Every error body the API sends (docs/api.md). */
export type ApiError = {
  code: string;
  message: string;
  details?: { field: string; code: string; message: string }[];
};

export interface ApiClientOptions {
  /** Origin of the API; defaults to the page's origin (the API serves the web app). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The UI language; sent as Accept-Language on every request so messages come back in it. */
  locale?: () => string;
}

export type ApiClient = Client<paths>;
export type Schemas = components['schemas'];

/** A typed client (openapi-fetch) for the FactorySpace API. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const customFetch = options.fetch;
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    ...(customFetch ? { fetch: (request: Request) => customFetch(request) } : {}),
  });
  const { locale } = options;
  if (locale) {
    client.use({
      onRequest({ request }) {
        request.headers.set('Accept-Language', locale());
        return request;
      },
    });
  }
  return client;
}

/** True when `value` has the shape of an API error body. */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}
