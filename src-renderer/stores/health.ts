import { defineStore } from 'pinia';
import { computed, markRaw, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { PermissionError } from '../../shared/domain/permissions';
import {
  HealthModelError,
  HealthScoreSchema,
  checkScore,
  daysUntil,
  renewalBucket,
  type RenewalBucket,
  decideHealthEdit,
  type HealthResult,
  type HealthScore,
  type HealthSummary,
  type HealthStatus,
} from '../../shared/health';
import { createZone, propertyKindOf, type PropertyKind } from '../../shared/views';
import type { CsDatabase } from '../db';
import { deleteMeta, getMeta, META, putMeta } from '../db/meta';
import { loadScoreModel, scoreModelTables, storeScoreModel } from '../db/repositories/health-model';
import {
  healthReference,
  readSnapshots,
  renewalsBetween,
  type HealthSnapshot,
} from '../db/queries/health';
import type { PropertyRow, UserRow } from '../db/rows';
import { createHealthEngine, type EngineInput } from '../health/engine';
import type { FromHealthWorker, ToHealthWorker } from '../health/protocol';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useViewsStore } from './views';
import { useWorkspaceStore } from './workspace';

/**
 * Health scores: the model (a shared workspace document, `health:scores`, so every client of
 * the CRM account computes the same scores; drafts per user in Dexie `meta`
 * `health:draft:<userId>`), every account's result, daily snapshots, renewals.
 *
 * The computation runs in a Web Worker (health/health.worker.ts) that reads Dexie and
 * follows its change events itself, keeping the accounts in a plain `HealthBook`; it posts
 * back every result after a full computation and only the accounts a change reached after an
 * incremental one. The store publishes them as a shallow, never deeply reactive map and a
 * revision number; `explain(id)` asks the worker for one account's breakdown.
 */

const parseScores = (raw: unknown): HealthScore[] =>
  (Array.isArray(raw) ? raw : []).flatMap((s) => {
    const p = HealthScoreSchema.safeParse(s);
    return p.success ? [p.data] : [];
  });

export interface RenewalRow {
  id: string;
  name: string;
  renewalDate: string;
  /** Whole days from today (negative = overdue). */
  days: number;
  bucket: RenewalBucket;
}
export type RenewalView = 'overdue' | 'next30' | 'next60' | 'next90';

export interface PropertyOption {
  name: string;
  label: string;
  kind: PropertyKind;
  options: Array<{ label: string; value: string }>;
}

export type StatusCounts = Record<HealthStatus | 'none', number>;

export const useHealthStore = defineStore('health', () => {
  const db: CsDatabase = useDb();
  const workspace = useWorkspaceStore();
  const views = useViewsStore();
  if (!workspace.loaded) void workspace.load();
  const userId = computed(() => workspace.identity?.userId ?? null);
  const accountObject = computed(() => workspace.settings.accountObject);

  const scores = useLiveQuery(async () => parseScores(await loadScoreModel(db)), [] as HealthScore[]);
  const draft = useLiveQuery(
    async () => {
      const raw = userId.value ? await getMeta(db, META.healthDraft(userId.value)) : undefined;
      const p = HealthScoreSchema.safeParse(raw);
      return p.success ? p.data : null;
    },
    null as HealthScore | null,
    userId,
  );
  const me = useLiveQuery(async () => (userId.value ? db.users.get(userId.value) : undefined), undefined as UserRow | undefined, userId);
  /** The UI hides editing without it; `saveScores` and `saveDraft` enforce it. */
  const editDecision = computed(() => decideHealthEdit(me.value.value ?? null));
  const canEdit = computed(() => editDecision.value.allowed);

  /** Property definitions, for the editor's pickers. */
  const definitions = useLiveQuery(() => db.properties.toArray(), [] as PropertyRow[]);
  function propertiesOf(objectType: string): PropertyOption[] {
    return definitions.value.value
      .filter((p) => p.objectType === objectType)
      .map((p) => ({
        name: p.name,
        label: p.label ?? p.name,
        kind: propertyKindOf({ type: p.type ?? 'string', referencedObjectType: (p.referencedObjectType as string | undefined) ?? null }),
        options: p.options ?? [],
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }
  /** What `checkScore` needs, for live validation in the editor. */
  const typeInfo = computed(() => {
    const propertyTypes: Record<string, Record<string, PropertyKind>> = {};
    for (const p of definitions.value.value) (propertyTypes[p.objectType] ??= {})[p.name] = propertyKindOf({ type: p.type ?? 'string', referencedObjectType: (p.referencedObjectType as string | undefined) ?? null });
    return { accountObject: accountObject.value, propertyTypes, viewIds: views.custom.map((v) => v.id) };
  });
  /** Saved views of accounts a score may apply to (segments). */
  const segmentOptions = computed(() => views.custom.filter((v) => v.objectType === accountObject.value).map((v) => ({ id: v.id, name: v.name })));

  // ---- computation -------------------------------------------------------------------
  // The engine (src-renderer/health/engine.ts) reads Dexie and follows its change events itself.
  // In the app it runs in a Web Worker (health.worker.ts), so 50,000 accounts never block the
  // UI; where there is no Worker (Node tests) it runs here, a chunk at a time.
  const results = shallowRef<ReadonlyMap<string, HealthSummary | null>>(markRaw(new Map()));
  const revision = ref(0);
  const computing = ref(false);
  const error = shallowRef<unknown>(null);
  const names = new Map<string, string>();
  let hasResults = false;
  let explainSeq = 0;
  const explaining = new Map<number, (r: HealthResult | null) => void>();

  function onEvent(e: FromHealthWorker): void {
    if (e.type === 'computing') computing.value = e.computing;
    else if (e.type === 'error') error.value = new Error(e.message);
    else if (e.type === 'explained') {
      explaining.get(e.requestId)?.(e.result);
      explaining.delete(e.requestId);
    } else {
      const next = e.full ? new Map(e.entries) : new Map(results.value);
      if (!e.full) for (const [id, r] of e.entries) next.set(id, r);
      if (e.full) names.clear();
      for (const [id, n] of e.names) names.set(id, n);
      hasResults = true;
      error.value = null;
      results.value = markRaw(next);
      revision.value++;
      scheduleSnapshot();
    }
  }

  interface EngineHandle {
    post(m: ToHealthWorker): void;
    stop(): void;
  }
  let handle: EngineHandle | null = null;
  function startEngine(): EngineHandle {
    if (typeof Worker !== 'undefined') {
      const worker = new Worker(new URL('../health/health.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (ev: MessageEvent<FromHealthWorker>) => onEvent(ev.data));
      worker.addEventListener('error', (ev) => (error.value = new Error(ev.message || 'The health worker failed.')));
      worker.postMessage({ type: 'open', dbName: db.name } satisfies ToHealthWorker);
      return { post: (m) => worker.postMessage(m), stop: () => worker.terminate() };
    }
    const engine = createHealthEngine(db, onEvent);
    return {
      post(m) {
        if (m.type === 'input') engine.setInput(m.input);
        else if (m.type === 'recomputeAll') void engine.recomputeAll(m.now);
        else if (m.type === 'explain') onEvent({ type: 'explained', requestId: m.requestId, result: engine.explain(m.accountId, m.now) });
      },
      stop: () => engine.stop(),
    };
  }

  /** Sends the model, the saved views and the workspace to the engine, which recomputes everything. */
  async function sendInput(): Promise<void> {
    if (!handle) return;
    // Read from the database, not the live query, so a save is computed even before the query re-runs.
    const list = parseScores(await loadScoreModel(db));
    const input: EngineInput = JSON.parse(
      JSON.stringify({ scores: list, views: views.custom, accountObject: accountObject.value, timeZone: workspace.timeZone, ownerId: workspace.ownerId ?? null, now: Date.now() }),
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
    midnightTimer = setTimeout(() => {
      handle?.post({ type: 'recomputeAll', now: Date.now() });
      scheduleMidnight();
    }, Math.max(1000, next - Date.now()));
  }

  let started = false;
  /** Starts computing once the workspace is known; idempotent. */
  function start(): void {
    if (started) return;
    started = true;
    if (!workspace.loaded) void workspace.load();
    handle = startEngine();
    watch(
      [() => scores.value.value, () => views.custom, accountObject, () => workspace.timeZone, () => workspace.ownerId, () => scores.loading.value],
      () => {
        if (!scores.loading.value) void sendInput();
      },
      { immediate: true },
    );
    scheduleMidnight();
  }

  onScopeDispose(() => {
    handle?.stop();
    clearTimeout(midnightTimer);
    clearTimeout(snapshotTimer);
  });

  // ---- snapshots ---------------------------------------------------------------------
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  function today(): string {
    const day = createZone(workspace.timeZone).dayOf(Date.now());
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  /** One snapshot per local day, the day's latest state; written a moment after changes settle. */
  function scheduleSnapshot(): void {
    clearTimeout(snapshotTimer);
    snapshotTimer = setTimeout(() => void writeSnapshot(), 2000);
  }
  async function writeSnapshot(): Promise<void> {
    if (!hasResults) return;
    const snap: HealthSnapshot = {};
    for (const [id, r] of results.value) if (r) snap[id] = [r.score, r.status, r.scoreId];
    await putMeta(db, META.healthSnapshot(today()), snap);
  }
  /** An account's score on each of the last `days` days that have a snapshot, oldest first. */
  async function trend(accountId: string, days = 30): Promise<Array<{ day: string; score: number; status: string }>> {
    const end = createZone(workspace.timeZone).dayOf(Date.now());
    const list = Array.from({ length: days }, (_, i) => new Date((end - days + 1 + i) * 86_400_000).toISOString().slice(0, 10));
    const snaps = await readSnapshots(db, list);
    return snaps.flatMap(({ day, snapshot }) => {
      const s = snapshot[accountId];
      return s ? [{ day, score: s[0], status: s[1] }] : [];
    });
  }

  /**
   * Accounts At risk now that were not in the latest snapshot of an earlier day (looking back
   * a week), for Summary's "dropped to At risk".
   */
  async function droppedToAtRisk(): Promise<Array<{ id: string; name: string }>> {
    const end = createZone(workspace.timeZone).dayOf(Date.now());
    const days = Array.from({ length: 7 }, (_, i) => new Date((end - 7 + i) * 86_400_000).toISOString().slice(0, 10));
    const previous = (await readSnapshots(db, days)).at(-1)?.snapshot;
    if (!previous || !hasResults) return [];
    const out: Array<{ id: string; name: string }> = [];
    for (const [id, r] of results.value) {
      const before = previous[id];
      if (r?.status === 'atRisk' && before && before[1] !== 'atRisk') out.push({ id, name: names.get(id) ?? id });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---- what changed since the last sync -----------------------------------------------
  // Results are immutable maps replaced on every publish, so keeping the one in place when a
  // sync started costs nothing: comparing with it says what that sync (and any edit since) moved.
  let atSyncStart: ReadonlyMap<string, HealthSummary | null> | null = null;
  const beforeLastSync = shallowRef<ReadonlyMap<string, HealthSummary | null> | null>(null);
  let followingSync = false;
  /**
   * Follows the sync status (`() => useSyncStore().running`, passed by the screens so this
   * store stays free of the sync worker and testable in Node); idempotent.
   */
  function followSync(running: () => boolean): void {
    if (followingSync) return;
    followingSync = true;
    watch(running, (now) => {
      if (now) atSyncStart = hasResults ? results.value : null;
      else if (atSyncStart) beforeLastSync.value = atSyncStart;
    });
  }
  /** An account's score before the last sync and now; null when there is no earlier result to compare with. */
  function sinceLastSync(accountId: string): { before: HealthSummary | null; now: HealthSummary | null } | null {
    const before = beforeLastSync.value;
    if (!before) return null;
    return { before: before.get(accountId) ?? null, now: resultFor(accountId) };
  }

  // ---- reading results ---------------------------------------------------------------
  /** An account's score and status (reactive: reading it re-renders when results are republished). */
  function resultFor(accountId: string): HealthSummary | null {
    return results.value.get(accountId) ?? null;
  }
  /** An account's full breakdown per group and criterion, evaluated by the engine on request (the preview's card). */
  function explain(accountId: string): Promise<HealthResult | null> {
    if (!handle) return Promise.resolve(null);
    const requestId = ++explainSeq;
    const answer = new Promise<HealthResult | null>((resolve) => explaining.set(requestId, resolve));
    handle.post({ type: 'explain', requestId, accountId, now: Date.now() });
    return answer;
  }
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

  // ---- renewals ----------------------------------------------------------------------
  const renewalProperty = computed(() => workspace.settings.renewalProperty);
  /** Overdue renewals of the last year and renewals of the next 90 days, soonest first. */
  const renewalRows = useLiveQuery(
    async (): Promise<RenewalRow[]> => {
      const prop = renewalProperty.value;
      if (!prop) return [];
      const todayDay = createZone(workspace.timeZone).dayOf(Date.now());
      const rows = await renewalsBetween(db, accountObject.value, prop, (todayDay - 365) * 86_400_000, (todayDay + 90) * 86_400_000);
      return rows
        .flatMap((r): RenewalRow[] => {
          const days = daysUntil(r.properties[prop], Date.now(), workspace.timeZone);
          const bucket = renewalBucket(days);
          return bucket && days !== undefined ? [{ id: r.id, name: r.properties.name ?? r.id, renewalDate: r.properties[prop] ?? '', days, bucket }] : [];
        })
        .sort((a, b) => a.days - b.days || a.id.localeCompare(b.id));
    },
    [] as RenewalRow[],
    [renewalProperty, accountObject],
  );
  const renewals = computed(() => renewalRows.value.value);
  /** "Renewals at risk" on Summary: At risk and renewing within 90 days (overdue excluded). */
  const renewalsAtRisk = computed(() => {
    void revision.value;
    return renewals.value.filter((r) => r.bucket !== 'overdue' && resultFor(r.id)?.status === 'atRisk');
  });
  /** The accounts of a renewals view: `next30` … `next90` are cumulative ("in the next 60 days" includes the next 30). */
  function renewalsWithin(view: RenewalView): RenewalRow[] {
    if (view === 'overdue') return renewals.value.filter((r) => r.bucket === 'overdue');
    const limit = view === 'next30' ? 30 : view === 'next60' ? 60 : 90;
    return renewals.value.filter((r) => r.days >= 0 && r.days < limit);
  }

  // ---- editing (permission enforced here, not only in the UI) ------------------------
  async function assertMayEdit(): Promise<string> {
    const uid = userId.value;
    const user = uid ? await db.users.get(uid) : undefined;
    const d = decideHealthEdit(user ?? null);
    if (!d.allowed) throw new PermissionError('health:edit', d.reason);
    return uid as string;
  }

  /**
   * Replaces the list of scores (order = precedence: each account gets the first that
   * applies). Throws PermissionError without a paid seat and the settings permission, and
   * HealthModelError naming every problem of an invalid score.
   */
  async function saveScores(next: readonly HealthScore[]): Promise<void> {
    await db.transaction('rw', [...new Set([...scoreModelTables(db), db.meta, db.users, db.properties, db.pipelines])], async () => {
      const uid = await assertMayEdit();
      const ref = await healthReference(db);
      const info = { accountObject: accountObject.value, propertyTypes: ref.propertyTypes, viewIds: views.custom.map((v) => v.id) };
      const checked = next.map((s) => checkScore(s, info));
      const issues = checked.flatMap((c, i) =>
        c.ok ? [] : c.issues.map((x) => ({ path: `${i}.${x.path}`, message: `${next[i]?.name || 'Score'}: ${x.message}` })),
      );
      if (issues.length > 0) throw new HealthModelError(issues);
      if (new Set(next.map((s) => s.id)).size !== next.length) throw new HealthModelError([{ path: '', message: 'Two scores share an id' }]);
      // The parsed copies are plain objects: a form's reactive proxy cannot be stored (DataCloneError).
      await storeScoreModel(db, checked.flatMap((c) => (c.ok ? [c.score] : [])));
      await deleteMeta(db, META.healthDraft(uid));
    });
    if (started) void sendInput();
  }

  async function saveScore(score: HealthScore): Promise<void> {
    const list = scores.value.value;
    const at = list.findIndex((s) => s.id === score.id);
    await saveScores(at < 0 ? [...list, score] : list.map((s) => (s.id === score.id ? score : s)));
  }

  async function removeScore(id: string): Promise<void> {
    await saveScores(scores.value.value.filter((s) => s.id !== id));
  }

  /** Unsaved edits survive a restart; drafts are per user and may be invalid. */
  async function saveDraft(score: HealthScore): Promise<void> {
    const uid = await assertMayEdit();
    // A plain copy: the editor passes a reactive proxy, which IndexedDB cannot clone.
    await putMeta(db, META.healthDraft(uid), JSON.parse(JSON.stringify(score)) as unknown);
  }

  async function discardDraft(): Promise<void> {
    if (userId.value) await deleteMeta(db, META.healthDraft(userId.value));
  }

  return {
    userId,
    scores: computed(() => scores.value.value),
    scoresLoading: scores.loading,
    draft: computed(() => draft.value.value),
    canEdit,
    editDecision,
    accountObject,
    propertiesOf,
    typeInfo,
    segmentOptions,
    renewals,
    renewalsAtRisk,
    renewalsWithin,
    results,
    revision,
    computing,
    error,
    statusCounts,
    resultFor,
    explain,
    idsWithStatus,
    trend,
    droppedToAtRisk,
    sinceLastSync,
    followSync,
    start,
    recomputeAll,
    saveScores,
    saveScore,
    removeScore,
    saveDraft,
    discardDraft,
  };
});
