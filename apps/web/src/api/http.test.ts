import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, onSessionEnded, setCsrfToken, unwrap, withCsrf } from './http';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function clearCookies(): void {
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockResolvedValue(
    json(200, { items: [], nextCursor: null, total: { value: 0, exact: true } }),
  );
  vi.stubGlobal('fetch', fetchMock);
  clearCookies();
  setCsrfToken(null);
  onSessionEnded(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
  clearCookies();
});

function sentRequest(index = 0): Request {
  return fetchMock.mock.calls[index]![0];
}

describe('CSRF header', () => {
  it('sends the fs_csrf cookie as X-CSRF-Token on POST, PUT, PATCH and DELETE', () => {
    document.cookie = 'fs_csrf=token-from-cookie; path=/';
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const request = withCsrf(new Request('http://localhost/api/v1/units', { method }));
      expect(request.headers.get('X-CSRF-Token'), method).toBe('token-from-cookie');
    }
  });

  it('never sends it on GET, HEAD or OPTIONS', () => {
    document.cookie = 'fs_csrf=token-from-cookie; path=/';
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      const request = withCsrf(new Request('http://localhost/api/v1/units', { method }));
      expect(request.headers.has('X-CSRF-Token'), method).toBe(false);
    }
  });

  it('is attached by the typed client on a PATCH but not on a GET', async () => {
    document.cookie = 'fs_csrf=abc123; path=/';
    await api.GET('/api/v1/zones', { params: { query: {} } });
    fetchMock.mockResolvedValueOnce(json(200, { id: 'u1' }));
    await api.PATCH('/api/v1/units/{id}', {
      params: { path: { id: 'u1' } },
      body: { version: 1 } as never,
    });
    expect(sentRequest(0).method).toBe('GET');
    expect(sentRequest(0).headers.has('X-CSRF-Token')).toBe(false);
    expect(sentRequest(1).method).toBe('PATCH');
    expect(sentRequest(1).headers.get('X-CSRF-Token')).toBe('abc123');
  });

  it('falls back to the token of the last session answer when there is no cookie', async () => {
    setCsrfToken('from-login');
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await api.POST('/api/v1/auth/logout');
    expect(sentRequest().headers.get('X-CSRF-Token')).toBe('from-login');
  });

  it('sends JSON with the interface language', async () => {
    fetchMock.mockResolvedValueOnce(json(202, { message: 'ok' }));
    await api.POST('/api/v1/auth/password/forgot', { body: { email: 'a@b.cn' } });
    const request = sentRequest();
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(request.headers.get('Accept-Language')).toBe('zh-CN');
    expect(await request.json()).toEqual({ email: 'a@b.cn' });
  });
});

describe('errors', () => {
  it('turns a 429 into an ApiError with the Retry-After seconds', async () => {
    fetchMock.mockResolvedValueOnce(
      json(429, { code: 'TOO_MANY_REQUESTS', message: '请稍后再试' }, { 'Retry-After': '42' }),
    );
    const error = await unwrap(
      api.POST('/api/v1/auth/login', { body: { identifier: 'a@b.cn', password: 'x' } }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    expect((error as ApiError).code).toBe('TOO_MANY_REQUESTS');
    expect((error as ApiError).retryAfterSeconds).toBe(42);
  });

  it('does the same for the typed client', async () => {
    fetchMock.mockResolvedValueOnce(json(404, { code: 'UNIT_NOT_FOUND', message: '找不到' }));
    const error = await unwrap(
      api.GET('/api/v1/units/{id}', { params: { path: { id: 'x' } } }),
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'UNIT_NOT_FOUND', retryAfterSeconds: null });
  });
});

describe('session ended', () => {
  it('reports 401 SESSION_EXPIRED from any call', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'SESSION_EXPIRED', message: '会话已过期' }));
    await unwrap(api.GET('/api/v1/units', { params: { query: {} } })).catch(() => undefined);
    expect(ended).toHaveBeenCalledWith('SESSION_EXPIRED');
  });

  it('ignores the session probe and other 401s', async () => {
    const ended = vi.fn();
    onSessionEnded(ended);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'SESSION_EXPIRED', message: '' }));
    await unwrap(api.GET('/api/v1/auth/session')).catch(() => undefined);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'INVALID_CREDENTIALS', message: '' }));
    await unwrap(
      api.POST('/api/v1/auth/login', { body: { identifier: 'a@b.cn', password: 'x' } }),
    ).catch(() => undefined);
    expect(ended).not.toHaveBeenCalled();
  });

  it('still lets the caller read the error body', async () => {
    onSessionEnded(() => undefined);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'SESSION_EXPIRED', message: '会话已过期' }));
    const error = await unwrap(api.GET('/api/v1/firms/me')).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'SESSION_EXPIRED', message: '会话已过期' });
  });
});
