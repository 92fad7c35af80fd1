import type { NotifyTask } from '../../shared/notify';

/** A task as the notification scheduler sees it: subject `Task <id>`, open, no reminders unless `extra` says. */
export const notifyTask = (id: string, dueAt: number | null, extra: Partial<NotifyTask> = {}): NotifyTask => ({
  id,
  subject: `Task ${id}`,
  dueAt,
  reminders: [],
  completed: false,
  ...extra,
});
