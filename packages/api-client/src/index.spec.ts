import { createApiClient, isApiError } from './index';

function fakeFetch(body: unknown, status = 200) {
  const calls: Request[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    calls.push(input as Request);
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('createApiClient', () => {
  it('sends the current locale as Accept-Language on every request', async () => {
    const { fetch, calls } = fakeFetch({ status: 'ok', database: 'up' });
    let locale = 'zh-CN';
    const client = createApiClient({ baseUrl: 'http://api.test', fetch, locale: () => locale });

    const first = await client.GET('/api/health');
    locale = 'en';
    await client.GET('/api/health');

    expect(first.data).toEqual({ status: 'ok', database: 'up' });
    expect(calls.map((r) => r.url)).toEqual([
      'http://api.test/api/health',
      'http://api.test/api/health',
    ]);
    expect(calls.map((r) => r.headers.get('accept-language'))).toEqual(['zh-CN', 'en']);
  });

  it('leaves Accept-Language alone without a locale and returns error bodies as `error`', async () => {
    const { fetch, calls } = fakeFetch({ code: 'DATABASE_DOWN', message: '数据库无法连接' }, 503);
    const client = createApiClient({ baseUrl: 'http://api.test', fetch });
    const { error, response } = await client.GET('/api/health');
    expect(response.status).toBe(503);
    expect(isApiError(error)).toBe(true);
    expect(calls[0].headers.get('accept-language')).toBeNull();
  });
});
