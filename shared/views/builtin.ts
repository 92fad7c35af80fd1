import { ME } from './kinds';
import type { PropertyKind } from './kinds';
import type { Filter, View } from './schema';

/**
 * Built-in views, as data like any other view. Their ids are stable so that a user's
 * "default view" choice can point at them; they belong to no user.
 */

export const BUILTIN_OWNER = 'builtin';

const view = (id: string, name: string, objectType: string, filters: Filter[], extra: Partial<View> = {}): View => ({
  id: `builtin:${objectType}:${id}`,
  name,
  objectType,
  filterGroups: [{ filters }],
  columns: [],
  sharing: 'everyone',
  ownerUserId: BUILTIN_OWNER,
  ...extra,
});

const mine = (property: string): Filter => ({ property, operator: 'is_any_of', values: [ME] });

/** Records whose CSM (owner) property is the current user. */
export function ownedByMe(objectType: string, csmProperty: string, columns: string[] = []): View {
  return view('owned-by-me', 'Owned by me', objectType, [mine(csmProperty)], { columns });
}

/**
 * Records the current user became CSM of in the last 30 days: the CSM property is me and
 * was last set within the period (needs `ctx.propertySetAt`, from property history).
 */
export function assignedInLast30Days(objectType: string, csmProperty: string, columns: string[] = []): View {
  return view(
    'assigned-last-30-days',
    'Assigned in the last 30 days',
    objectType,
    [mine(csmProperty), { property: csmProperty, operator: 'in_period', value: 'last_30_days', target: 'setAt' }],
    { columns },
  );
}

/** Task properties the Tasks views read (docs/hubspot-api.md §10). */
export const TASK_PROPERTY_KINDS: Readonly<Record<string, PropertyKind>> = {
  hs_timestamp: 'datetime',
  hs_task_status: 'enumeration',
  hubspot_owner_id: 'owner',
  hs_task_subject: 'string',
  hs_task_priority: 'enumeration',
};

const TASK_COLUMNS = ['hs_task_subject', 'hs_timestamp', 'hs_task_priority', 'hs_task_status'];
const due = (operator: Filter['operator'], value?: string): Filter => ({ property: 'hs_timestamp', operator, ...(value ? { value } : {}) });
const open: Filter = { property: 'hs_task_status', operator: 'is_none_of', values: ['COMPLETED'] };
const completed: Filter = { property: 'hs_task_status', operator: 'is_any_of', values: ['COMPLETED'] };
const task = (id: string, name: string, filters: Filter[], direction: 'asc' | 'desc' = 'asc'): View =>
  view(id, name, 'tasks', [mine('hubspot_owner_id'), ...filters], { columns: TASK_COLUMNS, sort: { property: 'hs_timestamp', direction } });

/**
 * The Tasks tab's default views over the current user's tasks. A task is open unless its
 * status is COMPLETED; "overdue" is due before now and open; days are the user's zone's.
 */
export const taskViews = {
  overdue: (): View => task('overdue', 'Overdue', [due('before_now'), open]),
  dueToday: (): View => task('due-today', 'Due today', [due('in_period', 'today'), open]),
  dueTomorrow: (): View => task('due-tomorrow', 'Due tomorrow', [due('in_period', 'tomorrow'), open]),
  allOpen: (): View => task('all-open', 'All open', [open]),
  allCompleted: (): View => task('all-completed', 'All completed', [completed], 'desc'),
};
