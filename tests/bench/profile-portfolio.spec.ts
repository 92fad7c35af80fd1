import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { busyStretches, type CpuProfile } from './cpu-profile';
import { openOfflineBook } from './portfolio-book';
import { longestTask, observeLongTasks, timedInPage } from './page-timing';

/**
 * Not a benchmark of its own: the profiles behind P4b and P5b (docs/performance.md). The book
 * of portfolio.spec.ts; then, under the CPU profiler, a cold open of Portfolio (a reload, until
 * 3 s after the rows show, while the health scores recompute) and ten switches back to the tab
 * from Summary (BENCH_PROFILE_SETTLE=<ms>: after Summary has settled that long). For each it prints the longest main-thread task, the times, and the busiest
 * stretches with their functions by self time and inclusive, and writes the profiles to
 * bench-results/portfolio-*.cpuprofile. Runs only when asked, as it records no target:
 * BENCH_PROFILE=1 npm run bench -- profile-portfolio
 */
test.setTimeout(15 * 60_000);
test.skip(!process.env.BENCH_PROFILE, 'a profile only when asked: BENCH_PROFILE=1');

async function profiled<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, CpuProfile]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const out = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  return [out, profile];
}

function print(name: string, profile: CpuProfile, stretches = 4) {
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(join('bench-results', `portfolio-${name}.cpuprofile`), JSON.stringify(profile));
  for (const stretch of busyStretches(profile, stretches, 16)) {
    console.log(`[${name}] busy ${Math.round(stretch.ms)} ms; by self time:`);
    for (const [frame, ms] of stretch.self) console.log(`  ${String(ms).padStart(5)} ms  ${frame}`);
    console.log('  inclusive:');
    for (const [frame, ms] of stretch.top) console.log(`  ${String(ms).padStart(5)} ms  ${frame}`);
  }
}

test('profile of Portfolio over 50,000 accounts: cold open and switching back to the tab', async ({ browser, page, context, workspace }) => {
  const mine = await openOfflineBook(page, context, workspace);
  const countIs = `() => document.querySelector('[data-testid="portfolio-count"]')?.textContent === '${mine} accounts'`;
  await observeLongTasks(page);
  await page.reload();
  await page.waitForFunction(countIs, undefined, { timeout: 120_000 });
  await page.waitForTimeout(3_000);

  const cdp = await context.newCDPSession(page);
  const coldOpen = async () => {
    await page.reload({ waitUntil: 'commit' });
    await page.waitForFunction(countIs, undefined, { timeout: 120_000, polling: 'raf' });
    await page.waitForTimeout(3_000);
  };
  if (process.env.BENCH_PROFILE_TRACE) {
    // The tasks themselves (Chromium's trace): bench-results/portfolio-cold.trace.json.
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
    await coldOpen();
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(join('bench-results', 'portfolio-cold.trace.json'), await browser.stopTracing());
  } else print('cold', (await profiled(cdp, coldOpen))[1]);
  console.log(`cold open: longest main-thread task ${await longestTask(page)} ms`);

  // Each switch back under the profiler on its own (Summary left to settle first); the slowest two and the fastest printed.
  const runs: Array<[number, CpuProfile]> = [];
  const counters: string[] = [];
  for (let i = 0; i < Number(process.env.BENCH_PROFILE_RUNS ?? 10); i++) {
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Summary', exact: true }).click();
    await expect(page.getByTestId('portfolio-count')).toHaveCount(0);
    if (process.env.BENCH_PROFILE_SETTLE) await page.waitForTimeout(Number(process.env.BENCH_PROFILE_SETTLE));
    runs.push(await profiled(cdp, () => timedInPage(page, "location.hash = '#/portfolio'", countIs)));
    if (process.env.BENCH_PROFILE_GC) await cdp.send('HeapProfiler.collectGarbage');
    const c = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
    counters.push(`${c.nodes}/${c.jsEventListeners}`);
  }
  console.log(`DOM nodes / JS event listeners after each switch: ${counters.join(', ')}`);
  console.log(`switch back to the tab (under the profiler): ${runs.map(([ms]) => Math.round(ms)).join(', ')} ms`);
  const bySpeed = [...runs].sort((a, b) => b[0] - a[0]);
  bySpeed.slice(0, 2).forEach(([ms, profile], i) => print(`switch-slow${i + 1}-${Math.round(ms)}ms`, profile, 2));
  const fastest = bySpeed[bySpeed.length - 1];
  if (fastest) print(`switch-fast-${Math.round(fastest[0])}ms`, fastest[1], 2);
});
