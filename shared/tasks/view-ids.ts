/** The Tasks tab's default views, in the order of its tabs (`?view=`, and `cs-workspace://tasks/<view>`). */
export const TASK_VIEW_IDS = ['overdue', 'due-today', 'due-tomorrow', 'all-open', 'all-completed'] as const;
export type TaskViewId = (typeof TASK_VIEW_IDS)[number];

export function isTaskViewId(v: unknown): v is TaskViewId {
  return typeof v === 'string' && (TASK_VIEW_IDS as readonly string[]).includes(v);
}

/** A custom task view's id, as the tasks store makes it: `view:` and a UUID. */
export const CUSTOM_TASK_VIEW_ID = /^view:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
