import type { Page } from '@playwright/test';
import { crmApi, expect, openWorkspace, type Workspace } from './fixtures';

/** Alex Morgan, the demo CRM's signed-in CSM. */
export const OWNER = '60000001';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
// Europe/Warsaw is UTC+1 in late November: Friday 27 Nov starts at 26 Nov 23:00 UTC.
export const TODAY = Date.UTC(2026, 10, 26, 23, 0);
export const TOMORROW = TODAY + DAY;
export const DAY_AFTER = TOMORROW + DAY;

export interface CrmTask {
  id: string;
  subject: string;
  due: number | null;
  status: string;
  priority: string;
  reminders: number[];
}

export const ms = (v: string | null | undefined) => (!v ? null : /^\d+$/.test(v) ? Number(v) : Date.parse(v));

export async function crmTasks(workspace: Workspace): Promise<CrmTask[]> {
  const out: CrmTask[] = [];
  let after: string | undefined;
  do {
    const res = await crmApi(workspace, '/crm/v3/objects/tasks/search', {
      body: {
        filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: OWNER }] }],
        properties: ['hs_task_subject', 'hs_timestamp', 'hs_task_status', 'hs_task_priority', 'hs_task_reminders'],
        limit: 200,
        ...(after ? { after } : {}),
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { id: string; properties: Record<string, string | null> }[]; paging?: { next?: { after: string } } };
    for (const r of body.results) {
      out.push({
        id: r.id,
        subject: r.properties.hs_task_subject ?? '',
        due: ms(r.properties.hs_timestamp),
        status: r.properties.hs_task_status ?? '',
        priority: r.properties.hs_task_priority ?? '',
        reminders: (r.properties.hs_task_reminders ?? '')
          .split(';')
          .map((s) => ms(s.trim()))
          .filter((n): n is number => n !== null),
      });
    }
    after = body.paging?.next?.after;
  } while (after);
  return out;
}

export async function crmTask(workspace: Workspace, id: string): Promise<Record<string, string | null>> {
  const res = await crmApi(workspace, `/crm/v3/objects/tasks/${id}?properties=hs_task_status,hs_timestamp,hs_task_subject`);
  return ((await res.json()) as { properties: Record<string, string | null> }).properties;
}

/** The tasks of each default view, by the CRM's data, at `now` (a moment after FIXED_NOW). */
export type ViewId = 'overdue' | 'due-today' | 'due-tomorrow' | 'all-open' | 'all-completed';

export function buckets(tasks: CrmTask[], now: number): Record<ViewId, string[]> {
  const open = tasks.filter((t) => t.status !== 'COMPLETED');
  const sorted = (list: CrmTask[]) => list.map((t) => t.id).sort();
  return {
    overdue: sorted(open.filter((t) => t.due !== null && t.due < now)),
    'due-today': sorted(open.filter((t) => t.due !== null && t.due >= TODAY && t.due < TOMORROW)),
    'due-tomorrow': sorted(open.filter((t) => t.due !== null && t.due >= TOMORROW && t.due < DAY_AFTER)),
    'all-open': sorted(open),
    'all-completed': sorted(tasks.filter((t) => t.status === 'COMPLETED')),
  };
}

export const TAB_NAMES: Record<ViewId, string> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  'due-tomorrow': 'Due tomorrow',
  'all-open': 'All open',
  'all-completed': 'All completed',
};

export async function openTasks(page: Page, workspace: Workspace, path = '/tasks') {
  await openWorkspace(page, workspace, path);
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 30_000 });
}

export async function selectView(page: Page, view: ViewId) {
  await page.getByRole('tab', { name: new RegExp(`^${TAB_NAMES[view]}`) }).click();
  await expect(page).toHaveURL(new RegExp(`view=${view}`));
}

export const row = (page: Page, id: string) => page.locator(`tr[data-task-id="${id}"]`);
export const rowIds = (page: Page) =>
  page.locator('tbody tr[data-task-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id') ?? '').sort());

/** Shows every page of the current view and reads its task ids. */
export async function allRowIds(page: Page): Promise<string[]> {
  const more = page.getByRole('button', { name: /^Show more/ });
  while (await more.isVisible()) await more.click();
  return rowIds(page);
}
