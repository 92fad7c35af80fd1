import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import type { HostApi } from '../../shared/contract';
import { CsDatabase } from '../../src-renderer/db';
import { createAppI18n, type Locale } from '../../src-renderer/i18n';
import { DB_KEY } from '../../src-renderer/lib/db-key';
import { HOST_KEY } from '../../src-renderer/stores/host-key';

/**
 * Mounts a component as the app runs it: a fresh Pinia (made the active one), the app's i18n in
 * `locale`, and the host and local database provided (a new, uniquely named one unless `db` is given).
 * Call under happy-dom with fake-indexeddb installed.
 */
export function mountInApp(component: Component, { host, db, locale = 'en' }: { host: HostApi; db?: CsDatabase; locale?: Locale }) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const database = db ?? new CsDatabase(`mounted-${Math.random()}`);
  const wrapper = mount(component, {
    global: { plugins: [pinia, createAppI18n(locale)], provide: { [DB_KEY as symbol]: database, [HOST_KEY as symbol]: host } },
  });
  return { pinia, wrapper };
}
