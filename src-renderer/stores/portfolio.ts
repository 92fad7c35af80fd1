import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { assignedInLast30Days, ownedByMe, BUILTIN_OWNER, type View } from '../../shared/views';
import { LAST_ACTIVITY } from '../db/queries/portfolio';
import { noteWorkingView } from '../db/repositories/working-views';
import { useDb } from '../lib/db-key';
import type { RenewalView } from './renewals';
import { HEALTH_SCORE } from './portfolio-properties';
import { useViewsStore } from './views';
import { useWorkspaceStore } from './workspace';

/**
 * Portfolio's views: the built-in and saved views of accounts, which one is open, its working
 * copy (filters, sort, columns not saved yet) and saving it; or which renewals list is open.
 * The rows and counts are `usePortfolioTableStore`, the properties `usePortfolioPropertiesStore`.
 */

const ALL_ACCOUNTS = 'all-accounts';

/** Views are plain JSON; a clone through JSON drops Vue proxies (structuredClone refuses them). */
const cloneView = (v: View): View => JSON.parse(JSON.stringify(v)) as View;
/** Key order differs between a parsed and an edited view; compare canonical JSON. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b)),
        )
      : value,
  );
}
export const usePortfolioStore = defineStore('portfolio', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const views = useViewsStore();
  const objectType = computed(() => workspace.settings.accountObject);
  const csmProperty = computed(() => workspace.settings.csmProperty);

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
      {
        id: `builtin:${type}:${ALL_ACCOUNTS}`,
        name: 'All accounts',
        objectType: type,
        filterGroups: [],
        columns: cols,
        sharing: 'everyone',
        ownerUserId: BUILTIN_OWNER,
      },
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
  });
  // The working copy's columns and filters are used properties too: a column added on one
  // the sync does not keep yet is backfilled now, not after "Save view".
  watch(draft, (v) => void noteWorkingView(db, 'portfolio', cloneView(v)), { deep: true, immediate: true });
  const dirty = computed(() => (activeSaved.value ? canonical(draft.value) !== canonical(activeSaved.value) : false));
  const isBuiltin = computed(() => draft.value.ownerUserId === BUILTIN_OWNER);
  /** The working copy's filters or quick ranges differ from its saved view's (the user narrowed it). */
  const filtersChanged = computed(() => {
    const saved = activeSaved.value;
    return saved ? canonical([draft.value.filterGroups, draft.value.quick ?? {}]) !== canonical([saved.filterGroups, saved.quick ?? {}]) : false;
  });
  /** Puts the saved view's own filters and quick ranges back (an empty state's "Clear filters"); sort and columns stay. */
  function resetFilters() {
    const saved = activeSaved.value ? cloneView(activeSaved.value) : undefined;
    draft.value.filterGroups = saved?.filterGroups ?? [];
    if (saved?.quick) draft.value.quick = saved.quick;
    else delete draft.value.quick;
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
    builtins,
    sidebarViews,
    activeViewId,
    draft,
    dirty,
    isBuiltin,
    filtersChanged,
    resetFilters,
    sortBy,
    selectView,
    saveDraft,
    createView,
    deleteView,
    renewalView,
    renewalsConfigured,
    selectRenewals,
  };
});
