import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CallName, Result, UpdateState } from '../../shared/contract';
import { useHost } from './host-key';

/**
 * Settings → Check for updates. The host owns the updater (the packaged desktop app's
 * electron-updater) and says where it stands; a host that cannot update (the web host)
 * answers `unavailable` and never sends `onDidChangeUpdate`.
 */
export const useUpdatesStore = defineStore('updates', () => {
  const host = useHost();
  const state = ref<UpdateState>({ phase: 'unavailable', reason: 'host' });
  let started = false;

  const take = (r: Result<UpdateState>) => {
    state.value = r.ok ? r.data : { phase: 'error', message: r.error.message };
  };
  const ask = async (call: Extract<CallName, `updates:${string}`>) => take(await host[call]({}));

  function start() {
    if (started) return;
    started = true;
    host.on('onDidChangeUpdate', (next) => (state.value = next));
    void ask('updates:status');
  }

  return {
    state,
    start,
    check: () => ask('updates:check'),
    /** "Restart to install": the host waits while edits have not reached the CRM. */
    install: () => ask('updates:install'),
  };
});
