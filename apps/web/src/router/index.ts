import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type RouteMeta,
  type RouteRecordRaw,
  type Router,
} from 'vue-router';
import type { UserRole } from '@factoryspace/domain';
import type { SessionUser } from '@/api/auth';
import { onSessionEnded } from '@/api/http';
import { useSessionStore } from '@/stores/session';
import { accountRoutes } from './account-routes';
import { marketRoutes } from './market-routes';
import { searchRoutes } from './search-routes';
import { pricingRoutes } from './pricing-routes';
import { leasingRoutes } from './leasing-routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only these roles may open the page (implies signed in). */
    roles?: UserRole[];
    /** Anyone may open the page, signed in or not. */
    public?: boolean;
    /** Any signed-in user may open the page. */
    signedIn?: boolean;
  }
}

export const STAFF_ROLES: UserRole[] = ['staff', 'zone_admin', 'super_admin'];
export const ADMIN_ROLES: UserRole[] = ['zone_admin', 'super_admin'];

/** Where `/` and a finished sign-in lead: the first page of the user's role. */
export function homeFor(user: Pick<SessionUser, 'role'> | null): string {
  switch (user?.role) {
    case 'staff':
      return '/staff/inventory';
    case 'zone_admin':
    case 'super_admin':
      return '/admin/zones';
    default:
      return '/search';
  }
}

/** Paths a `?redirect=` must never lead back to (they would loop or make no sense). */
const NO_RETURN = ['/login', '/session-expired', '/register', '/forbidden'];

/**
 * A `?redirect=` value that is safe to follow: a path on this site (`/…`, not `//host` or
 * `/\host`), not one of the sign-in pages. Anything else gives null.
 */
export function safeRedirect(value: unknown): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || !raw.startsWith('/')) return null;
  if (raw.startsWith('//') || raw.startsWith('/\\')) return null;
  const path = raw.split(/[?#]/)[0]!;
  if (NO_RETURN.includes(path)) return null;
  return raw;
}

export type AccessDecision = 'allow' | 'login' | 'forbidden';

/**
 * Whether a user (null: a visitor) may open a page with this meta: `roles` needs one of the
 * roles, `signedIn` any session; a page with neither (or `public`) is open to everyone.
 */
export function checkAccess(
  meta: RouteMeta,
  user: Pick<SessionUser, 'role'> | null,
): AccessDecision {
  const roles = meta.roles;
  if (roles && roles.length > 0) {
    if (!user) return 'login';
    return roles.includes(user.role) ? 'allow' : 'forbidden';
  }
  if (meta.signedIn && !user) return 'login';
  return 'allow';
}

const staff = { roles: STAFF_ROLES };
const open = { public: true };

export const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    // Never rendered: beforeEnter runs after the global guard has loaded the session.
    component: { render: () => null },
    meta: open,
    beforeEnter: () => homeFor(useSessionStore().user),
  },
  // The first public list, kept as an address: the search page replaced it.
  { path: '/firms/units', redirect: (to) => ({ path: '/search', query: to.query }) },
  ...searchRoutes,
  ...marketRoutes,
  {
    path: '/staff/inventory',
    name: 'inventory',
    component: () => import('@/views/staff/inventory/index.vue'),
    meta: staff,
  },
  {
    path: '/staff/units/new',
    name: 'unit-new',
    component: () => import('@/views/staff/unit-edit/index.vue'),
    meta: staff,
  },
  {
    path: '/staff/units/:id',
    name: 'unit-detail',
    component: () => import('@/views/staff/unit-detail/index.vue'),
    props: true,
    meta: staff,
  },
  {
    path: '/staff/units/:id/edit',
    name: 'unit-edit',
    component: () => import('@/views/staff/unit-edit/index.vue'),
    meta: staff,
  },
  {
    path: '/staff/map',
    name: 'map',
    component: () => import('@/views/staff/map/index.vue'),
    meta: staff,
  },
  {
    path: '/admin/zones',
    name: 'admin-zones',
    component: () => import('@/views/admin/zones/index.vue'),
    meta: { roles: ADMIN_ROLES },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/login/index.vue'),
    meta: open,
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/views/auth/register/index.vue'),
    meta: open,
  },
  {
    path: '/verify-email',
    name: 'verify-email',
    component: () => import('@/views/auth/verify-email/index.vue'),
    meta: open,
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('@/views/auth/forgot-password/index.vue'),
    meta: open,
  },
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('@/views/auth/reset-password/index.vue'),
    meta: open,
  },
  {
    path: '/accept-invitation',
    name: 'accept-invitation',
    component: () => import('@/views/auth/accept-invitation/index.vue'),
    meta: open,
  },
  {
    path: '/account/password',
    name: 'change-password',
    component: () => import('@/views/auth/change-password/index.vue'),
    meta: { signedIn: true },
  },
  ...accountRoutes,
  ...pricingRoutes,
  ...leasingRoutes,
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/forbidden/index.vue'),
    meta: open,
  },
  {
    path: '/session-expired',
    name: 'session-expired',
    component: () => import('@/views/session-expired/index.vue'),
    meta: open,
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/not-found/index.vue'),
    meta: open,
  },
];

/** The global guard: loads the session once, then applies `checkAccess`. */
export function installAccessGuard(router: Router): void {
  router.beforeEach(async (to): Promise<true | RouteLocationRaw> => {
    const session = useSessionStore();
    await session.load();
    const decision = checkAccess(to.meta, session.user);
    if (decision === 'login') return { path: '/login', query: { redirect: to.fullPath } };
    if (decision === 'forbidden') return { path: '/forbidden', query: { from: to.fullPath } };
    return true;
  });
}

/**
 * When an API call answers 401 SESSION_EXPIRED (or NOT_AUTHENTICATED while we thought we were
 * signed in), forget the user and go to /session-expired, remembering where we were.
 */
export function installSessionExpiry(router: Router): void {
  onSessionEnded((code) => {
    const session = useSessionStore();
    if (code === 'NOT_AUTHENTICATED' && !session.isSignedIn) return;
    session.clear();
    const current = router.currentRoute.value;
    if (current.name === 'session-expired' || current.name === 'login') return;
    void router.push({ path: '/session-expired', query: { redirect: current.fullPath } });
  });
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved;
      if (to.path === from.path) return false;
      return { top: 0 };
    },
  });
  installAccessGuard(router);
  installSessionExpiry(router);
  return router;
}
