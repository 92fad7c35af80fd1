import { defineStore } from 'pinia';
import { computed, markRaw, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { HealthResult, HealthStatus, HealthSummary } from '../../shared/health';
import { createZone } from '../../shared/views';
import type { CsDatabase } from '../db';
import { loadScoreModel } from '../db/repositories/health-model';
import type { EngineInput } from '../health/engine';
import type { FromHealthWorker } from '../health/protocol';
import { useDb } from '../lib/db-key';
import { healthEngines, type HealthEngineHandle } from './health-engine';
import { parseScores, useHealthModelStore } from './health-model';
import { useViewsStore } from './views';
import { useWorkspaceStore } from './workspace';

/**
 * Health scores: every account's result, computed by the engine (src-renderer/health/engine.ts),
 * which reads Dexie and follows its change events itself, keeping the accounts in a plain
 * `HealthBook`. The engine is a dependency (`./health-engine`: a Web Worker in the app, the
 * same engine in the page in Node tests); it posts back every result after a full computation
 * and only the accounts a change reached after an incremental one. The store publishes them as
 * a shallow, never deeply reactive map and a revision number; `explain(id)` asks the engine for
 * one account's breakdown; the engine also writes the daily snapshots. The model is
 * `useHealthModelStore`, the trend and the since-last-sync
 * diff `useHealthSnapshotsStore`, renewals `useRenewalsStore`.
 */

export type StatusCounts = Record<HealthStatus | 'none', number>;

export const useHealthStore = defineStore('health', () => {
  const db: CsDatabase = useDb();
  const engineFactory = healthEngines.use();
  const workspace = useWorkspaceStore();
  const views = useViewsStore();
  const model = useHealthModelStore();
  const accountObject = computed(() => workspace.settings.accountObject);

  const results = shallowRef<ReadonlyMap<string, HealthSummary | null>>(markRaw(new Map()));
  const revision = ref(0);
  /** True once the engine has published results at least once. */
  const ready = ref(false);
  const computing = ref(false);
  const error = shallowRef<unknown>(null);
  const names = new Map<string, string>();
  let explainSeq = 0;
  const explaining = new Map<number, (r: Array<HealthResult | null>) => void>();

  function onEvent(e: FromHealthWorker): void {
    if (e.type === 'computing') computing.value = e.computing;
    else if (e.type === 'error') error.value = new Error(e.message);
    else if (e.type === 'explained') {
      explaining.get(e.requestId)?.(e.results);
      explaining.delete(e.requestId);
    } else {
      const next = e.full ? new Map(e.entries) : new Map(results.value);
      if (!e.full) for (const [id, r] of e.entries) next.set(id, r);
      if (e.full) names.clear();
      for (const [id, n] of e.names) names.set(id, n);
      ready.value = true;
      error.value = null;
      results.value = markRaw(next);
      revision.value++;
    }
  }

  let handle: HealthEngineHandle | null = null;

  /** Sends the model, the saved views and the workspace to the engine, which recomputes everything. */
  async function sendInput(): Promise<void> {
    if (!handle) return;
    // Read from the database, not the live query, so a save is computed even before the query re-runs.
    const list = parseScores(await loadScoreModel(db));
    const input: EngineInput = JSON.parse(
      JSON.stringify({
        scores: list,
        views: views.custom,
        accountObject: accountObject.value,
        timeZone: workspace.timeZone,
        ownerId: workspace.ownerId ?? null,
        now: Date.now(),
      }),
    ) as EngineInput;
    handle.post({ type: 'input', input });
  }
  /** Recomputes every account with the current model (after a save, or at midnight). */
  async function recomputeAll(): Promise<void> {
    await sendInput();
  }

  // A new day moves every time window: recompute at the next local midnight.
  let midnightTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleMidnight(): void {
    clearTimeout(midnightTimer);
    const zone = createZone(workspace.timeZone);
    const next = zone.startOfDay(zone.dayOf(Date.now()) + 1);
    midnightTimer = setTimeout(
      () => {
        handle?.post({ type: 'recomputeAll', now: Date.now() });
        scheduleMidnight();
      },
      Math.max(1000, next - Date.now()),
    );
  }

  let started = false;
  /** Starts computing once the workspace is known; idempotent. */
  function start(): void {
    if (started) return;
    started = true;
    if (!workspace.loaded) void workspace.load();
    handle = engineFactory(db, onEvent, (err) => (error.value = err));
    watch(
      [() => model.scores, () => views.custom, accountObject, () => workspace.timeZone, () => workspace.ownerId, () => model.scoresLoading],
      () => {
        if (!model.scoresLoading) void sendInput();
      },
      { immediate: true },
    );
    watch(
      () => model.saved,
      () => void sendInput(),
    );
    scheduleMidnight();
  }

  onScopeDispose(() => {
    handle?.stop();
    clearTimeout(midnightTimer);
  });

  /** An account's score and status (reactive: reading it re-renders when results are republished). */
  function resultFor(accountId: string): HealthSummary | null {
    return results.value.get(accountId) ?? null;
  }
  /**
   * True while an account's score is not computed yet (the engine has not published it since the
   * account arrived): the UI shows a skeleton. A computed account without a score is in the map as
   * null; with no health score defined at all there is nothing to wait for.
   */
  function pendingFor(accountId: string): boolean {
    if (!model.scoresLoading && model.scores.length === 0) return false;
    return !ready.value || !results.value.has(accountId);
  }
  /** An account's name as the engine last saw it. */
  function nameOf(accountId: string): string {
    return names.get(accountId) ?? accountId;
  }
  /**
   * Accounts' full breakdowns per group and criterion, evaluated by the engine on request, in
   * one round trip however many (the preview's card asks for one, the away digest for a book).
   */
  function explainMany(accountIds: readonly string[]): Promise<Array<HealthResult | null>> {
    if (!handle || accountIds.length === 0) return Promise.resolve(accountIds.map(() => null));
    const requestId = ++explainSeq;
    const answer = new Promise<Array<HealthResult | null>>((resolve) => explaining.set(requestId, resolve));
    handle.post({ type: 'explain', requestId, accountIds: [...accountIds], now: Date.now() });
    return answer;
  }
  /** An account's full breakdown (the preview's card). */
  const explain = async (accountId: string): Promise<HealthResult | null> => (await explainMany([accountId]))[0] ?? null;
  const statusCounts = computed((): StatusCounts => {
    const counts: StatusCounts = { healthy: 0, neutral: 0, atRisk: 0, none: 0 };
    for (const r of results.value.values()) counts[r ? r.status : 'none']++;
    return counts;
  });
  /** Accounts of a status, e.g. for a Portfolio filter (ids only; the table reads the rows). */
  function idsWithStatus(status: HealthStatus): Set<string> {
    const out = new Set<string>();
    for (const [id, r] of results.value) if (r?.status === status) out.add(id);
    return out;
  }

  return {
    accountObject,
    results,
    revision,
    ready,
    computing,
    error,
    statusCounts,
    resultFor,
    pendingFor,
    nameOf,
    explain,
    explainMany,
    idsWithStatus,
    start,
    recomputeAll,
  };
});
