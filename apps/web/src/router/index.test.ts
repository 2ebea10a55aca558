import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import type { UserRole } from '@factoryspace/domain';
import { useSessionStore } from '@/stores/session';
import { checkAccess, homeFor, installAccessGuard, routes, safeRedirect } from './index';

const as = (role: UserRole) => ({ role });

describe('checkAccess', () => {
  it('lets everyone open public pages and pages without requirements', () => {
    expect(checkAccess({ public: true }, null)).toBe('allow');
    expect(checkAccess({}, null)).toBe('allow');
    expect(checkAccess({ public: true }, as('staff'))).toBe('allow');
  });

  it('sends visitors to sign in for pages that need a session or a role', () => {
    expect(checkAccess({ signedIn: true }, null)).toBe('login');
    expect(checkAccess({ roles: ['staff'] }, null)).toBe('login');
  });

  it('lets any signed-in user open signed-in pages', () => {
    for (const role of ['firm', 'staff', 'zone_admin', 'super_admin'] as const) {
      expect(checkAccess({ signedIn: true }, as(role))).toBe('allow');
    }
  });

  it('refuses a role that is not listed', () => {
    expect(checkAccess({ roles: ['staff', 'zone_admin', 'super_admin'] }, as('firm'))).toBe(
      'forbidden',
    );
    expect(checkAccess({ roles: ['zone_admin', 'super_admin'] }, as('staff'))).toBe('forbidden');
    expect(checkAccess({ roles: ['zone_admin', 'super_admin'] }, as('zone_admin'))).toBe('allow');
  });
});

describe('route table (docs/accounts.md, web routes)', () => {
  const meta = (path: string) => {
    const record = routes.find((route) => route.path === path);
    if (!record) throw new Error(`no route ${path}`);
    return record.meta ?? {};
  };

  it('keeps the staff pages to staff and administrators', () => {
    for (const path of [
      '/staff/inventory',
      '/staff/map',
      '/staff/units/new',
      '/staff/units/:id',
      '/staff/units/:id/edit',
    ]) {
      expect(checkAccess(meta(path), as('firm')), path).toBe('forbidden');
      expect(checkAccess(meta(path), as('staff')), path).toBe('allow');
      expect(checkAccess(meta(path), as('super_admin')), path).toBe('allow');
      expect(checkAccess(meta(path), null), path).toBe('login');
    }
  });

  it('keeps the zone overview to administrators', () => {
    expect(checkAccess(meta('/admin/zones'), as('staff'))).toBe('forbidden');
    expect(checkAccess(meta('/admin/zones'), as('zone_admin'))).toBe('allow');
  });

  it('opens the search and the sign-in pages to visitors', () => {
    for (const path of [
      '/search',
      '/login',
      '/register',
      '/verify-email',
      '/forgot-password',
      '/reset-password',
      '/accept-invitation',
      '/forbidden',
      '/session-expired',
    ]) {
      expect(checkAccess(meta(path), null), path).toBe('allow');
    }
  });

  it('needs a session to change the password', () => {
    expect(checkAccess(meta('/account/password'), null)).toBe('login');
    expect(checkAccess(meta('/account/password'), as('firm'))).toBe('allow');
  });
});

describe('homeFor', () => {
  it('sends each role to its first page', () => {
    expect(homeFor(null)).toBe('/search');
    expect(homeFor(as('firm'))).toBe('/search');
    expect(homeFor(as('staff'))).toBe('/staff/inventory');
    expect(homeFor(as('zone_admin'))).toBe('/admin/zones');
    expect(homeFor(as('super_admin'))).toBe('/admin/zones');
  });
});

describe('safeRedirect', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirect('/staff/units/1?tab=history')).toBe('/staff/units/1?tab=history');
    expect(safeRedirect(['/admin/users'])).toBe('/admin/users');
  });

  it('drops other sites, odd values and the sign-in pages', () => {
    for (const value of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'staff/inventory',
      '',
      undefined,
      42,
      '/login?redirect=/x',
      '/session-expired',
    ]) {
      expect(safeRedirect(value), String(value)).toBeNull();
    }
  });
});

describe('the navigation guard', () => {
  const page = { render: () => null };
  const testRoutes: RouteRecordRaw[] = [
    ...routes
      .filter((route) => route.path !== '/' && !route.path.startsWith('/:'))
      .map((route) =>
        route.redirect ? route : { path: route.path, component: page, meta: route.meta },
      ),
    routes.find((route) => route.path === '/')!,
  ];

  function json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  }

  function signedInAs(role: UserRole | null): void {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        role
          ? json(200, {
              user: { id: 'u', displayName: 'U', role, zoneId: 'z' },
              csrfToken: 'c',
              expiresAt: '2030-01-01T00:00:00Z',
            })
          : json(401, { code: 'NOT_AUTHENTICATED', message: '' }),
      ),
    );
  }

  async function open(path: string): Promise<string> {
    return (await openRoute(path)).fullPath;
  }

  async function openRoute(path: string) {
    const router = createRouter({ history: createMemoryHistory(), routes: testRoutes });
    installAccessGuard(router);
    await router.push(path);
    return router.currentRoute.value;
  }

  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => vi.unstubAllGlobals());

  it('sends a visitor to sign in, remembering the page', async () => {
    signedInAs(null);
    const route = await openRoute('/staff/units/42?tab=history');
    expect(route.path).toBe('/login');
    expect(route.query.redirect).toBe('/staff/units/42?tab=history');
  });

  it('sends a wrong role to /forbidden', async () => {
    signedInAs('firm');
    expect(await open('/staff/inventory')).toBe('/forbidden?from=/staff/inventory');
    signedInAs('staff');
    setActivePinia(createPinia());
    expect(await open('/admin/zones')).toBe('/forbidden?from=/admin/zones');
  });

  it('lets the right role in and loads the session only once', async () => {
    signedInAs('staff');
    const router = createRouter({ history: createMemoryHistory(), routes: testRoutes });
    installAccessGuard(router);
    await router.push('/staff/inventory');
    await router.push('/staff/map');
    expect(router.currentRoute.value.fullPath).toBe('/staff/map');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(useSessionStore().user?.role).toBe('staff');
  });

  it('sends / to the home of the role', async () => {
    signedInAs(null);
    expect(await open('/')).toBe('/search');
    for (const [role, home] of [
      ['firm', '/search'],
      ['staff', '/staff/inventory'],
      ['super_admin', '/admin/zones'],
    ] as const) {
      setActivePinia(createPinia());
      signedInAs(role);
      expect(await open('/'), role).toBe(home);
    }
  });

  it('sends the old listing address to the search, keeping its query', async () => {
    signedInAs(null);
    const route = await openRoute('/firms/units?zoneId=z1&unitClass=quality');
    expect(route.path).toBe('/search');
    expect(route.query).toEqual({ zoneId: 'z1', unitClass: 'quality' });
  });
});
