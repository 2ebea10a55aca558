import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/staff/inventory' },
  {
    path: '/firms/units',
    name: 'available-units',
    component: () => import('@/views/firms/available/index.vue'),
  },
  {
    path: '/staff/inventory',
    name: 'inventory',
    component: () => import('@/views/staff/inventory/index.vue'),
  },
  {
    path: '/staff/units/new',
    name: 'unit-new',
    component: () => import('@/views/staff/unit-edit/index.vue'),
  },
  {
    path: '/staff/units/:id',
    name: 'unit-detail',
    component: () => import('@/views/staff/unit-detail/index.vue'),
    props: true,
  },
  {
    path: '/staff/units/:id/edit',
    name: 'unit-edit',
    component: () => import('@/views/staff/unit-edit/index.vue'),
  },
  { path: '/staff/map', name: 'map', component: () => import('@/views/staff/map/index.vue') },
  {
    path: '/admin/zones',
    name: 'admin-zones',
    component: () => import('@/views/admin/zones/index.vue'),
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/not-found/index.vue'),
  },
];

export function createAppRouter() {
  return createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved;
      if (to.path === from.path) return false;
      return { top: 0 };
    },
  });
}
