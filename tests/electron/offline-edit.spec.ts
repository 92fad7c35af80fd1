import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advancingClock, startTestDemoCrm } from '../support/demo-crm';
import { connectHubspot, electronBinary, expect, launch, SKIP_REASON, test, TOKEN } from './electron-app';

test.skip(electronBinary() === null, SKIP_REASON);

test('an edit made offline survives the app being killed, and reaches the CRM once it is back', async ({ dataDir }) => {
  // A CRM of the test's own that it can stop and start again on the same address and data.
  const crmDir = mkdtempSync(join(tmpdir(), 'csw-electron-crm-'));
  const crmOptions = { token: TOKEN, size: 'small' as const, seed: 2, dataDir: crmDir, now: advancingClock(Date.now()) };
  let crm = await startTestDemoCrm(crmOptions);
  const port = Number(new URL(crm.url).port);
  try {
    const first = await launch(dataDir, ['--hubspot-url', crm.url]);
    await connectHubspot(first.page);
    await crm.stop();

    await first.page.evaluate(() => (location.hash = '#/tasks?view=all-open'));
    const row = first.page.locator('[id^="task-row-"]').first();
    const taskId = ((await row.getAttribute('id')) ?? '').replace('task-row-', '');
    const box = row.getByRole('checkbox', { name: /^Complete / });
    await box.check();
    await expect(box).toBeChecked();
    // No quit, no flush: the process is killed as by a crash or a power cut.
    first.app.process().kill('SIGKILL');

    const again = await launch(dataDir, ['--hubspot-url', crm.url]);
    await again.page.evaluate(() => (location.hash = '#/tasks?view=all-completed'));
    await expect(again.page.locator(`#task-row-${taskId}`).getByRole('checkbox', { name: /^Complete / })).toBeChecked();

    crm = await startTestDemoCrm({ ...crmOptions, port });
    await expect
      .poll(
        async () => {
          const r = await crm.api(`/crm/v3/objects/tasks/${taskId}?properties=hs_task_status`);
          return ((await r.json()) as { properties?: { hs_task_status?: string } }).properties?.hs_task_status;
        },
        { timeout: 120_000 },
      )
      .toBe('COMPLETED');
    await again.app.evaluate(({ app }) => app.exit(0));
  } finally {
    // Already stopped when the test failed while the CRM was away.
    await crm.stop().catch(() => {});
    rmSync(crmDir, { recursive: true, force: true });
  }
});
