import { mkdtemp, rm } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startWebHostApp } from '../../src-main/web-host/app';
import { advancingClock } from '../support/demo-crm';
import { FIXED_NOW, TIME_ZONE } from '../e2e/fixtures';
import { busyStretches, type CpuProfile } from './cpu-profile';
import { longestTask, observeLongTasks } from './page-timing';

/**
 * Not a benchmark of its own: the profile behind P5 (docs/performance.md). A first sync on
 * the tab BENCH_PROFILE_TAB (default summary) with the page's main thread under the CPU
 * profiler; it prints the longest task and, for the longest busy stretches, the functions with
 * the most time in them, and writes the whole profile to bench-results/sync-main.cpuprofile
 * (open it in Chromium's DevTools, Performance). Runs only when asked, as it records no target:
 * BENCH_PROFILE=1 npm run bench -- profile-sync (BENCH_SYNC_SIZE=small for a quick one).
 */
test.use({ timezoneId: TIME_ZONE });
test.setTimeout(30 * 60_000);
test.skip(!process.env.BENCH_PROFILE, 'a profile only when asked: BENCH_PROFILE=1');

const SIZE = (process.env.BENCH_SYNC_SIZE ?? 'medium') as 'small' | 'medium';
const TAB = process.env.BENCH_PROFILE_TAB ?? 'summary';

test(`profile of the main thread during the first sync of the ${SIZE} dataset`, async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'csw-bench-profile-'));
  const app = await startWebHostApp({
    dataDir,
    rootDir: join(process.env.CSW_OUT_DIR ?? join(process.cwd(), 'out'), 'renderer'),
    version: 'bench',
    demoCrm: { size: SIZE, seed: 1, now: advancingClock(FIXED_NOW), timeZone: TIME_ZONE },
  });
  try {
    await observeLongTasks(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(`${app.host.url}#/${TAB}`);
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 25 * 60_000 });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(join('bench-results', 'sync-main.cpuprofile'), JSON.stringify(profile));
    console.log(`longest main-thread task: ${await longestTask(page)} ms (${SIZE} dataset, ${TAB} tab)`);
    for (const stretch of busyStretches(profile)) {
      console.log(`busy ${Math.round(stretch.ms)} ms:`);
      for (const [frame, ms] of stretch.top) console.log(`  ${String(ms).padStart(5)} ms  ${frame}`);
    }
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
