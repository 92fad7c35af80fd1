import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CallOutput } from '../../shared/contract';
import { getMeta, META, putMeta } from '../db/meta';
import { useDb } from '../lib/db-key';
import { useHost } from './host-key';

export type Identity = NonNullable<CallOutput<'crm:whoami'>>;

export interface WorkspaceSettings {
  /** The object that represents an account: `companies` or a custom object type. */
  accountObject: string;
  /** The owner-type property of the account object that holds the CSM. */
  csmProperty: string;
  /** The optional date property holding the renewal date. */
  renewalProperty: string | null;
}

/** The demo CRM's account setup; the setup dialog (issue 5) lets the user change it. */
export const DEFAULT_SETTINGS: WorkspaceSettings = {
  accountObject: 'companies',
  csmProperty: 'csm_owner',
  renewalProperty: 'renewal_date',
};

/**
 * Who is using the workspace and how it is set up. The identity is remembered in the local
 * database so that an offline start still knows whose tasks and accounts to show.
 */
export const useWorkspaceStore = defineStore('workspace', () => {
  const host = useHost();
  const db = useDb();
  const identity = ref<Identity | null>(null);
  const settings = ref<WorkspaceSettings>({ ...DEFAULT_SETTINGS });
  const timeZone = ref(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const loaded = ref(false);

  /**
   * Several stores ask for the workspace as the app starts (`if (!loaded) load()`): they share
   * the load in flight, so the host is asked who the user is once, not once each.
   */
  let loading: Promise<void> | null = null;
  function load(): Promise<void> {
    return (loading ??= read().finally(() => (loading = null)));
  }

  async function read() {
    const [savedIdentity, savedSettings] = await Promise.all([getMeta(db, META.identity), getMeta(db, META.workspaceSettings)]);
    if (savedIdentity) identity.value = savedIdentity;
    if (savedSettings) settings.value = { ...DEFAULT_SETTINGS, ...savedSettings };
    const who = await host['crm:whoami']({});
    if (who.ok && who.data) {
      identity.value = who.data;
      await putMeta(db, META.identity, who.data);
    }
    loaded.value = true;
  }

  async function saveSettings(next: WorkspaceSettings) {
    await putMeta(db, META.workspaceSettings, next);
    settings.value = next;
  }

  const ownerId = computed(() => identity.value?.ownerId ?? null);
  return { identity, ownerId, settings, timeZone, loaded, load, saveSettings };
});
