import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch, type Ref } from 'vue';
import {
  assignedInLast30Days,
  checkFilter,
  evaluateView,
  FilterSchema,
  ownedByMe,
  propertyKindOf,
  BUILTIN_OWNER,
  type Filter,
  type PropertyKind,
  type View,
  type ViewContext,
} from '../../shared/views';
import type { MergedRecord } from '../db';
import { HEALTH_STATUS_PROPERTY } from '../../shared/domain/reports';
import { allOwners, LAST_ACTIVITY, countView, ownedModifiedSince, propertyDefinitions, queryView, type Derive } from '../db/queries/portfolio';
import type { OwnerRow, PropertyRow } from '../db/rows';
import { noteWorkingView } from '../db/repositories/working-views';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useConnectivityStore } from './connectivity';
import { useHealthStore } from './health';
import type { RenewalView } from './renewals';
import { useHost } from './host-key';
import { useAssignmentDates } from './summary-assignments';
import { formatPropertyValue, useValuePlaceholders } from '../lib/format-value';
import { useViewsStore } from './views';
import { useWorkspaceStore } from './workspace';

/** A property as the filter editor and the column picker see it. */
export interface PortfolioProperty {
  name: string;
  label: string;
  kind: PropertyKind;
  options: Array<{ value: string; label: string }>;
}

/** Kinds of the demo/HubSpot account properties, used until the definitions are synced. */
const FALLBACK_KINDS: Record<string, PropertyKind> = {
  name: 'string',
  domain: 'string',
  createdate: 'datetime',
  csm_owner: 'owner',
  hubspot_owner_id: 'owner',
  renewal_date: 'date',
  plan: 'enumeration',
  csm_sentiment: 'enumeration',
  nps_score: 'number',
};

const ALL_ACCOUNTS = 'all-accounts';

/** Views are plain JSON; a clone through JSON drops Vue proxies (structuredClone refuses them). */
const cloneView = (v: View): View => JSON.parse(JSON.stringify(v)) as View;
/** Key order differs between a parsed and an edited view; compare canonical JSON. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}
const DAY = 86_400_000;

/** Virtual account properties filled from the locally computed health scores (not in the store). */
export const HEALTH_STATUS = HEALTH_STATUS_PROPERTY;
export const HEALTH_SCORE = 'cs_health_score';
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
  const owned = useLiveQuery(
    () => (workspace.ownerId && csmProperty.value === 'csm_owner' ? ownedModifiedSince(db, objectType.value, workspace.ownerId, Date.now() - 31 * DAY) : []),
    [] as Array<{ id: string; updatedAt: string }>,
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

export const usePortfolioStore = defineStore('portfolio', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const views = useViewsStore();
  const objectType = computed(() => workspace.settings.accountObject);
  const csmProperty = computed(() => workspace.settings.csmProperty);
  const assignments = useAssignments(objectType, csmProperty);
  const health = useHealthStore();
  health.start();

  const defs = useLiveQuery(() => propertyDefinitions(db, objectType.value), [] as PropertyRow[], objectType);
  const owners = useLiveQuery(() => allOwners(db), [] as OwnerRow[]);

  /** Set by the screen so the derived column is labelled in the user's language. */
  const lastActivityLabel = ref('Last activity date');
  /** Likewise for the health properties. */
  const healthLabels = ref({ status: 'Health status', score: 'Health score', healthy: 'Healthy', neutral: 'Neutral', atRisk: 'At risk' });
  const properties = computed<PortfolioProperty[]>(() => {
    const fromDefs = defs.value.value
      .filter((d) => d.type)
      .map((d) => ({
        name: d.name,
        label: d.label ?? d.name,
        kind: propertyKindOf({ type: d.type ?? 'string', referencedObjectType: (d.referencedObjectType as string | null | undefined) ?? null }),
        options: d.options ?? [],
      }));
    const known = new Set(fromDefs.map((p) => p.name));
    const fallback = Object.entries(FALLBACK_KINDS)
      .filter(([n]) => !known.has(n))
      .map(([name, kind]) => ({ name, label: name, kind, options: [] as PortfolioProperty['options'] }));
    const derived = { name: LAST_ACTIVITY, label: lastActivityLabel.value, kind: 'datetime' as const, options: [] };
    const l = healthLabels.value;
    const healthStatus = { name: HEALTH_STATUS, label: l.status, kind: 'enumeration' as const, options: (['healthy', 'neutral', 'atRisk'] as const).map((value) => ({ value, label: l[value] })) };
    const healthScore = { name: HEALTH_SCORE, label: l.score, kind: 'number' as const, options: [] };
    return [...fromDefs, ...fallback, derived, healthStatus, healthScore].sort((a, b) => a.label.localeCompare(b.label));
  });
  const propertyTypes = computed(() => Object.fromEntries(properties.value.map((p) => [p.name, p.kind])) as Record<string, PropertyKind>);
  const propertyByName = computed(() => new Map(properties.value.map((p) => [p.name, p])));
  const ownerNames = computed(
    () => new Map(owners.value.value.map((o) => [o.id, [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || o.id])),
  );

  const placeholders = useValuePlaceholders();
  const ownerOptions = computed(() => [...ownerNames.value.entries()].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)));

  /** A wire value as the table shows it: owner names, option labels, dates in the user's zone. */
  function formatValue(property: string, value: string | null | undefined): string {
    const p = propertyByName.value.get(property);
    if (!p) return value ?? '';
    return formatPropertyValue(p, value, { ownerNames: ownerNames.value, timeZone: workspace.timeZone, datetimes: 'day', placeholders: placeholders() });
  }

  const defaultColumns = computed(() => {
    const cols = [csmProperty.value, HEALTH_SCORE, 'plan', 'csm_sentiment', LAST_ACTIVITY];
    if (workspace.settings.renewalProperty) cols.push(workspace.settings.renewalProperty);
    return cols;
  });

  const builtins = computed<View[]>(() => {
    const type = objectType.value;
    const cols = defaultColumns.value;
    return [
      ownedByMe(type, csmProperty.value, cols),
      assignedInLast30Days(type, csmProperty.value, cols),
      { id: `builtin:${type}:${ALL_ACCOUNTS}`, name: 'All accounts', objectType: type, filterGroups: [], columns: cols, sharing: 'everyone', ownerUserId: BUILTIN_OWNER },
    ];
  });
  const sidebarViews = computed(() => [...builtins.value, ...views.customFor(objectType.value)]);

  const activeViewId = ref<string>(views.defaultFor(objectType.value)?.id ?? builtins.value[0]?.id ?? '');
  /** The stored version of the active view; undefined for a just-created one the list has not delivered yet. */
  const activeSaved = computed(() => {
    const found = sidebarViews.value.find((v) => v.id === activeViewId.value);
    return found ?? (draft.value.id === activeViewId.value ? undefined : builtins.value[0]);
  });
  /** The working copy: filters, sort and columns the user changed and has not saved yet. */
  const draft = ref<View>(cloneView((sidebarViews.value.find((v) => v.id === activeViewId.value) ?? builtins.value[0]) as View));
  watch(activeViewId, () => {
    if (activeSaved.value) draft.value = cloneView(activeSaved.value);
    selection.value = new Set();
  });
  // The working copy's columns and filters are used properties too: a column added on one
  // the sync does not keep yet is backfilled now, not after "Save view".
  watch(draft, (v) => void noteWorkingView(db, 'portfolio', cloneView(v)), { deep: true, immediate: true });
  const dirty = computed(() => (activeSaved.value ? canonical(draft.value) !== canonical(activeSaved.value) : false));
  const isBuiltin = computed(() => draft.value.ownerUserId === BUILTIN_OWNER);

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
    const ok = (f: Filter) => FilterSchema.safeParse(f).success && checkFilter(f, f.target === 'setAt' ? 'datetime' : types[f.property]) === undefined;
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
  const queryKey = computed(() => JSON.stringify([filterOnly(draft.value), propertyTypes.value, workspace.ownerId, assignments.version, healthKey(draft.value)]));
  const result = useLiveQuery(
    async () => {
      if (!workspace.ownerId && !workspace.loaded) return { records: [] as MergedRecord[], index: null as string | null };
      return queryView(db, filterOnly(draft.value), context(), csmProperty.value, readsHealth(draft.value) ? deriveHealth : undefined);
    },
    { records: [] as MergedRecord[], index: null as string | null },
    queryKey,
  );
  const rows = computed(() => {
    const sort = runnable(draft.value).sort;
    const records = result.value.value.records;
    if (!sort) return records;
    // A view without filters matches everything: evaluateView then only sorts (keys read once per record).
    return evaluateView({ ...filterOnly(draft.value), filterGroups: [], quick: {}, sort }, records, context());
  });

  // Counts wait for the table's first answer: on a cold start they would compete with it for IndexedDB.
  const tableReady = ref(false);
  watch(result.loading, (loading) => {
    if (!loading) tableReady.value = true;
  });
  const countsKey = computed(() =>
    JSON.stringify([tableReady.value, sidebarViews.value.map((v) => v.id + JSON.stringify(v.filterGroups) + JSON.stringify(v.quick) + healthKey(v)), propertyTypes.value, workspace.ownerId, assignments.version]),
  );
  const counts = useLiveQuery(
    async () => {
      const out: Record<string, number> = {};
      if (!tableReady.value) return out;
      for (const v of sidebarViews.value) out[v.id] = await countView(db, runnable(v), context(), csmProperty.value, readsHealth(v) ? deriveHealth : undefined);
      return out;
    },
    {} as Record<string, number>,
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

  function sortBy(property: string) {
    const cur = draft.value.sort;
    draft.value.sort = { property, direction: cur?.property === property && cur.direction === 'asc' ? 'desc' : 'asc' };
  }

  /** Portfolio opens on the Everyone default view (once the saved views load) until the user picks one. */
  let userChose = false;
  watch(
    () => views.defaultFor(objectType.value)?.id,
    (id) => {
      if (id && !userChose) activeViewId.value = id;
    },
    { immediate: true },
  );
  function selectView(id: string) {
    userChose = true;
    renewalView.value = null;
    activeViewId.value = id;
  }

  /** The renewals views (overdue, next 30/60/90 days) show a renewals list instead of the table; null = a saved view. */
  const renewalView = ref<RenewalView | null>(null);
  const renewalsConfigured = computed(() => Boolean(workspace.settings.renewalProperty));
  function selectRenewals(view: RenewalView) {
    renewalView.value = view;
  }

  /** Saves the working copy into the active custom view (built-ins are saved as a new view). */
  async function saveDraft() {
    return views.save(cloneView(draft.value));
  }

  async function createView(opts: { name: string; sharing: 'private' | 'everyone'; featured: boolean; description: string }) {
    const userId = views.userId;
    if (!userId) return { ok: false as const, error: { code: 'NO_USER' as const, message: 'No signed-in user.' } };
    const view: View = {
      ...cloneView(draft.value),
      id: `view:${crypto.randomUUID()}`,
      name: opts.name,
      sharing: opts.sharing,
      ownerUserId: userId,
      ...(opts.sharing === 'everyone' && opts.featured ? { isDefault: true, featured: true, description: opts.description } : {}),
    };
    if (opts.sharing !== 'everyone' || !opts.featured) {
      delete view.isDefault;
      delete view.featured;
      delete view.description;
    }
    const saved = await views.save(view);
    if (saved.ok) {
      userChose = true;
      draft.value = cloneView(saved.view);
      activeViewId.value = saved.view.id;
    }
    return saved;
  }

  async function deleteView(id: string) {
    const r = await views.remove(id);
    if (r.ok && activeViewId.value === id) activeViewId.value = builtins.value[0]?.id ?? '';
    return r;
  }

  return {
    objectType,
    csmProperty,
    properties,
    propertyByName,
    ownerNames,
    ownerOptions,
    lastActivityLabel,
    formatValue,
    builtins,
    sidebarViews,
    activeViewId,
    draft,
    dirty,
    isBuiltin,
    rows,
    loading: result.loading,
    error: result.error,
    usedIndex: computed(() => result.value.value.index),
    counts: counts.value,
    selection,
    toggleSelected,
    selectAll,
    sortBy,
    selectView,
    saveDraft,
    createView,
    deleteView,
    assignmentsOnlineOnly: computed(() => assignments.unavailable),
    healthLabels,
    renewalView,
    renewalsConfigured,
    selectRenewals,
  };
});
