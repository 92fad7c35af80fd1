import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { hubspot } from '../../shared/hubspot';
import { classifyError, clampDays, readinessLevel, summarizeReadiness, tripNeeds, tripWindow, TRIP_DAYS, type TripProblem } from '../../shared/trip';
import { createZone } from '../../shared/views/zone';
import { deleteMeta, getMeta, getMetaFamily, getMetaMany, META, putMeta, type TripReadinessValue } from '../db/meta';
import { activitiesOn, localCounts, tripRows } from '../db/queries/trip';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useConnectivityStore } from './connectivity';
import { useHealthStore } from './health';
import { hubspotVia, useHost } from './host-key';
import { usePropertyCatalog } from './property-catalog';
import { useSyncStore } from './sync';
import { useWorkspaceStore } from './workspace';

export type TripPhase = 'idle' | 'refreshing' | 'collecting' | 'saving';

/** HubSpot's batch read takes up to 100 inputs (the demo CRM refuses more). */
const BATCH = 100;
/** A pass over a large book takes minutes; past this the card is made from what is local. */
const PASS_TIMEOUT_MS = 10 * 60_000;
const HEALTH_WAIT_MS = 15_000;
/** The error code of a preparation with no CRM user known (the panel words it). */
export const NO_USER = 'noUser';

function until(test: () => boolean, timeoutMs: number): Promise<boolean> {
  if (test()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const stop = watch(test, (ok) => {
      if (ok) done(true);
    });
  });
}

/**
 * "Prepare for a trip" (docs/product.md §9): one sync pass through the sync store (the one
 * sync path), then what the next N days need is worked out from the local store
 * (shared/trip), the accounts' full property lists are kept for "All properties" offline
 * (batch reads through the host's gateway and its rate limiter), and the readiness card is
 * written to `meta` `trip:readiness`, so it shows after a restart and offline.
 */
export const useTripStore = defineStore('trip', () => {
  const db = useDb();
  const crm = hubspotVia(useHost());
  const sync = useSyncStore();
  const connectivity = useConnectivityStore();
  const workspace = useWorkspaceStore();
  const health = useHealthStore();
  const catalog = usePropertyCatalog();

  const days = ref<number>(TRIP_DAYS.default);
  const phase = ref<TripPhase>('idle');
  const saving = ref<{ done: number; total: number } | null>(null);
  const error = ref<string | null>(null);
  const stored = useLiveQuery(() => getMeta(db, META.tripReadiness), undefined as TripReadinessValue | undefined);
  const readiness = computed(() => stored.value.value ?? null);

  /** Runs one pass now and waits for it to end; false when it did not run or did not end in time. */
  async function refresh(): Promise<boolean> {
    const ran = ref(false);
    const stop = watch(
      () => sync.running,
      (r) => {
        if (r) ran.value = true;
      },
      { immediate: true },
    );
    sync.syncNow();
    const started = await until(() => ran.value, 15_000);
    stop();
    if (!started) return false;
    return until(() => !sync.running, PASS_TIMEOUT_MS);
  }

  /** Every property of the trip's accounts, kept for the record preview offline; problems are reported, not thrown. */
  async function saveAllProperties(type: string, ids: readonly string[], problems: TripProblem[]): Promise<number> {
    const names = catalog.definitions.filter((d) => d.objectType === type).map((d) => d.name);
    if (!names.length || !ids.length) return 0;
    let saved = 0;
    saving.value = { done: 0, total: ids.length };
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const sent = await crm(hubspot.objects.batchRead(type, chunk, names));
      if (!sent.ok) {
        const kind = sent.error.kind === 'unreachable' ? 'offline' : sent.error.status === 429 ? 'rateLimited' : classifyError(sent.error.message);
        problems.push({ kind, subject: 'allProperties', message: sent.error.message });
        break;
      }
      const at = Date.now();
      for (const r of sent.value.results) {
        const values: Record<string, string | null> = {};
        for (const n of names) values[n] = r.properties[n] ?? null;
        await putMeta(db, META.tripAllProperties(`${type}:${r.id}`), { at, values });
        saved++;
      }
      saving.value = { done: Math.min(ids.length, i + BATCH), total: ids.length };
    }
    // Kept in full for this trip: the lists of accounts earlier trips touched are dropped.
    if (saved === ids.length) {
      const keep = new Set(ids.map((id) => `${META.tripAllProperties.prefix}${type}:${id}`));
      for (const { key } of await getMetaFamily(db, META.tripAllProperties))
        if (!keep.has(key)) await deleteMeta(db, META.tripAllProperties(key.slice(META.tripAllProperties.prefix.length)));
    }
    return saved;
  }

  async function storageSize(): Promise<number | null> {
    try {
      const est = await globalThis.navigator?.storage?.estimate?.();
      return typeof est?.usage === 'number' ? est.usage : null;
    } catch {
      return null;
    }
  }

  /** Prepares the next `n` days: refresh (online), work out the trip's records, keep what is on demand, write the card. */
  async function prepare(n: number = days.value): Promise<void> {
    if (phase.value !== 'idle') return;
    days.value = clampDays(n);
    error.value = null;
    const problems: TripProblem[] = [];
    try {
      let refreshed = false;
      const online = connectivity.online;
      if (!online) problems.push({ kind: 'offline', subject: 'refresh' });
      else {
        phase.value = 'refreshing';
        refreshed = await refresh();
        for (const r of sync.incomplete) {
          const kind = classifyError(r.message);
          problems.push({ kind: kind === 'rateLimited' || kind === 'offline' ? kind : 'refused', subject: r.objectType, message: r.message });
        }
        const last = sync.lastError;
        if (!refreshed || (last && !sync.incomplete.length))
          problems.push({ kind: last ? classifyError(last) : 'failed', subject: 'refresh', ...(last ? { message: last } : {}) });
      }
      phase.value = 'collecting';
      if (!workspace.loaded) await workspace.load();
      const ownerId = workspace.ownerId;
      if (!ownerId) throw new Error(NO_USER);
      health.start();
      await until(() => health.ready, HEALTH_WAIT_MS);
      const now = Date.now();
      const zone = createZone(workspace.timeZone);
      const { from, to } = tripWindow(now, days.value, zone);
      const settings = workspace.settings;
      const rows = await tripRows(db, settings, ownerId, from, to);
      const needs = tripNeeds({
        ...rows,
        now,
        days: days.value,
        zone,
        renewalProperty: settings.renewalProperty,
        healthStatus: (id) => health.resultFor(id)?.status ?? null,
      });
      let allPropertiesSaved = 0;
      if (online) {
        phase.value = 'saving';
        allPropertiesSaved = await saveAllProperties(settings.accountObject, needs.accounts, problems);
      }
      if (allPropertiesSaved < needs.accounts.length) {
        const kept = await getMetaMany(
          db,
          needs.accounts.map((id) => META.tripAllProperties(`${settings.accountObject}:${id}`)),
        );
        allPropertiesSaved = Math.max(allPropertiesSaved, kept.filter(Boolean).length);
      }
      const value = summarizeReadiness({
        at: now,
        days: days.value,
        needs,
        local: await localCounts(db, settings.accountObject),
        tripActivities: await activitiesOn(db, settings.accountObject, needs.accounts),
        refreshed,
        lastSyncedAt: sync.lastSyncedAt,
        sizeBytes: await storageSize(),
        allPropertiesSaved,
        problems,
        healthScored: health.statusCounts.healthy + health.statusCounts.neutral + health.statusCounts.atRisk > 0,
      });
      await putMeta(db, META.tripReadiness, value);
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    } finally {
      phase.value = 'idle';
      saving.value = null;
    }
  }

  return {
    days,
    phase,
    busy: computed(() => phase.value !== 'idle'),
    saving,
    error,
    readiness,
    level: computed(() => (readiness.value ? readinessLevel(readiness.value) : null)),
    online: computed(() => connectivity.online),
    syncProgress: computed(() => sync.progress),
    prepare,
  };
});
