import type { NotifyTask } from './scheduler';

/** A HubSpot timestamp: epoch ms as digits, or ISO 8601. */
function millis(v: string | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (/^\d+$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * A CRM task (HubSpot wire strings) as the scheduler sees it: due at `hs_timestamp`,
 * reminders in `hs_task_reminders` (epoch ms, `;`-separated), completed when its status is
 * COMPLETED (docs/hubspot-api.md §10).
 */
export function taskToNotify(id: string, p: Readonly<Record<string, string | null | undefined>>): NotifyTask {
  const reminders = (p.hs_task_reminders ?? '')
    .split(';')
    .map((s) => millis(s.trim()))
    .filter((n): n is number => n !== null);
  return {
    id,
    subject: p.hs_task_subject?.trim() || '(no subject)',
    dueAt: millis(p.hs_timestamp),
    reminders,
    completed: p.hs_task_status === 'COMPLETED',
  };
}
