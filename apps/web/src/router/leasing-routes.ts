import type { RouteRecordRaw } from 'vue-router';

/**
 * Applications and leases (issue #6, docs/leasing.md): the firm applies for a unit and follows its
 * applications; zone staff (and the super administrator) work the queue and the leases. `new` is
 * declared before `:id` so it is never taken for an id.
 */
const staff = { roles: ['staff', 'zone_admin', 'super_admin'] } as const;
const firm = { roles: ['firm'] } as const;

export const leasingRoutes: RouteRecordRaw[] = [
  {
    path: '/account/applications',
    name: 'account-applications',
    component: () => import('@/views/account/applications/index.vue'),
    meta: { roles: [...firm.roles] },
  },
  {
    path: '/account/applications/new',
    name: 'account-application-new',
    component: () => import('@/views/account/application-form/index.vue'),
    meta: { roles: [...firm.roles] },
  },
  {
    path: '/account/applications/:id/edit',
    name: 'account-application-edit',
    component: () => import('@/views/account/application-form/index.vue'),
    props: true,
    meta: { roles: [...firm.roles] },
  },
  {
    path: '/account/applications/:id',
    name: 'account-application',
    component: () => import('@/views/account/application/index.vue'),
    props: true,
    meta: { roles: [...firm.roles] },
  },
  {
    path: '/staff/applications',
    name: 'staff-applications',
    component: () => import('@/views/staff/applications/index.vue'),
    meta: { roles: [...staff.roles] },
  },
  {
    path: '/staff/applications/:id',
    name: 'staff-application',
    component: () => import('@/views/staff/application/index.vue'),
    props: true,
    meta: { roles: [...staff.roles] },
  },
  {
    path: '/staff/leases/:id',
    name: 'staff-lease',
    component: () => import('@/views/staff/lease/index.vue'),
    props: true,
    meta: { roles: [...staff.roles] },
  },
];
