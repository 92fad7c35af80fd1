import { createPinia } from 'pinia';
import { createApp } from 'vue';
import type { Composer } from 'vue-i18n';
import App from './App.vue';
import { connectHost } from './bridge';
import { CsDatabase } from './db';
import LocalStoreProblem from './features/local-store/LocalStoreProblem.vue';
import { createAppI18n, I18N_GLOBAL_KEY, initialLocale } from './i18n';
import { createAppRouter } from './router';
import { applyTheme, initialTheme } from './lib/theme';
import { appErrorHandler } from './lib/app-errors';
import { followHostLinks } from './lib/host-links';
import { DB_KEY } from './lib/db-key';
import { feedEngines } from './stores/feed-engine';
import { healthEngines } from './stores/health-engine';
import { HOST_KEY } from './stores/host-key';
import { chooseLocalStore } from './stores/local-store';
import { searchEngines } from './stores/search-engine';
import './theme.css';
import './base.css';
import './styles.css';
import './widgets.css';

const host = connectHost();
const router = createAppRouter();
// Notification clicks and cs-workspace:// links from the host open their route.
followHostLinks(host, router);

// Before anything renders: the first paint already has the chosen theme's colours.
applyTheme(document.documentElement, initialTheme(localStorage));

const i18n = createAppI18n(initialLocale(localStorage, navigator.languages));

// The local store opens first — the one of the CRM (and HubSpot portal) the host is connected
// to: each portal has its own. One that will not open (written by a newer version, a failed
// upgrade, damaged files) gets its own screen, which saves its unsent edits before anything
// is deleted, instead of a workspace whose every query fails.
void chooseLocalStore(host, localStorage).then((name) => {
  const db = new CsDatabase(name);
  return db.open().then(
    () => {
      const app = createApp(App);
      app.config.errorHandler = appErrorHandler(db);
      app
        .provide(HOST_KEY, host)
        .provide(DB_KEY, db)
        .provide(healthEngines.key, healthEngines.worker)
        .provide(searchEngines.key, searchEngines.worker)
        .provide(feedEngines.key, feedEngines.worker)
        .provide(I18N_GLOBAL_KEY, i18n.global as unknown as Composer)
        .use(i18n)
        .use(createPinia())
        .use(router)
        .mount('#app');
    },
    (err: unknown) => {
      const error = err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };
      createApp(LocalStoreProblem, { dbName: db.name, error }).provide(HOST_KEY, host).use(i18n).mount('#app');
    },
  );
});

// In the browser (web host) a service worker keeps the app shell for offline reloads; the
// desktop app loads its own files over app:// and needs none.
if ('serviceWorker' in navigator && location.protocol === 'http:') {
  void navigator.serviceWorker.register('./sw.js');
}
