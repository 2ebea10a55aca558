import type { RouteRecordRaw } from 'vue-router';

/**
 * The firm-account and administration pages (firm profile, colleagues, users, outbox, audit).
 * `meta.roles` lists the roles that may open a page; the router guard in ./index.ts enforces it.
 */
export const accountRoutes: RouteRecordRaw[] = [
  {
    path: '/account/firm',
    name: 'account-firm',
    component: () => import('@/views/account/firm/index.vue'),
    meta: { roles: ['firm'] },
  },
  {
    path: '/account/colleagues',
    name: 'account-colleagues',
    component: () => import('@/views/account/colleagues/index.vue'),
    meta: { roles: ['firm'] },
  },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('@/views/admin/users/index.vue'),
    meta: { roles: ['zone_admin', 'super_admin'] },
  },
  {
    path: '/admin/outbox',
    name: 'admin-outbox',
    component: () => import('@/views/admin/outbox/index.vue'),
    meta: { roles: ['zone_admin', 'super_admin'] },
  },
  {
    path: '/admin/audit',
    name: 'admin-audit',
    component: () => import('@/views/admin/audit/index.vue'),
    meta: { roles: ['zone_admin', 'super_admin'] },
  },
];
