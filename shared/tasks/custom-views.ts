import { filterProblem, TASK_PROPERTY_KINDS, type Filter, type FilterGroup, type PropertyKind, type View } from '../views';

/**
 * Custom task views as data (pure: no Vue, no Dexie, so Node tests run it). A custom view is
 * an ordinary `View` of object type `tasks`, saved by the views store and evaluated by the
 * views engine over the signed-in user's tasks, sorted by due time.
 */

/** What a custom task view may filter on: the default views' properties plus the task type. */
export const TASK_FILTER_KINDS: Readonly<Record<string, PropertyKind>> = { ...TASK_PROPERTY_KINDS, hs_task_type: 'enumeration' };
export const TASK_OBJECT = 'tasks';
const CUSTOM_COLUMNS = ['hs_task_subject', 'hs_timestamp', 'hs_task_priority', 'hs_task_type', 'hs_task_status'];

export interface CustomViewInput {
  name: string;
  sharing: 'private' | 'everyone';
  filterGroups: FilterGroup[];
}

/** Where a custom view's filter is wrong: group and filter (1-based) and why. */
export interface FilterProblem {
  group: number;
  filter: number;
  message: string;
}

function problemOf(f: Filter): string | undefined {
  return filterProblem(f, TASK_FILTER_KINDS[f.property]);
}

/** The first filter that cannot run (no property yet, no value, a wrong date…), or undefined when all can. */
export function firstFilterProblem(groups: readonly FilterGroup[]): FilterProblem | undefined {
  for (const [gi, g] of groups.entries()) {
    for (const [fi, f] of g.filters.entries()) {
      const message = problemOf(f);
      if (message) return { group: gi + 1, filter: fi + 1, message };
    }
  }
  return undefined;
}

/**
 * The filters that can run now, for the live count while the user is still typing: incomplete
 * ones are left out, and a group left empty matches every task (as the filter editor says).
 */
export function runnableGroups(groups: readonly FilterGroup[]): FilterGroup[] {
  return groups.map((g) => ({ filters: g.filters.filter((f) => problemOf(f) === undefined) }));
}

/** The view saved for the form's values: empty groups dropped, the tab's columns, earliest due first. */
export function customTaskView(input: CustomViewInput, id: string, ownerUserId: string): View {
  return {
    id,
    name: input.name.trim(),
    objectType: TASK_OBJECT,
    filterGroups: input.filterGroups.filter((g) => g.filters.length > 0),
    columns: CUSTOM_COLUMNS,
    sort: { property: 'hs_timestamp', direction: 'asc' },
    sharing: input.sharing,
    ownerUserId,
  };
}
