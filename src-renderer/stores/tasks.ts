import { defineStore } from 'pinia';
import { computed, getCurrentScope, onScopeDispose, shallowRef } from 'vue';
import { rescheduledDue, type RescheduleChoice } from '../../shared/notify';
import { toMillis, type Props } from '../../shared/sync';
import { evaluateView, taskViews, type FilterGroup, type View, type ViewContext } from '../../shared/views';
import { completeTask, createTask, reopenTask, rescheduleTask, setProperties, type MergedRecord } from '../db';
import { loadTaskRelations, ownedTasks, searchCompanies, type TaskRelation } from '../db/queries/tasks';
import {
  customTaskView,
  firstFilterProblem,
  runnableGroups,
  TASK_FILTER_KINDS,
  TASK_OBJECT,
  type CustomViewInput,
  type FilterProblem,
} from '../../shared/tasks/custom-views';
import { useDb } from '../lib/db-key';
import { useLiveQuery } from '../lib/live-query';
import { useWatchedQuery } from '../lib/watched-query';
import { watchTables } from '../db/watch-tables';
import { useViewsStore, type ViewSaveResult } from './views';
import { useWorkspaceStore } from './workspace';
import { isTaskViewId, TASK_VIEW_IDS, type TaskViewId } from '../../shared/tasks/view-ids';

// The default views' ids live in shared/ since cs-workspace://tasks/<view> links are checked there too.
export { isTaskViewId, TASK_VIEW_IDS, type TaskViewId };

const VIEWS: Record<TaskViewId, View> = {
  overdue: taskViews.overdue(),
  'due-today': taskViews.dueToday(),
  'due-tomorrow': taskViews.dueTomorrow(),
  'all-open': taskViews.allOpen(),
  'all-completed': taskViews.allCompleted(),
};

export type CustomViewResult = ViewSaveResult | { ok: false; error: { code: 'FILTER'; message: string; problem: FilterProblem } };

export interface TaskEdit {
  subject: string;
  dueAt: number;
  priority: string;
  notes: string;
}

/**
 * The Tasks tab's data: the signed-in user's tasks (synced ⊕ pending local values), the five
 * default views and the user's custom task views (saved by the views store) over them,
 * evaluated by the views engine in the workspace time zone.
 * Every change goes through the db edit functions (overlay + outbox in one transaction), so
 * it works offline and shows its pending mark until the CRM has it.
 */
export const useTasksStore = defineStore('tasks', () => {
  const db = useDb();
  const workspace = useWorkspaceStore();

  // "Overdue" and "today" move with the clock: re-evaluate every half minute.
  const now = shallowRef(Date.now());
  const clock = window.setInterval(() => (now.value = Date.now()), 30_000);
  if (getCurrentScope()) onScopeDispose(() => window.clearInterval(clock));

  // Thousands of rows in a big book: re-run when the tasks or the overlay are written, not as a
  // Dexie live query recording and cloning every row after each commit of a sync.
  const owned = useWatchedQuery<MergedRecord[]>(
    () => (workspace.ownerId ? ownedTasks(db, workspace.ownerId) : []),
    [],
    (onChange) => watchTables(db, () => ['tasks', 'overlay'], onChange),
    () => workspace.ownerId,
  );
  const tasks = owned.value;
  /** True once the user's tasks were read at least once (an empty list then means "none"). */
  const ready = computed(() => workspace.ownerId !== null && !owned.loading.value);

  // Accounts and contacts are read only for the rows on screen: every open query re-runs after
  // each sync commit, and reading them for all of the user's tasks held the associations store
  // for seconds per commit during a first sync (measured in the sync bench).
  const shownIds = shallowRef<readonly string[]>([]);
  const relations = useLiveQuery<Map<string, TaskRelation[]>>(() => loadTaskRelations(db, shownIds.value), new Map(), shownIds).value;
  /** The Tasks tab tells which tasks it shows; their relations are then kept current. */
  function showRelationsFor(ids: readonly string[]) {
    if (ids.length !== shownIds.value.length || ids.some((id, i) => id !== shownIds.value[i])) shownIds.value = [...ids];
  }

  const context = computed<ViewContext>(() => ({
    now: now.value,
    timeZone: workspace.timeZone,
    propertyTypes: TASK_FILTER_KINDS,
    ...(workspace.ownerId ? { currentUserOwnerId: workspace.ownerId } : {}),
  }));

  const byView = computed(() => {
    const ctx = context.value;
    const out = {} as Record<TaskViewId, MergedRecord[]>;
    for (const id of TASK_VIEW_IDS) out[id] = evaluateView(VIEWS[id], tasks.value, ctx);
    return out;
  });

  // Custom views: saved by the views store (objectType `tasks`), evaluated over the same tasks.
  const views = useViewsStore();
  const customViews = computed(() => views.customFor(TASK_OBJECT));
  /** A saved view that no longer fits (e.g. written by a newer version) shows nothing rather than breaking the tab. */
  function evaluateSafely(view: View, ctx: ViewContext): MergedRecord[] {
    try {
      return evaluateView(view, tasks.value, ctx);
    } catch {
      return [];
    }
  }
  const byCustomView = computed(() => {
    const ctx = context.value;
    const out: Record<string, MergedRecord[]> = {};
    for (const v of customViews.value) out[v.id] = evaluateSafely(v, ctx);
    return out;
  });
  /** How many of the user's tasks the filters being edited match (incomplete filters left out). */
  function previewCount(groups: readonly FilterGroup[]): number {
    // Built directly: `customTaskView` drops empty groups, and here an emptied group means "every task".
    const view: View = {
      ...customTaskView({ name: 'preview', sharing: 'private', filterGroups: [] }, 'preview', 'preview'),
      filterGroups: runnableGroups(groups),
    };
    return evaluateSafely(view, context.value).length;
  }
  /** Creates (no `id`) or replaces a custom view; filters that cannot run are refused, naming the first. */
  async function saveCustomView(input: CustomViewInput, id?: string): Promise<CustomViewResult> {
    const problem = firstFilterProblem(input.filterGroups);
    if (problem) return { ok: false, error: { code: 'FILTER', message: problem.message, problem } };
    const existing = id === undefined ? undefined : customViews.value.find((v) => v.id === id);
    if (id !== undefined && !existing) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such view.' } };
    const owner = existing?.ownerUserId ?? views.userId;
    if (!owner) return { ok: false, error: { code: 'NO_USER', message: 'No signed-in user.' } };
    return views.save(customTaskView(input, existing?.id ?? `view:${crypto.randomUUID()}`, owner));
  }

  const lastError = shallowRef<string | null>(null);
  async function guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      lastError.value = null;
      // The sync worker watches the outbox and pushes a new edit within about half a second.
      return await fn();
    } catch (err) {
      lastError.value = err instanceof Error ? err.message : String(err);
      return undefined;
    }
  }

  const find = (id: string) => tasks.value.find((t) => t.id === id);
  const dueOf = (t: MergedRecord | undefined) => toMillis(t?.properties.hs_timestamp) ?? null;

  return {
    tasks,
    relations,
    showRelationsFor,
    ready,
    byView,
    customViews,
    byCustomView,
    previewCount,
    saveCustomView,
    deleteCustomView: (id: string) => views.remove(id),
    canShareWithEveryone: computed(() => views.canShareWithEveryone),
    userId: computed(() => views.userId),
    now,
    lastError,
    timeZone: computed(() => workspace.timeZone),
    find,
    dueOf,
    setCompleted: (id: string, done: boolean) => guard(() => (done ? completeTask(db, id) : reopenTask(db, id))),
    reschedule: (id: string, choice: RescheduleChoice | number) =>
      guard(() => {
        const due = typeof choice === 'number' ? choice : rescheduledDue(choice, dueOf(find(id)), Date.now(), workspace.timeZone);
        return rescheduleTask(db, id, due);
      }),
    edit: (id: string, e: TaskEdit) => {
      const desired: Props = {
        hs_task_subject: e.subject,
        hs_timestamp: String(e.dueAt),
        hs_task_priority: e.priority,
        hs_task_body: e.notes,
      };
      return guard(() => setProperties(db, 'tasks', id, desired));
    },
    create: (e: TaskEdit & { companyId: string | null }) =>
      guard(() =>
        createTask(db, {
          subject: e.subject,
          dueAtMs: e.dueAt,
          ...(e.notes ? { body: e.notes } : {}),
          ...(workspace.ownerId ? { ownerId: workspace.ownerId } : {}),
          ...(e.priority ? { priority: e.priority } : {}),
          associations: e.companyId ? [{ toType: 'companies', toId: e.companyId }] : [],
        }),
      ),
    searchCompanies: (text: string) => searchCompanies(db, text),
  };
});
