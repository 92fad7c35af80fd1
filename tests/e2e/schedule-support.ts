import type { Locator, Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { crmApi, expect, openWorkspace, TIME_ZONE, type Workspace } from './fixtures';

/** Alex Morgan, the demo CRM's default signed-in user. */
export const OWNER = '60000001';
export const warsaw = (month: number, day: number, hour = 0, minute = 0) =>
  DateTime.fromObject({ year: 2026, month, day, hour, minute }, { zone: TIME_ZONE }).toMillis();

export interface CrmRow {
  id: string;
  properties: Record<string, string | null>;
}

/** Every record of the owner with `prop` in [from, to), paging through the CRM's search. */
export async function crmSearch(workspace: Workspace, type: 'meetings' | 'tasks', prop: string, from: number, to: number): Promise<CrmRow[]> {
  const rows: CrmRow[] = [];
  let after: string | undefined;
  for (;;) {
    const res = await crmApi(workspace, `/crm/v3/objects/${type}/search`, {
      body: {
        filterGroups: [
          {
            filters: [
              { propertyName: 'hubspot_owner_id', operator: 'EQ', value: OWNER },
              { propertyName: prop, operator: 'GTE', value: String(from) },
              { propertyName: prop, operator: 'LT', value: String(to) },
            ],
          },
        ],
        properties: ['hs_meeting_title', 'hs_meeting_start_time', 'hs_meeting_external_url', 'hs_task_subject', 'hs_timestamp', 'hs_task_status'],
        limit: 100,
        ...(after ? { after } : {}),
      },
    });
    // The CRM limits search requests per second, as HubSpot does; wait as it says and ask again.
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? '1') * 1000));
      continue;
    }
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: CrmRow[]; paging?: { next?: { after: string } } };
    rows.push(...body.results);
    after = body.paging?.next?.after;
    if (after === undefined) return rows;
  }
}

/** The accessible names the calendar should show for the owner's meetings and tasks in [from, to). */
export async function expectedLabels(workspace: Workspace, from: number, to: number): Promise<string[]> {
  const [meetings, tasks] = await Promise.all([
    crmSearch(workspace, 'meetings', 'hs_meeting_start_time', from, to),
    crmSearch(workspace, 'tasks', 'hs_timestamp', from, to),
  ]);
  return [...meetings.map((m) => `Meeting: ${m.properties.hs_meeting_title}`), ...tasks.map((t) => `Task: ${t.properties.hs_task_subject}`)].sort();
}

export const calendar = (page: Page) => page.getByRole('region', { name: /^(Calendar|Kalendarz)$/ });
export const shownLabels = (page: Page) =>
  calendar(page)
    .locator('[data-event-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '').sort());

/** The open task of the owner due today at 13:00 (the demo CRM's agenda has one). */
export async function taskAtOne(workspace: Workspace): Promise<string> {
  const tasks = await crmSearch(workspace, 'tasks', 'hs_timestamp', warsaw(11, 27, 13), warsaw(11, 27, 13, 1));
  const task = tasks.find((t) => t.properties.hs_task_status !== 'COMPLETED');
  expect(task, 'the demo CRM has an open task due today at 13:00').toBeTruthy();
  return task?.id ?? '';
}

/** Schedule in the day view with the open task due today at 13:00 on screen: its id and its event. */
export async function dayWithTaskAtOne(page: Page, workspace: Workspace): Promise<{ id: string; event: Locator }> {
  await openSchedule(page, workspace);
  const id = await taskAtOne(workspace);
  await page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name: 'Day' }).click();
  const event = calendar(page).locator(`[data-event-id="tasks:${id}"]`);
  await expect(event).toContainText('13:00');
  return { id, event };
}

export async function crmDueAt(workspace: Workspace, id: string): Promise<number> {
  const res = await crmApi(workspace, `/crm/v3/objects/tasks/${id}?properties=hs_timestamp`);
  return toMs(((await res.json()) as CrmRow).properties.hs_timestamp);
}

type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;

/**
 * Where `event` and the slot starting at `time` are drawn, read until both are: FullCalendar
 * redraws an event when its source changes (a sync's write), and for that moment it has no box.
 */
export async function boxesOnScreen(page: Page, event: Locator, time: string): Promise<{ from: Box; slot: Box }> {
  let drawn = null as { from: Box; slot: Box } | null;
  await expect
    .poll(
      async () => {
        const from = await event.boundingBox();
        const slot = await calendar(page).locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox();
        drawn = from && slot ? { from, slot } : null;
        return drawn !== null;
      },
      { message: `the event and the ${time} slot are on screen` },
    )
    .toBe(true);
  if (!drawn) throw new Error(`the event or the ${time} slot is not on screen`);
  return drawn;
}

/**
 * Grab the event inside its first half-hour slot and drop it in the slot starting at `time` on
 * the same day; `midway` runs once the drag has started, before the event reaches the slot.
 */
export async function dragToSlot(page: Page, eventId: string, time: string, midway?: () => Promise<void>) {
  const { from, slot } = await boxesOnScreen(page, calendar(page).locator(`[data-event-id="${eventId}"]`), time);
  await page.mouse.move(from.x + from.width / 2, from.y + 4);
  await page.mouse.down();
  // A real hand moves through the grid: FullCalendar starts the drag after a few pixels.
  await page.mouse.move(from.x + from.width / 2, from.y + 12, { steps: 4 });
  await midway?.();
  await page.mouse.move(from.x + from.width / 2, slot.y + slot.height / 2, { steps: 12 });
  await page.mouse.up();
  // The drag is over when FullCalendar has removed its mirror of the event.
  await expect(calendar(page).locator('.fc-event-mirror')).toHaveCount(0);
}

export const toMs = (v: string | null | undefined) => (v && /^\d+$/.test(v) ? Number(v) : Date.parse(v ?? ''));

export async function openSchedule(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/schedule');
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 30_000 });
}
