import { defineStore } from 'pinia';
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { DAY_MS, evaluateView, filterKind, isRunnableFilter, reverseView, type Filter, type View, type ViewContext } from '../../shared/views';
import type { MergedRecord } from '../db';
import { countView, KeptRows, LAST_ACTIVITY, ownedModifiedSince, queryView, watchTables, type Derive, type ViewResult } from '../db/queries/portfolio';
import { useDb } from '../lib/db-key';
import { useWatchedQuery } from '../lib/watched-query';
import { yieldTask } from '../lib/yield-task';
import { useConnectivityStore } from './connectivity';
import { useHealthStore } from './health';
import { useHost } from './host-key';
import { usePortfolioStore } from './portfolio';
import { HEALTH_SCORE, HEALTH_STATUS, usePortfolioPropertiesStore } from './portfolio-properties';
import { useAssignmentDates } from './summary-assignments';
import { useWorkspaceStore } from './workspace';

/**
 * Portfolio's table: the rows of the working view (queried from Dexie, sorted in memory),
 * the count of every view in the sidebar, and the selection. Which view and its working copy
 * are `usePortfolioStore`; the properties `usePortfolioPropertiesStore`.
 */

const HEALTH_PROPS = new Set([HEALTH_STATUS, HEALTH_SCORE]);
/** Whether a view filters or sorts on health, so its rows depend on the health results. */
const readsHealth = (v: View) => HEALTH_PROPS.has(v.sort?.property ?? '') || v.filterGroups.some((g) => g.filters.some((f) => HEALTH_PROPS.has(f.property)));

/**
 * "Assigned in the last 30 days": when the CSM property was last set, from the helper the
 * Summary store uses (one cache, one refresh at a time). The candidates are my accounts
 * modified in the last 31 days (setting a property bumps the modification date).
 */
function useAssignments(objectType: Ref<string>, csmProperty: Ref<string>) {
  const db = useDb();
  const host = useHost();
  const workspace = useWorkspaceStore();
  const connectivity = useConnectivityStore();
  // On a write to the accounts, not as a live query recording and cloning all my accounts.
  const owned = useWatchedQuery(
    () => (workspace.ownerId && csmProperty.value === 'csm_owner' ? ownedModifiedSince(db, objectType.value, workspace.ownerId, Date.now() - 31 * DAY_MS) : []),
    [] as Array<{ id: string; updatedAt: string }>,
    (onChange) => watchTables(db, () => [objectType.value], onChange),
    [objectType, csmProperty, () => workspace.ownerId],
  );
  const dates = useAssignmentDates({ db, host, online: () => connectivity.online, objectType, csmProperty, owned: owned.value });
  return {
    setAt: (record: { id: string }, property: string) => (property === csmProperty.value ? dates.setAt(record.id) : undefined),
    get version() {
      return dates.version.value;
    },
    get unavailable() {
      return dates.unavailable.value;
    },
  };
}

/** An earlier answer larger than this is not kept (the whole book, 50,000 accounts, is not). */
const RETAINED_ROWS = 20_000;

/**
 * The table's answer, kept for the last two queries (a view and its quick filter, or the views
 * switched between): going back to one shows its rows at once, without reading and merging
 * thousands of rows again. The cache is dropped whenever the accounts or the overlays change, so
 * what it shows is what the query would read; the query's first answer after a hit is then
 * the same rows and is not shown again (no second sort or render).
 */
function useRecentResults(live: Ref<ViewResult>, key: Ref<string>, objectType: () => string): Ref<ViewResult> {
  const db = useDb();
  const shown = shallowRef(live.value);
  const cache = new Map<string, ViewResult>();
  let generation = 0;
  let served: { key: string; generation: number } | null = null;
  const stop = watchTables(
    db,
    () => [objectType(), 'overlay'],
    () => {
      generation++;
      cache.clear();
    },
  );
  onScopeDispose(stop);
  watch(key, (k) => {
    const hit = cache.get(k);
    served = hit ? { key: k, generation } : null;
    if (hit) shown.value = hit;
  });
  watch(live, (r) => {
    const k = key.value;
    if (served && served.key === k && served.generation === generation) {
      served = null;
      return;
    }
    served = null;
    cache.delete(k);
    cache.set(k, r);
    // Besides the rows shown, one earlier answer, and not one of the whole book: holding 50,000
    // merged accounts twice would cost the renderer's heap (P8) more than the re-read costs.
    for (const [other, kept] of cache) if (other !== k && (cache.size > 2 || kept.records.length > RETAINED_ROWS)) cache.delete(other);
    shown.value = r;
  });
  return shown;
}

export const usePortfolioTableStore = defineStore('portfolio-table', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const portfolio = usePortfolioStore();
  const catalog = usePortfolioPropertiesStore();
  const objectType = computed(() => portfolio.objectType);
  const csmProperty = computed(() => portfolio.csmProperty);
  const assignments = useAssignments(objectType, csmProperty);
  const health = useHealthStore();
  health.start();
  const propertyTypes = computed(() => catalog.propertyTypes);
  const draft = computed(() => portfolio.draft);
  const sidebarViews = computed(() => portfolio.sidebarViews);

  function context(): ViewContext {
    return {
      now: Date.now(),
      timeZone: workspace.timeZone,
      propertyTypes: propertyTypes.value,
      currentUserOwnerId: workspace.ownerId ?? undefined,
      propertySetAt: assignments.setAt,
      quickProperties: { lastActivity: LAST_ACTIVITY },
      ...(typeof navigator !== 'undefined' ? { locale: navigator.language } : {}),
    };
  }

  /** Filters still being typed (no value yet, wrong kind) are left out rather than failing the view. */
  function runnable(view: View): View {
    const types = propertyTypes.value;
    const ok = (f: Filter) => isRunnableFilter(f, filterKind(f, types));
    const groups = view.filterGroups.map((g) => ({ filters: g.filters.filter(ok) }));
    const sort = view.sort && types[view.sort.property] ? view.sort : undefined;
    const { sort: _drop, ...rest } = view;
    void _drop;
    return { ...rest, filterGroups: groups.length && groups.every((g) => g.filters.length === 0) ? [] : groups, ...(sort ? { sort } : {}) };
  }

  /**
   * The query reads and filters (index range → overlay merge → residual); sorting happens in
   * memory on what it returned, so clicking a column header never goes back to IndexedDB.
   */
  const filterOnly = (v: View): View => {
    const { sort: _sort, ...rest } = runnable(v);
    void _sort;
    return rest;
  };
  /** Health results live in the health store, not in Dexie: set them on the records a view reads. */
  const deriveHealth: Derive = (r) => {
    const h = health.resultFor(r.id);
    r.properties[HEALTH_STATUS] = h?.status ?? null;
    r.properties[HEALTH_SCORE] = h ? String(h.score) : null;
  };
  /** Views that filter or sort on health re-run when the results are republished; others never wait for them. */
  const healthKey = (v: View) => (readsHealth(v) ? health.revision : -1);
  const queryKey = computed(() =>
    JSON.stringify([filterOnly(draft.value), propertyTypes.value, workspace.ownerId, assignments.version, healthKey(draft.value)]),
  );
  // The table and the counts read through the rows kept in memory (KeptRows), re-run when the
  // type's table or the overlay is written, which is also when the kept rows go. Not Dexie live
  // queries: those record the key of every row read and clone every answer, and a quick filter
  // over 12,500 accounts would read and merge them all again.
  const kept = new KeptRows();
  const listeners = new Set<() => void>();
  onScopeDispose(
    watchTables(
      db,
      () => [objectType.value, 'overlay'],
      () => {
        kept.clear();
        for (const listener of listeners) listener();
      },
    ),
  );
  const changes = (onChange: () => void) => (listeners.add(onChange), () => void listeners.delete(onChange));
  const result = useWatchedQuery(
    async () => {
      if (!workspace.ownerId && !workspace.loaded) return { records: [] as MergedRecord[], index: null as string | null };
      // Rows read from IndexedDB: merging, testing and rendering them are each a task of their own (P5).
      return queryView(db, filterOnly(draft.value), context(), csmProperty.value, {
        derive: readsHealth(draft.value) ? deriveHealth : undefined,
        kept,
        pause: yieldTask,
      });
    },
    { records: [] as MergedRecord[], index: null as string | null },
    changes,
    queryKey,
  );
  const shown = useRecentResults(result.value, queryKey, () => objectType.value);
  /** The orders of the current records asked for lately: flipping a sort back and forth sorts once. */
  let sortedFor: readonly MergedRecord[] | null = null;
  const sorted = new Map<string, MergedRecord[]>();
  const rows = computed(() => {
    const sort = runnable(draft.value).sort;
    const records = shown.value.records;
    if (!sort) return records;
    if (records !== sortedFor) {
      sortedFor = records;
      sorted.clear();
    }
    const keyOf = (s: NonNullable<View['sort']>) => JSON.stringify([s, propertyTypes.value[s.property]]);
    const key = keyOf(sort);
    const hit = sorted.get(key);
    if (hit) return hit;
    const flipped = { ...sort, direction: sort.direction === 'asc' ? ('desc' as const) : ('asc' as const) };
    const other = sorted.get(keyOf(flipped));
    // A header clicked again flips the order it has: one pass, not a second sort of every row.
    // A view without filters matches everything: evaluateView then only sorts (keys read once per record).
    const out = other
      ? reverseView(other, { ...draft.value, sort: flipped }, context())
      : evaluateView({ ...filterOnly(draft.value), filterGroups: [], quick: {}, sort }, records, context());
    if (sorted.size >= 4) sorted.clear();
    sorted.set(key, out);
    return out;
  });

  // Counts wait for the table's first answer: on a cold start they would compete with it for IndexedDB.
  const tableReady = ref(false);
  watch(result.loading, (loading) => {
    if (!loading) tableReady.value = true;
  });
  const countsKey = computed(() =>
    JSON.stringify([
      tableReady.value,
      sidebarViews.value.map((v) => v.id + JSON.stringify(v.filterGroups) + JSON.stringify(v.quick) + healthKey(v)),
      propertyTypes.value,
      workspace.ownerId,
      assignments.version,
    ]),
  );
  const counts = useWatchedQuery(
    async () => {
      const out: Record<string, number> = {};
      if (!tableReady.value) return out;
      for (const v of sidebarViews.value) {
        // One task per view: each count over kept rows tests every one of them (P5).
        await yieldTask();
        out[v.id] = await countView(db, runnable(v), context(), csmProperty.value, {
          derive: readsHealth(v) ? deriveHealth : undefined,
          kept,
          pause: yieldTask,
        });
      }
      return out;
    },
    {},
    changes,
    countsKey,
  );

  /** Selected record ids; a plain Set swapped on change, never a deep reactive copy. */
  const selection = shallowRef<Set<string>>(new Set());
  function toggleSelected(id: string) {
    const next = new Set(selection.value);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    selection.value = next;
  }
  function selectAll(on: boolean) {
    selection.value = on ? new Set(rows.value.map((r) => r.id)) : new Set();
  }

  watch(
    () => portfolio.activeViewId,
    () => (selection.value = new Set()),
  );

  return {
    rows,
    loading: result.loading,
    error: result.error,
    usedIndex: computed(() => shown.value.index),
    counts: counts.value,
    selection,
    toggleSelected,
    selectAll,
    assignmentsOnlineOnly: computed(() => assignments.unavailable),
  };
});
