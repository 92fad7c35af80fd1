import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { CallInput, CallOutput, HostError } from '../../shared/contract';
import { CsDatabase, DEFAULT_DB_NAME, otherCrmInDefault, readDefaultStoreSource } from '../db';
import { deleteLocalStore, settleCrmSource, type CrmSource } from '../db/repositories/crm-source';
import { sourceOfStatus as sourceOf, storeNameFor } from './local-store';
import {
  importSavedEdits,
  readSavedNotice,
  saveUnsentEdits,
  unsentEditCount,
  writeSavedNotice,
  type ImportOutcome,
  type SavedEditsNotice,
} from './saved-edits';
import { useDb } from '../lib/db-key';
import { listCrmUsers, type PickableUser } from './crm-users';
import { useHost } from './host-key';

/**
 * Which CRM the host is connected to, who is using it, and Connect / Disconnect. The token
 * passes through here once, on its way to the host; it is never stored in the renderer (no
 * Dexie, no localStorage) and never comes back from the host.
 *
 * The first-run screen stays up (`needsConnect`) until three things hold: a CRM is
 * connected, the user is known ("Who are you?"), and the local store holds no data of
 * another CRM (`step === 'switch'` asks before it is deleted).
 */
export const useConnectionStore = defineStore('connection', () => {
  const host = useHost();
  const db = useDb();
  const status = ref<CallOutput<'crm:status'> | null>(null);
  /** The host could not say (e.g. the web host is down and the page came from the offline cache). */
  const statusError = ref<string | null>(null);
  const busy = ref<'demo' | 'hubspot' | 'hubspot-oauth' | 'disconnect' | 'user' | 'switch' | 'address' | null>(null);
  /** Where "Connect HubSpot" goes (Settings → CRM connection → Advanced); null until asked. */
  const hubspotUrl = ref<CallOutput<'crm:hubspotUrl'> | null>(null);
  const identity = ref<CallOutput<'crm:whoami'>>(null);
  /** A step of the first-run screen after connecting: pick the user, or confirm clearing another CRM's data. */
  const step = ref<'who' | 'switch' | null>(null);
  /** The CRM whose data is on this computer, while `step === 'switch'`. */
  const previousSource = ref<CrmSource | null>(null);
  /** The store `step === 'switch'` asks about: this one, or `cs-workspace` when another CRM's data is there. */
  let switchStore: CsDatabase = db;
  /** The host is now connected to a CRM whose data is in another local database: the page reloads onto it. */
  const reloading = ref(false);

  /**
   * Records which CRM fills the local store, or asks first when it holds another CRM's data.
   * Returns true when the workspace may open.
   */
  async function checkSource(connected: CallOutput<'crm:status'> | null = status.value): Promise<boolean> {
    const now = sourceOf(connected);
    if (!now) return true;
    const { other } = await settleCrmSource(db, now);
    // A portal with a database of its own: `cs-workspace` may still hold another CRM's data.
    const elsewhere = !other && db.name !== DEFAULT_DB_NAME ? await readDefaultStoreSource() : null;
    if (!other && !(elsewhere && otherCrmInDefault(now, elsewhere))) return true;
    switchStore = other ? db : new CsDatabase(DEFAULT_DB_NAME);
    previousSource.value = other ?? elsewhere;
    step.value = 'switch';
    return false;
  }

  async function loadIdentity(): Promise<void> {
    const who = await host['crm:whoami']({});
    // A host or CRM that cannot answer does not hide an offline workspace.
    if (!who.ok) return;
    identity.value = who.data;
    if (who.data === null) step.value = 'who';
  }

  async function load() {
    const res = await host['crm:status']({});
    if (!res.ok) {
      statusError.value = res.error.message;
      return;
    }
    statusError.value = null;
    if (!res.data.connected) {
      status.value = res.data;
      return;
    }
    // Connected: settle who is using it and whose data is here before the workspace opens.
    await loadIdentity();
    if (step.value === null) await checkSource(res.data);
    status.value = res.data;
  }

  /** True only when the host says so: an unreachable host must not hide an offline workspace. */
  const needsConnect = computed(() => status.value !== null && (!status.value.connected || step.value !== null));
  const known = computed(() => status.value !== null || statusError.value !== null);

  async function connect(req: CallInput<'crm:connect'>): Promise<HostError | null> {
    busy.value = req.kind;
    try {
      const res = await host['crm:connect'](req);
      if (!res.ok) return res.error;
      // Another portal's database (or back to `cs-workspace`): nothing more here, the page reloads.
      if ((await storeNameFor(res.data)) !== db.name) {
        reloading.value = true;
        return null;
      }
      // "Who are you?" comes next (the demo CRM's signed-in user preselected), unless the sign-in said who.
      const who = await host['crm:whoami']({});
      identity.value = who.ok ? who.data : null;
      status.value = res.data;
      step.value = res.data.auth === 'oauth' && identity.value ? null : 'who';
      if (step.value === null) await checkSource(res.data);
      return null;
    } finally {
      busy.value = null;
    }
  }

  /** All users of the CRM, by name, for "Who are you?". */
  const listUsers = (): Promise<{ users: PickableUser[] } | { error: HostError }> => listCrmUsers(host);

  /**
   * Keeps the chosen user with the host's connection. On the first-run screen it then checks
   * whose data is on this computer; from Settings the caller reloads the page.
   */
  async function setUser(userId: string): Promise<HostError | null> {
    busy.value = 'user';
    try {
      const res = await host['crm:setUser']({ userId });
      if (!res.ok) return res.error;
      identity.value = res.data;
      if (step.value === 'who') {
        // Whose data is here is settled before the step ends: clearing `step` first opened the
        // workspace (and started its sync into the other CRM's store) for a moment before the
        // switch screen took over, and a switch then deleted the store under it.
        if (await checkSource()) step.value = null;
      }
      return null;
    } catch (e) {
      return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    } finally {
      busy.value = null;
    }
  }

  async function loadHubspotUrl(): Promise<HostError | null> {
    const res = await host['crm:hubspotUrl']({});
    if (!res.ok) return res.error;
    hubspotUrl.value = res.data;
    return null;
  }

  /**
   * Whether saving this address must end the live connection first: HubSpot is connected
   * at another address. A live connection never moves (its token was checked where it is).
   */
  const addressChangeDisconnects = (url: string | null): boolean => {
    const s = status.value;
    const next = url ?? hubspotUrl.value?.defaultUrl ?? null;
    return s?.connected === true && s.kind === 'hubspot' && next !== s.baseUrl;
  };

  /**
   * Saves where the next "Connect HubSpot" goes. When HubSpot is connected elsewhere it then
   * disconnects, keeping this computer's data: connecting at the new address goes through the
   * usual CRM switch (unsent edits saved to a file, then the other CRM's data deleted, asking
   * first when edits wait). The caller reloads the page after a disconnect.
   */
  async function saveHubspotUrl(url: string | null): Promise<{ error: HostError } | { disconnected: boolean }> {
    busy.value = 'address';
    try {
      const disconnects = addressChangeDisconnects(url);
      const res = await host['crm:setHubspotUrl']({ url });
      if (!res.ok) return { error: res.error };
      hubspotUrl.value = res.data;
      if (!disconnects) return { disconnected: false };
      busy.value = null;
      const failed = await disconnect({ keepLocalStore: true });
      return failed ? { error: failed } : { disconnected: true };
    } catch (e) {
      return { error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
    } finally {
      busy.value = null;
    }
  }

  /** Edits not in the CRM: the outbox (queued or waiting for the user) and unresolved conflicts. */
  const pendingEdits = () => unsentEditCount(step.value === 'switch' ? switchStore : db);

  /** "Your unsent edits were saved to …", shown after the reset that saved them (survives the reload). */
  const savedNotice = ref<SavedEditsNotice | null>(readSavedNotice());
  function dismissSavedNotice() {
    savedNotice.value = null;
    writeSavedNotice(null);
  }

  /**
   * Every path that deletes the local store goes through here: the unsent edits are saved to
   * a file in the data folder first; if that fails, nothing is deleted.
   */
  async function deleteAfterSaving(before: () => Promise<HostError | null> = async () => null, target = db): Promise<HostError | null> {
    const saving = await saveUnsentEdits(host, target);
    if ('error' in saving) {
      return {
        code: saving.error.code,
        message: `the edits that have not reached the CRM could not be saved to a file first, so nothing was deleted (${saving.error.message})`,
      };
    }
    const refused = await before();
    if (refused) return refused;
    await deleteLocalStore(target);
    if (saving.saved) {
      writeSavedNotice(saving.saved);
      savedNotice.value = saving.saved;
    }
    return null;
  }

  /**
   * Another CRM's data is on this computer: save its unsent edits to a file, delete it
   * (after the caller confirmed when edits were waiting), then reload, so the workspace
   * starts over with the new CRM.
   */
  async function clearForNewCrm(): Promise<HostError | null> {
    busy.value = 'switch';
    try {
      return await deleteAfterSaving(undefined, switchStore);
    } catch (e) {
      return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    } finally {
      busy.value = null;
    }
  }

  /**
   * Unsent edits to a file first, then the host (so a refusal of either changes nothing),
   * then the whole local store; the caller reloads the page, which ends the sync worker and
   * every in-memory state with it.
   */
  async function disconnect(opts: { keepLocalStore?: boolean } = {}): Promise<HostError | null> {
    busy.value = 'disconnect';
    try {
      let disconnected: CallOutput<'crm:disconnect'> | null = null;
      const hostDisconnect = async (): Promise<HostError | null> => {
        const res = await host['crm:disconnect']({});
        if (!res.ok) return res.error;
        disconnected = res.data;
        return null;
      };
      const failed = opts.keepLocalStore ? await hostDisconnect() : await deleteAfterSaving(hostDisconnect);
      if (failed) return failed;
      status.value = disconnected;
      step.value = null;
      identity.value = null;
      return null;
    } catch (e) {
      return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    } finally {
      busy.value = null;
    }
  }

  /**
   * A newer status of the same connection from the host (the sign-in banner's check, or its
   * sign-in again); this store stays the only writer of `status`.
   */
  const followStatus = (next: CallOutput<'crm:status'>) => {
    status.value = next;
  };

  /** Settings → Saved edits: reads a saved-edits file back into the local store. */
  const importEdits = (file: string): Promise<ImportOutcome> => importSavedEdits(host, db, file);

  return {
    status: computed(() => status.value),
    followStatus,
    statusError,
    known,
    needsConnect,
    reloading,
    busy,
    identity,
    step,
    previousSource,
    load,
    connect,
    listUsers,
    setUser,
    clearForNewCrm,
    disconnect,
    pendingEdits,
    hubspotUrl,
    loadHubspotUrl,
    addressChangeDisconnects,
    saveHubspotUrl,
    savedNotice,
    dismissSavedNotice,
    importEdits,
  };
});
