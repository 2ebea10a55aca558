import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { SessionResponse } from '@/api/auth';
import { api, csrfToken, onSessionEnded, unwrap } from '@/api/http';
import { installSessionExpiry } from '@/router';
import { useSessionStore } from './session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const staffSession: SessionResponse = {
  user: {
    id: 'u-staff',
    email: 'gaoping.staff@factoryspace.demo',
    mobile: null,
    displayName: '王工',
    role: 'staff',
    zoneId: 'z-gaoping',
    zoneName: '高平经济技术开发区',
    firmId: null,
    firmName: null,
    firmRole: null,
    emailVerified: true,
  },
  csrfToken: 'csrf-1',
  expiresAt: '2026-01-01T00:00:00Z',
};

const fetchMock = vi.fn<(request: Request) => Promise<Response>>();

function calls(): { method: string; path: string }[] {
  return fetchMock.mock.calls.map(([request]) => ({
    method: request.method,
    path: new URL(request.url).pathname,
  }));
}

beforeEach(() => {
  setActivePinia(createPinia());
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  onSessionEnded(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session store', () => {
  it('asks the API once who is signed in', async () => {
    fetchMock.mockResolvedValue(json(200, staffSession));
    const session = useSessionStore();
    expect(session.status).toBe('unknown');
    await Promise.all([session.load(), session.load()]);
    await session.load();
    expect(calls()).toEqual([{ method: 'GET', path: '/api/v1/auth/session' }]);
    expect(session.status).toBe('ready');
    expect(session.isSignedIn).toBe(true);
    expect(session.user?.displayName).toBe('王工');
    expect(session.hasRole('staff', 'zone_admin')).toBe(true);
    expect(session.hasRole('super_admin')).toBe(false);
    expect(csrfToken()).toBe('csrf-1');
  });

  it('treats a 401 from the probe as a visitor', async () => {
    fetchMock.mockResolvedValue(json(401, { code: 'NOT_AUTHENTICATED', message: '请先登录' }));
    const session = useSessionStore();
    await session.load();
    expect(session.status).toBe('ready');
    expect(session.user).toBeNull();
    expect(session.isSignedIn).toBe(false);
    expect(session.hasRole('firm', 'staff', 'zone_admin', 'super_admin')).toBe(false);
  });

  it('asks again on the next load when the probe failed for another reason', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const session = useSessionStore();
    await session.load();
    expect(session.user).toBeNull();
    expect(session.status).toBe('unknown');
    fetchMock.mockResolvedValueOnce(json(200, staffSession));
    await session.load();
    expect(session.isSignedIn).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('signs in with an identifier and password', async () => {
    fetchMock.mockResolvedValueOnce(json(200, staffSession));
    const session = useSessionStore();
    const user = await session.login('gaoping.staff@factoryspace.demo', 'secret-password');
    expect(user.role).toBe('staff');
    expect(session.user?.id).toBe('u-staff');
    expect(session.status).toBe('ready');
    const request = fetchMock.mock.calls[0]![0];
    expect(request.method).toBe('POST');
    expect(new URL(request.url).pathname).toBe('/api/v1/auth/login');
    expect(await request.json()).toEqual({
      identifier: 'gaoping.staff@factoryspace.demo',
      password: 'secret-password',
    });
  });

  it('throws the API error of a failed sign-in and stays signed out', async () => {
    fetchMock.mockResolvedValueOnce(
      json(401, { code: 'INVALID_CREDENTIALS', message: '账号或密码不正确' }),
    );
    const session = useSessionStore();
    await expect(session.login('x@y.cn', 'wrong-password')).rejects.toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
    });
    expect(session.user).toBeNull();
  });

  it('signs out on the server and forgets the user', async () => {
    const session = useSessionStore();
    session.setSession(staffSession);
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await session.logout();
    expect(calls()).toEqual([{ method: 'POST', path: '/api/v1/auth/logout' }]);
    expect(fetchMock.mock.calls[0]![0].headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(session.user).toBeNull();
    expect(csrfToken()).toBeNull();
  });

  it('counts a sign-out whose session had already ended as done', async () => {
    const session = useSessionStore();
    session.setSession(staffSession);
    fetchMock.mockResolvedValueOnce(json(401, { code: 'SESSION_EXPIRED', message: '' }));
    await session.logout();
    expect(session.user).toBeNull();
  });

  it('keeps the user when signing out fails', async () => {
    const session = useSessionStore();
    session.setSession(staffSession);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(session.logout()).rejects.toBeInstanceOf(Error);
    expect(session.isSignedIn).toBe(true);
  });
});

describe('an expired session', () => {
  async function setUp() {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/staff/inventory', component: { render: () => null } },
        { path: '/session-expired', name: 'session-expired', component: { render: () => null } },
        { path: '/login', name: 'login', component: { render: () => null } },
      ],
    });
    installSessionExpiry(router);
    await router.push('/staff/inventory?park=p1');
    const session = useSessionStore();
    session.setSession(staffSession);
    return { router, session };
  }

  it('clears the session and goes to /session-expired with the page to come back to', async () => {
    const { router, session } = await setUp();
    fetchMock.mockResolvedValueOnce(json(401, { code: 'SESSION_EXPIRED', message: '会话已过期' }));
    await unwrap(api.GET('/api/v1/units', { params: { query: {} } })).catch(() => undefined);
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/session-expired'));
    expect(router.currentRoute.value.query.redirect).toBe('/staff/inventory?park=p1');
    expect(session.user).toBeNull();
  });

  it('is not triggered by the session probe', async () => {
    const { router, session } = await setUp();
    fetchMock.mockResolvedValueOnce(json(401, { code: 'SESSION_EXPIRED', message: '' }));
    session.$patch({ status: 'unknown' });
    await session.load();
    expect(router.currentRoute.value.path).toBe('/staff/inventory');
  });

  it('is not triggered by other errors', async () => {
    const { router, session } = await setUp();
    fetchMock.mockResolvedValueOnce(json(403, { code: 'FORBIDDEN', message: '' }));
    await unwrap(api.GET('/api/v1/units', { params: { query: {} } })).catch(() => undefined);
    expect(router.currentRoute.value.path).toBe('/staff/inventory');
    expect(session.isSignedIn).toBe(true);
  });
});
