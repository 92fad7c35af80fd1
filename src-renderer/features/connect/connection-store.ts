import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { HubspotToken, type CallInput, type CallOutput, type HostError } from '../../../shared/contract';
import { deleteLocalStore, pendingEditCount } from '../../db/queries/connect';
import { useDb } from '../../stores/db-key';
import { useHost } from '../../stores/host-key';

export type TokenProblem = 'empty' | 'malformed';

/** The same rule the host applies (shared/contract), checked before anything is sent. */
export function tokenProblem(raw: string): TokenProblem | null {
  const token = raw.trim();
  if (token === '') return 'empty';
  return HubspotToken.safeParse(token).success ? null : 'malformed';
}

/**
 * Which CRM the host is connected to, and Connect / Disconnect. The token passes through
 * here once, on its way to the host; it is never stored in the renderer (no Dexie, no
 * localStorage) and never comes back from the host.
 */
export const useConnectionStore = defineStore('connection', () => {
  const host = useHost();
  const db = useDb();
  const status = ref<CallOutput<'crm:status'> | null>(null);
  /** The host could not say (e.g. the web host is down and the page came from the offline cache). */
  const statusError = ref<string | null>(null);
  const busy = ref<'demo' | 'hubspot' | 'disconnect' | null>(null);

  async function load() {
    const res = await host['crm:status']({});
    if (res.ok) {
      status.value = res.data;
      statusError.value = null;
    } else {
      statusError.value = res.error.message;
    }
  }

  /** True only when the host says so: an unreachable host must not hide an offline workspace. */
  const needsConnect = computed(() => status.value !== null && !status.value.connected);
  const known = computed(() => status.value !== null || statusError.value !== null);

  async function connect(req: CallInput<'crm:connect'>): Promise<HostError | null> {
    busy.value = req.kind;
    try {
      const res = await host['crm:connect'](req);
      if (!res.ok) return res.error;
      status.value = res.data;
      return null;
    } finally {
      busy.value = null;
    }
  }

  const pendingEdits = () => pendingEditCount(db);

  /**
   * Host first (so a refusal changes nothing), then the whole local store; the caller
   * reloads the page, which ends the sync worker and every in-memory state with it.
   */
  async function disconnect(): Promise<HostError | null> {
    busy.value = 'disconnect';
    try {
      const res = await host['crm:disconnect']({});
      if (!res.ok) return res.error;
      await deleteLocalStore(db);
      status.value = res.data;
      return null;
    } catch (e) {
      return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    } finally {
      busy.value = null;
    }
  }

  return { status, statusError, known, needsConnect, busy, load, connect, disconnect, pendingEdits };
});
