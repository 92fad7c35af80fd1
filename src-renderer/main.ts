import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connectHost } from './bridge';
import { createAppI18n, initialLocale } from './i18n';
import { createAppRouter } from './router';
import { HOST_KEY } from './stores/host-key';
import './styles.css';

const host = connectHost();
const router = createAppRouter();
host.on('onDidClickNotification', ({ target }) => {
  if (target) void router.push(target);
});

createApp(App)
  .provide(HOST_KEY, host)
  .use(createPinia())
  .use(router)
  .use(createAppI18n(initialLocale(localStorage, navigator.languages)))
  .mount('#app');
