import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { useHost } from './host-key';

/**
 * Online means both: the browser has a network (navigator.onLine, which Electron and
 * Playwright's offline emulation drive) and the host reports the machine online.
 */
export const useConnectivityStore = defineStore('connectivity', () => {
  const host = useHost();
  const browserOnline = ref(navigator.onLine);
  const hostOnline = ref(true);

  window.addEventListener('online', () => (browserOnline.value = true));
  window.addEventListener('offline', () => (browserOnline.value = false));
  host.on('onDidChangeOnline', ({ online }) => (hostOnline.value = online));
  void host['net:status']({}).then((r) => {
    if (r.ok) hostOnline.value = r.data.online;
  });

  const online = computed(() => browserOnline.value && hostOnline.value);
  return { online };
});
