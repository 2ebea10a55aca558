import type { RouteRecordRaw } from 'vue-router';

/**
 * The public search page (list and map). Open to everyone. Its filters live in the query, under
 * the search API's parameter names (stores/unit-search.ts).
 */
export const searchRoutes: RouteRecordRaw[] = [
  {
    path: '/search',
    name: 'search',
    component: () => import('@/views/market/search/index.vue'),
    meta: { public: true },
  },
];
