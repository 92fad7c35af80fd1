import type { Component } from 'vue';
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { WORKSPACE_TABS, type WorkspaceTab } from '../../shared/domain/permissions';

/** The tabs, in order: the one list, kept with the rules that lock them (shared/domain/permissions). */
export const TABS = WORKSPACE_TABS;
export type Tab = WorkspaceTab;

/**
 * Each tab's screen is `features/<tab>/<Tab>View.vue`, found by glob; a tab in TABS without
 * one is a build mistake, and the app says so at once.
 */
const views = import.meta.glob<{ default: Component }>('../features/*/*View.vue');

function viewFor(tab: Tab) {
  const name = `${tab[0]?.toUpperCase()}${tab.slice(1)}View.vue`;
  const view = views[`../features/${tab}/${name}`];
  if (!view) throw new Error(`The ${tab} tab has no screen: features/${tab}/${name} is missing.`);
  return view;
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/summary' },
  ...TABS.map((tab): RouteRecordRaw => {
    return { path: `/${tab}`, name: tab, component: viewFor(tab) };
  }),
  { path: '/:pathMatch(.*)*', redirect: '/summary' },
];

/** Hash history: the same URLs work from app:// in Electron and from the web host, whatever serves the files. */
export function createAppRouter() {
  return createRouter({ history: createWebHashHistory(), routes });
}
