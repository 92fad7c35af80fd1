import { crmApi, expect, FIXED_NOW, TIME_ZONE, type Workspace } from './fixtures';

/** Expected Summary figures, computed from the demo CRM itself on the fixed clock. */

const DAY = 86_400_000;

/** Midnight in Warsaw of FIXED_NOW's day: FIXED_NOW is 09:00 there (UTC+1 in November). */
export const START_OF_TODAY = FIXED_NOW - 9 * 3_600_000;
export { DAY, TIME_ZONE };

type Rec = { id: string; properties: Record<string, string | null>; updatedAt?: string };

/** A CRM call with the test's token; 429s (limits shared with the app's sync) are waited out. */
async function crmJson<T>(workspace: Workspace, path: string, body: unknown): Promise<T> {
  for (;;) {
    const res = await crmApi(workspace, path, { body });
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }
}

export async function searchAll(workspace: Workspace, type: string, filters: unknown[], properties: string[]): Promise<Rec[]> {
  const out: Rec[] = [];
  let after: string | undefined;
  for (;;) {
    const body = await crmJson<{ results: Rec[]; paging?: { next?: { after: string } } }>(workspace, `/crm/v3/objects/${type}/search`, {
      filterGroups: [{ filters }],
      properties,
      limit: 200,
      ...(after ? { after } : {}),
    });
    out.push(...body.results);
    after = body.paging?.next?.after;
    if (!after) return out;
  }
}

export interface ExpectedSummary {
  overdue: number;
  dueToday: number;
  dueTomorrow: number;
  todayTotal: number;
  todayDone: number;
  owned: number;
  recent: number;
  meetingsToday: number;
}

/**
 * `now` is a little after FIXED_NOW (the page clock runs from it), so a task due at exactly
 * 09:00 is already overdue, as in the app.
 */
export async function expectedSummary(workspace: Workspace, ownerId: string): Promise<ExpectedSummary> {
  const now = FIXED_NOW + 1;
  const tasks = await searchAll(workspace, 'tasks', [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId }], ['hs_timestamp', 'hs_task_status']);
  const at = (t: Rec) => Date.parse(t.properties.hs_timestamp ?? '');
  const open = tasks.filter((t) => t.properties.hs_task_status !== 'COMPLETED');
  const inDay = (t: Rec, day: number) => at(t) >= START_OF_TODAY + day * DAY && at(t) < START_OF_TODAY + (day + 1) * DAY;
  const today = tasks.filter((t) => inDay(t, 0));

  const companies = await searchAll(workspace, 'companies', [{ propertyName: 'csm_owner', operator: 'EQ', value: ownerId }], ['csm_owner']);
  let recent = 0;
  for (let i = 0; i < companies.length; i += 50) {
    const body = await crmJson<{ results: Array<{ propertiesWithHistory?: Record<string, Array<{ timestamp: string }>> }> }>(
      workspace,
      '/crm/v3/objects/companies/batch/read',
      { inputs: companies.slice(i, i + 50).map((c) => ({ id: c.id })), properties: ['csm_owner'], propertiesWithHistory: ['csm_owner'] },
    );
    for (const r of body.results) {
      const stamps = (r.propertiesWithHistory?.csm_owner ?? []).map((h) => Date.parse(h.timestamp));
      if (stamps.length && Math.max(...stamps) >= now - 30 * DAY) recent++;
    }
  }

  const meetings = await searchAll(
    workspace,
    'meetings',
    [
      { propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId },
      { propertyName: 'hs_meeting_start_time', operator: 'BETWEEN', value: String(START_OF_TODAY), highValue: String(START_OF_TODAY + DAY - 1) },
    ],
    ['hs_meeting_start_time'],
  );

  return {
    overdue: open.filter((t) => at(t) < now).length,
    dueToday: open.filter((t) => inDay(t, 0)).length,
    dueTomorrow: open.filter((t) => inDay(t, 1)).length,
    todayTotal: today.length,
    todayDone: today.filter((t) => t.properties.hs_task_status === 'COMPLETED').length,
    owned: companies.length,
    recent,
    meetingsToday: meetings.length,
  };
}
