import { defineStore } from 'pinia';
import { computed, inject, ref, watch } from 'vue';
import { routeLocationKey } from 'vue-router';
import { INITIAL_STATUS, type SyncStatus } from '../../shared/sync';
import { startSyncClient, type SyncClient } from '../sync';
import { typesOnScreen } from '../sync/on-screen';
import { useActivityStore } from './activity';
import { useConnectivityStore } from './connectivity';
import { useDb } from '../lib/db-key';
import { useHost } from './host-key';
import { useLiveQuery } from '../lib/live-query';
import { pendingBackfill } from '../db/queries/used-properties';
import { pendingCounts } from '../db';

/**
 * The sync status the frame shows, fed by the sync worker (src-renderer/sync). The store
 * tells the worker when the machine goes on- or offline, when it wakes from sleep, and what
 * the user is doing (window in use, battery, the types of the open screen); the worker
 * decides when to sync (start, its schedule, reconnect, resume, "Sync now", an edit).
 */
export const useSyncStore = defineStore('sync', () => {
  const host = useHost();
  const db = useDb();
  const connectivity = useConnectivityStore();
  const activity = useActivityStore();
  // The current route, when the app has a router (tests of single components may not).
  const route = inject(routeLocationKey, null);
  const status = ref<SyncStatus>({ ...INITIAL_STATUS });
  const backfill = useLiveQuery(() => pendingBackfill(db), '');
  // What waits in the outbox is read from the local store, where the edits are: the worker's
  // status lags behind a reload or a restart, and "No pending edits" must never be a guess.
  const counts = useLiveQuery(() => pendingCounts(db), null);
  let client: SyncClient | null = null;

  function start() {
    if (client) return;
    client = startSyncClient(host, db);
    client.onStatus((s) => (status.value = s));
    client.notifyOnline(connectivity.online);
    watch(
      () => connectivity.online,
      (online) => client?.notifyOnline(online),
    );
    host.on('onDidResume', () => client?.notifyResume());
    // A new column, filter, criterion or report on a property not yet synced: a pass now
    // backfills it (with progress) instead of at the next scheduled one.
    watch(backfill.value, (missing, before) => {
      if (missing && missing !== before) client?.syncNow();
    });
    watch(
      () => ({ inUse: activity.inUse, onBattery: activity.onBattery, onScreen: typesOnScreen(route?.name) }),
      (a) => client?.notifyActivity(a),
      { immediate: true, deep: true },
    );
  }

  return {
    status,
    running: computed(() => status.value.running),
    phase: computed(() => status.value.phase),
    nextAttemptAt: computed(() => status.value.nextAttemptAt ?? null),
    progress: computed(() => status.value.progress ?? null),
    lastSyncedAt: computed(() => status.value.lastSyncedAt),
    /** Types the last pass could not sync: the local data of those is incomplete. */
    incomplete: computed(() => status.value.incomplete ?? []),
    /** Some data has synced on this computer this session, even if not every type. */
    everSynced: computed(() => status.value.lastSyncedAt !== null || Object.keys(status.value.typeSyncedAt ?? {}).length > 0),
    /**
     * The session's first pass is running and none has finished: an empty list may still fill, so
     * screens show a skeleton, not an empty state. Offline (nothing running) they say what is there.
     */
    firstSyncRunning: computed(() => status.value.running && status.value.lastSyncedAt === null && Object.keys(status.value.typeSyncedAt ?? {}).length === 0),
    /** Edits waiting for the CRM; null until the local store has answered. */
    pending: computed(() => counts.value.value?.pending ?? null),
    errors: computed(() => counts.value.value?.attention ?? 0),
    conflicts: computed(() => counts.value.value?.conflicts ?? 0),
    lastError: computed(() => status.value.lastError ?? null),
    /** The portal's daily API budget is low: the sync polls hourly (edits still go at once). */
    budgetLow: computed(() => status.value.budgetLow ?? false),
    start,
    syncNow: () => client?.syncNow(),
  };
});
