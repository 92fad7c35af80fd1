import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import {
  dropUpdate,
  groupAccounts,
  isEditableEnumeration,
  type BoardColumn,
  type BoardGrouping,
  type GroupablePropertyDef,
} from '../../shared/records/accounts-board';
import type { SyncedType } from '../../shared/sync';
import { setProperties, type MergedRecord } from '../db';
import { conflictsOfType, rejectedEntries } from '../db/queries/attention';
import { noteWorkingView } from '../db/repositories/working-views';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useHealthStore } from './health';
import { usePortfolioStore } from './portfolio';
import { usePortfolioTableStore } from './portfolio-table';
import { usePropertyCatalog } from './property-catalog';
import { useWorkspaceStore } from './workspace';

/**
 * Portfolio as a board: the working view's rows (same filters as the table, from
 * `usePortfolioTableStore`) grouped by health status, renewal window or an editable
 * enumeration property (`shared/records/accounts-board.ts`). A drop between columns of a
 * property is a property edit like the record preview's: `setProperties` → overlay + outbox.
 */

/** `health`, `renewal` or `property:<name>`. */
export type GroupByKey = string;

export interface GroupByOption {
  key: GroupByKey;
  /** Property label from the CRM (data); undefined for the computed groupings the screen names. */
  label?: string;
  computed: boolean;
}

const LAYOUT_KEY = 'cs.portfolio.layout';
interface Layout {
  mode: 'table' | 'board';
  groupBy: GroupByKey;
}
/** The layout is a display preference of this computer (like the language), not workspace data. */
function loadLayout(): Layout {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(LAYOUT_KEY) ?? 'null') as Partial<Layout> | null;
    return { mode: v?.mode === 'board' ? 'board' : 'table', groupBy: typeof v?.groupBy === 'string' ? v.groupBy : 'health' };
  } catch {
    return { mode: 'table', groupBy: 'health' };
  }
}
function saveLayout(layout: Layout): void {
  try {
    globalThis.localStorage?.setItem(LAYOUT_KEY, JSON.stringify(layout));
  } catch {
    // Storage full or refused: the layout just is not remembered.
  }
}

export const usePortfolioBoardStore = defineStore('portfolio-board', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();
  const portfolio = usePortfolioStore();
  const table = usePortfolioTableStore();
  const health = useHealthStore();
  const catalog = usePropertyCatalog();

  /** Table or board; the view's filters and sort are the same for both. Kept across reloads on this computer. */
  const saved = loadLayout();
  const mode = ref<'table' | 'board'>(saved.mode);
  const groupBy = ref<GroupByKey>(saved.groupBy);
  watch([mode, groupBy], ([m, g]) => saveLayout({ mode: m, groupBy: g }));
  const error = ref('');

  const enumerations = computed(() =>
    catalog.definitions
      .filter((d) => d.objectType === portfolio.objectType && isEditableEnumeration(d as GroupablePropertyDef))
      .map((d) => ({ name: d.name, label: d.label ?? d.name, options: d.options ?? [] }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  );
  const renewalProperty = computed(() => workspace.settings.renewalProperty || null);
  const groupByOptions = computed<GroupByOption[]>(() => [
    { key: 'health', computed: true },
    ...(renewalProperty.value ? [{ key: 'renewal', computed: true }] : []),
    ...enumerations.value.map((p) => ({ key: `property:${p.name}`, label: p.label, computed: false })),
  ]);

  const grouping = computed<BoardGrouping>(() => {
    const key = groupBy.value;
    if (key === 'renewal' && renewalProperty.value) return { kind: 'renewal', property: renewalProperty.value };
    if (key.startsWith('property:')) return { kind: 'property', property: key.slice('property:'.length) };
    return { kind: 'health' };
  });
  const property = computed(() => {
    const g = grouping.value;
    return g.kind === 'property' ? enumerations.value.find((p) => p.name === g.property) : undefined;
  });
  /** A drag changes the property only when the grouping is an editable property the CRM defines. */
  const canDrag = computed(() => grouping.value.kind === 'property' && property.value !== undefined);

  const columns = computed<BoardColumn<MergedRecord>[]>(() => {
    void health.revision;
    return groupAccounts(table.rows, grouping.value, {
      now: Date.now(),
      timeZone: workspace.timeZone,
      healthOf: (id) => health.resultFor(id)?.status,
      options: property.value?.options ?? [],
      editable: canDrag.value,
    });
  });

  // The grouping property counts as used, so the sync keeps its values even when no column shows it.
  watch(
    () => [mode.value, portfolio.objectType, grouping.value.kind === 'property' ? grouping.value.property : null] as const,
    ([m, objectType, name]) => {
      if (m === 'board' && name) void noteWorkingView(db, 'portfolio-board', { objectType, columns: [name], filterGroups: [] });
    },
    { immediate: true },
  );
  // A grouping the synced catalog does not offer (another account object, a property removed) falls back to health.
  watch(
    () => [groupByOptions.value, catalog.loading] as const,
    ([options, loading]) => {
      if (!loading && !options.some((o) => o.key === groupBy.value)) groupBy.value = 'health';
    },
  );

  /** Records with an open conflict, and the CRM's message for those whose edit it refused: marks on their cards. */
  const conflicts = useLiveQuery(
    () => conflictsOfType(db, portfolio.objectType),
    [],
    () => portfolio.objectType,
  );
  const rejections = useLiveQuery(
    () => rejectedEntries(db, portfolio.objectType),
    [],
    () => portfolio.objectType,
  );
  const conflictIds = computed(() => new Set(conflicts.value.value.map((c) => c.recordId)));
  const rejectedById = computed(
    () => new Map(rejections.value.value.map((e) => [e.recordKey.slice(e.recordKey.indexOf(':') + 1), e.lastError?.message ?? ''])),
  );

  /** A drop or a "Move to…" choice: queues the property update through the outbox (works offline). */
  async function move(recordId: string, toKey: string): Promise<void> {
    const g = grouping.value;
    const target = columns.value.find((c) => c.key === toKey);
    const record = table.rows.find((r) => r.id === recordId);
    if (!target || !record || g.kind !== 'property') return;
    const desired = dropUpdate(g, target, record.properties[g.property]);
    if (!desired) return;
    error.value = '';
    try {
      await setProperties(db, record.objectType as SyncedType, recordId, desired);
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  return { mode, groupBy, groupByOptions, grouping, property, canDrag, columns, error, move, conflictIds, rejectedById };
});
