import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openWorkspace, test, waitForOfflineReady } from '../e2e/fixtures';
import { busyStretches, type CpuProfile } from './cpu-profile';
import { FEED_SHOWN as done, inject } from './feed-book';
import { longestTask, observeFirstAppearance, observeLongTasks, sinceFirstAppearance } from './page-timing';

/**
 * Not a benchmark of its own: the profile behind P10a (docs/performance.md). The Feed's cold
 * open over the large dataset's 12,500 accounts of one user (as feed-render.spec.ts writes
 * them), with the feed kept from the last open, under the CPU profiler from the reload until
 * 5 s after the rows show (the live derivation's answer included). It prints the time to the
 * rows, the longest main-thread task and the busiest stretches, and writes the profile to
 * bench-results/feed-main.cpuprofile. Runs only when asked, as it records no target:
 * BENCH_PROFILE=1 npm run bench -- profile-feed
 */
test.setTimeout(20 * 60_000);
test.skip(!process.env.BENCH_PROFILE, 'a profile only when asked: BENCH_PROFILE=1');

test('profile of the main thread during the Feed’s cold open over 12,500 accounts', async ({ page, context, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  await inject(page);
  await observeFirstAppearance(page, '#feed-title');
  await observeLongTasks(page);
  await page.goto(`${workspace.url}#/feed`);
  await page.waitForFunction(new Function(`return (${done})();`) as () => boolean, undefined, { timeout: 300_000, polling: 100 });
  await page.waitForTimeout(3_000); // the kept feed is written at once after the first derivation

  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await page.reload();
  await page.waitForFunction(new Function(`return (${done})();`) as () => boolean, undefined, { timeout: 300_000, polling: 'raf' });
  const cold = await sinceFirstAppearance(page);
  await page.waitForTimeout(5_000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', 'feed-main.cpuprofile'), JSON.stringify(profile));
  console.log(`cold open, kept feed: ${Math.round(cold)} ms from the tab heading to the rows; longest main-thread task ${await longestTask(page)} ms`);
  for (const stretch of busyStretches(profile, 4, 14)) {
    console.log(`busy ${Math.round(stretch.ms)} ms:`);
    for (const [frame, ms] of stretch.top) console.log(`  ${String(ms).padStart(5)} ms  ${frame}`);
  }
});
