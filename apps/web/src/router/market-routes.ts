import type { RouteRecordRaw } from 'vue-router';

/** The public unit page, favourites, compare and saved searches. */
export const marketRoutes: RouteRecordRaw[] = [
  {
    path: '/units/:id',
    name: 'unit',
    component: () => import('@/views/market/unit/index.vue'),
    props: true,
    meta: { public: true },
  },
  {
    path: '/favourites',
    name: 'favourites',
    component: () => import('@/views/market/favourites/index.vue'),
    meta: { public: true },
  },
  {
    path: '/compare',
    name: 'compare',
    component: () => import('@/views/market/compare/index.vue'),
    meta: { public: true },
  },
  {
    path: '/account/saved-searches',
    name: 'saved-searches',
    component: () => import('@/views/account/saved-searches/index.vue'),
    meta: { roles: ['firm'] },
  },
];
