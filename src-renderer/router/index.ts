import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

export const TABS = ['summary', 'portfolio', 'pipelines', 'schedule', 'tasks', 'feed'] as const;
export type Tab = (typeof TABS)[number];

const placeholder = () => import('../features/TabPlaceholder.vue');

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/summary' },
  ...TABS.map((tab) => ({ path: `/${tab}`, name: tab, component: placeholder, props: { tab } })),
  { path: '/:pathMatch(.*)*', redirect: '/summary' },
];

/** Hash history: the same URLs work from file:// in Electron and from the web host. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
