import { defineStore } from 'pinia';
import { computed, markRaw, onScopeDispose, ref, shallowRef, watch } from 'vue';
import { PermissionError } from '../../shared/domain/permissions';
import {
  HealthBook,
  HealthModelError,
  HealthScoreSchema,
  checkScore,
  compileScores,
  daysUntil,
  renewalBucket,
  type RenewalBucket,
  decideHealthEdit,
  relatedTypesOfScore,
  type BookChange,
  type HealthContext,
  type HealthResult,
  type HealthScore,
  type HealthSummary,
  type HealthStatus,
} from '../../shared/health';
import { createZone, propertyKindOf, type PropertyKind } from '../../shared/views';
import type { CsDatabase } from '../db';
import {
  SCORES_KEY,
  deleteMetaValue,
  draftKey,
  healthReference,
  loadAll,
  loadTouched,
  pendingLinks,
  readMetaValue,
  readSnapshots,
  renewalsBetween,
  snapshotKey,
  watchTouched,
  writeMetaValue,
  type HealthReference,
  type HealthSnapshot,
  type Touched,
} from '../db/queries/health';
import type { PropertyRow, UserRow } from '../db/rows';
import { useDb } from './db-key';
import { useLiveQuery } from './live-query';
import { useViewsStore } from './views';
import { useWorkspaceStore } from './workspace';

/**
 * Health scores: the model (Dexie `meta` `health:scores`, drafts `health:draft:<userId>`),
 * every account's result, daily snapshots, renewals.
 *
 * TODO(issue 10): HubSpot has no API for health-score models, so they are local to this
 * client for now; share them through a CRM custom object (`cs_workspace_health_score`, one
 * record per score holding its JSON), synced like the other types (shared/health/README.md).
 *
 * Results live in a plain `HealthBook` (never reactive: 50,000 results would make Vue track
 * millions of properties); the store publishes a shallow snapshot and a revision number.
 * Full computation runs in chunks that yield to the UI between them; a change Dexie reports
 * recomputes only the accounts it reaches.
 */

const CHUNK = 2000;
const yieldToUi = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
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

  const scores = useLiveQuery(async () => parseScores(await readMetaValue(db, SCORES_KEY)), [] as HealthScore[]);
  const draft = useLiveQuery(
    async () => {
      const raw = userId.value ? await readMetaValue(db, draftKey(userId.value)) : undefined;
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
  const results = shallowRef<ReadonlyMap<string, HealthSummary | null>>(markRaw(new Map()));
  const revision = ref(0);
  const computing = ref(false);
  const error = shallowRef<unknown>(null);
  let book: HealthBook | null = null;
  let reference: HealthReference | null = null;
  let pending: Map<string, BookChange> = new Map();
  let touchedQueue: Touched[] = [];
  let generation = 0;

  function context(): HealthContext {
    return {
      now: Date.now(),
      timeZone: workspace.timeZone,
      accountObject: accountObject.value,
      propertyTypes: reference?.propertyTypes ?? {},
      ticketStageStates: reference?.ticketStageStates ?? {},
      currentUserOwnerId: workspace.ownerId ?? undefined,
    };
  }

  function publish(): void {
    if (!book) return;
    results.value = markRaw(new Map(book.allResults()));
    revision.value++;
    scheduleSnapshot();
  }

  /** Loads everything and recomputes every account, a chunk at a time; a newer run supersedes an older one. */
  async function recomputeAll(): Promise<void> {
    const run = ++generation;
    computing.value = true;
    // Changes reported from here on are either in what loadAll reads or applied after it
    // (applying a change twice is harmless: the book stores state, not deltas).
    touchedQueue = [];
    try {
      reference = await healthReference(db);
      const ctx = context();
      // Read from the database, not the live query, so a save is computed even before the query re-runs.
      const valid = parseScores(await readMetaValue(db, SCORES_KEY)).filter((s) => checkScore(s, ctx).ok);
      const evaluator = compileScores(valid, views.custom, ctx);
      const types = [...new Set(valid.flatMap((s) => [...relatedTypesOfScore(s, ctx.accountObject)]))];
      const loaded = await loadAll(db, ctx.accountObject, types);
      if (run !== generation) return;
      const next = new HealthBook(evaluator, ctx.accountObject);
      next.apply(loaded.changes);
      const ids = next.accountIds();
      for (let i = 0; i < ids.length; i += CHUNK) {
        next.recompute(ids.slice(i, i + CHUNK));
        await yieldToUi();
        if (run !== generation) return;
      }
      book = next;
      pending = loaded.pending;
      error.value = null;
      publish();
    } catch (e) {
      error.value = e;
    } finally {
      if (run === generation) {
        computing.value = false;
        void flush();
      }
    }
  }

  // A sync writes many pages in a row; one full recomputation after they settle is enough.
  let recomputeTimer: ReturnType<typeof setTimeout> | undefined;
  function requestRecomputeAll(): void {
    clearTimeout(recomputeTimer);
    recomputeTimer = setTimeout(() => void recomputeAll(), 250);
  }

  let flushing = false;
  /** Applies what Dexie reported since the last flush; schema-level changes start over. */
  async function flush(): Promise<void> {
    // During a full recomputation changes wait in the queue; it flushes them when done.
    if (flushing || !book || computing.value) return;
    flushing = true;
    try {
      while (touchedQueue.length > 0 && book) {
        const batch = touchedQueue;
        touchedQueue = [];
        const merged: Touched = new Map();
        for (const t of batch) {
          for (const [table, keys] of t) {
            const prev = merged.get(table);
            if (keys === 'all' || prev === 'all') merged.set(table, 'all');
            else merged.set(table, new Set([...(prev ?? []), ...keys]));
          }
        }
        const readsAll = [...merged].some(([table, keys]) => keys === 'all' && table !== 'outbox') || merged.has('properties') || merged.has('pipelines');
        if (readsAll) {
          requestRecomputeAll();
          return;
        }
        const changes = await loadTouched(db, accountObject.value, merged);
        if (merged.has('outbox')) changes.push(...(await pendingLinkChanges()));
        const current = book;
        current.recompute(current.apply(changes));
        publish();
      }
    } catch (e) {
      error.value = e;
    } finally {
      flushing = false;
    }
  }

  /** Offline associations came or went: apply the new ones, and re-read the CRM's state for those gone. */
  async function pendingLinkChanges(): Promise<BookChange[]> {
    const next = await pendingLinks(db, accountObject.value);
    const out: BookChange[] = [...next.values()];
    for (const [key, c] of pending) {
      if (next.has(key) || c.kind !== 'link') continue;
      const row = await db.associations.get([accountObject.value, c.accountId, c.objectType, c.id]);
      out.push({ ...c, linked: row !== undefined });
    }
    pending = next;
    return out;
  }

  const stopWatching = watchTouched(db, (t) => {
    touchedQueue.push(t);
    void flush();
  });

  // A new day moves every time window: recompute at the next local midnight.
  let midnightTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleMidnight(): void {
    clearTimeout(midnightTimer);
    const zone = createZone(workspace.timeZone);
    const next = zone.startOfDay(zone.dayOf(Date.now()) + 1);
    midnightTimer = setTimeout(() => {
      void recomputeAll();
      scheduleMidnight();
    }, Math.max(1000, next - Date.now()));
  }

  let started = false;
  /** Starts computing once the workspace is known; idempotent. */
  function start(): void {
    if (started) return;
    started = true;
    if (!workspace.loaded) void workspace.load();
    watch(
      [() => scores.value.value, () => views.custom, accountObject, () => workspace.timeZone, () => scores.loading.value],
      () => {
        if (!scores.loading.value) requestRecomputeAll();
      },
      { immediate: true },
    );
    scheduleMidnight();
  }

  onScopeDispose(() => {
    stopWatching();
    clearTimeout(midnightTimer);
    clearTimeout(recomputeTimer);
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
    if (!book) return;
    const snap: HealthSnapshot = {};
    for (const [id, r] of book.allResults()) if (r) snap[id] = [r.score, r.status, r.scoreId];
    await writeMetaValue(db, snapshotKey(today()), snap);
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
    if (!previous || !book) return [];
    const out: Array<{ id: string; name: string }> = [];
    for (const [id, r] of book.allResults()) {
      const before = previous[id];
      if (r?.status === 'atRisk' && before && before[1] !== 'atRisk') out.push({ id, name: book.account(id)?.properties.name ?? id });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  // ---- reading results ---------------------------------------------------------------
  /** An account's score and status (reactive: reading it re-renders when results are republished). */
  function resultFor(accountId: string): HealthSummary | null {
    return results.value.get(accountId) ?? null;
  }
  /** An account's full breakdown per group and criterion, evaluated now (the preview's card). */
  function explain(accountId: string): HealthResult | null {
    void revision.value;
    return book?.explain(accountId) ?? null;
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
    await db.transaction('rw', [db.meta, db.users, db.properties, db.pipelines], async () => {
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
      await writeMetaValue(db, SCORES_KEY, checked.flatMap((c) => (c.ok ? [c.score] : [])));
      await deleteMetaValue(db, draftKey(uid));
    });
    if (started) void recomputeAll();
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
    await writeMetaValue(db, draftKey(uid), JSON.parse(JSON.stringify(score)) as unknown);
  }

  async function discardDraft(): Promise<void> {
    if (userId.value) await deleteMetaValue(db, draftKey(userId.value));
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
    start,
    recomputeAll,
    saveScores,
    saveScore,
    removeScore,
    saveDraft,
    discardDraft,
  };
});
