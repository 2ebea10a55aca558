import type { RouteRecordRaw } from 'vue-router';

/**
 * Rent policies and quotes (issue #5): the firm's saved quotes, and the zone's policy versions
 * (zone workers read them; only zone and super administrators change them, which the pages and
 * the API enforce). The comparison is declared before `:id` so it is never taken for an id.
 */
export const pricingRoutes: RouteRecordRaw[] = [
  {
    path: '/account/quotes',
    name: 'account-quotes',
    component: () => import('@/views/account/quotes/index.vue'),
    meta: { roles: ['firm'] },
  },
  {
    path: '/account/quotes/:id',
    name: 'account-quote',
    component: () => import('@/views/account/quote/index.vue'),
    props: true,
    meta: { roles: ['firm'] },
  },
  {
    path: '/admin/rent-policies',
    name: 'rent-policies',
    component: () => import('@/views/admin/rent-policies/index.vue'),
    meta: { roles: ['staff', 'zone_admin', 'super_admin'] },
  },
  {
    path: '/admin/rent-policies/compare',
    name: 'rent-policy-compare',
    component: () => import('@/views/admin/rent-policy-compare/index.vue'),
    meta: { roles: ['staff', 'zone_admin', 'super_admin'] },
  },
  {
    path: '/admin/rent-policies/:id',
    name: 'rent-policy-editor',
    component: () => import('@/views/admin/rent-policy-editor/index.vue'),
    props: true,
    meta: { roles: ['staff', 'zone_admin', 'super_admin'] },
  },
];
