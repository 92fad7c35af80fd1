import type { Component } from 'vue';
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

export const TABS = ['summary', 'portfolio', 'pipelines', 'schedule', 'tasks', 'feed'] as const;
export type Tab = (typeof TABS)[number];

/**
 * Each tab's screen is `features/<tab>/<Tab>View.vue`; a tab without one yet shows an honest
 * placeholder. Found by glob so that adding a feature touches only its own folder.
 */
const views = import.meta.glob<{ default: Component }>('../features/*/*View.vue');
const placeholder = () => import('../features/TabPlaceholder.vue');

function viewFor(tab: Tab) {
  const name = `${tab[0]?.toUpperCase()}${tab.slice(1)}View.vue`;
  return views[`../features/${tab}/${name}`];
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/summary' },
  ...TABS.map((tab): RouteRecordRaw => {
    const view = viewFor(tab);
    return view ? { path: `/${tab}`, name: tab, component: view } : { path: `/${tab}`, name: tab, component: placeholder, props: { tab } };
  }),
  { path: '/:pathMatch(.*)*', redirect: '/summary' },
];

/** Hash history: the same URLs work from app:// in Electron and from the web host, whatever serves the files. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
