import { afterEach, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

/** Engagement records in the CRM: what a periodic activity adds for the Feed to find. */
async function engagements(crm: TestDemoCrm): Promise<number> {
  let total = 0;
  for (const type of ['emails', 'calls', 'meetings', 'tickets']) {
    const res = await crm.api(`/crm/v3/objects/${type}/search`, { body: { filterGroups: [], limit: 1 } });
    total += ((await res.json()) as { total: number }).total;
  }
  return total;
}

let crm: TestDemoCrm | undefined;
afterEach(async () => crm?.stop());

describe('demo CRM periodic activity (the app’s embedded demo)', () => {
  it('adds new engagements on its own when asked to', async () => {
    crm = await startTestDemoCrm({ activityEveryMs: 40 });
    const before = await engagements(crm);
    await expect.poll(() => engagements(crm!), { timeout: 10_000, interval: 100 }).toBeGreaterThan(before);
  });

  it('adds nothing by itself otherwise (tests tick explicitly)', async () => {
    crm = await startTestDemoCrm();
    const before = await engagements(crm);
    await new Promise((r) => setTimeout(r, 500));
    expect(await engagements(crm)).toBe(before);
  });
});
