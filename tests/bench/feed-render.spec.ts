import type { Page } from '@playwright/test';
import { expect, openWorkspace, test, waitForOfflineReady } from '../e2e/fixtures';
import { FEED_SHOWN as done, inject, ME } from './feed-book';
import { observeFirstAppearance, sinceFirstAppearance, timedInPage } from './page-timing';
import { median, report } from './stats';
import { recordTarget } from './targets';

/**
 * Benchmark, not a test: the Feed tab's first render with the large dataset's share of the
 * default user in the browser's IndexedDB — 12,500 accounts, 3 contacts each with the demo
 * CRM's proportions of latest-activity properties, and per account 3 emails, 1–2 meetings,
 * 2 calls, 0–2 tickets, associated both ways. They are written straight into the app's
 * database (offline, so the sync leaves them alone) rather than synced, which would take many
 * minutes here. Figures, timed inside the page:
 * - cold: a reload on the Feed tab, from the tab's heading appearing (the app's boot is not
 *   the feed's) to the count of the 14-day window shown with the first rows, with the feed kept
 *   from the last open (shared/feed/snapshot.ts), and without it (deleted before the reload, as
 *   on the very first open);
 * - warm: back to the tab from Summary (its store is alive) to the rows shown.
 * The floor is the bare reads the feed needs: raw IndexedDB `getAll` of the contacts,
 * emails, meetings, calls and tickets stores, plus one pass over them.
 * Run: npx electron-vite build --outDir <dir> && CSW_OUT_DIR=<dir> npx playwright test -c playwright.bench.config.ts tests/bench/feed-render.spec.ts
 */
test.setTimeout(20 * 60_000);

const COLD_RUNS = 4;
const UNKEPT_RUNS = 2;
const WARM_RUNS = 8;

/** Deletes the feed kept for the next open (meta `feed:snapshot:<ownerId>`), as on a first open. */
function forgetKeptFeed(page: Page) {
  return page.evaluate(async (me) => {
    const open = indexedDB.open('cs-workspace');
    const db = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').delete(`feed:snapshot:${me}`);
    await new Promise((res) => (tx.oncomplete = res));
    db.close();
  }, ME);
}

const shownText = () => document.querySelector('[aria-label="Activities shown"]')?.textContent ?? '';

test('Feed: first render over the large dataset’s 12,500 accounts of one user', async ({ page, context, workspace }) => {
  await openWorkspace(page, workspace, '/summary');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  const t0 = Date.now();
  const rows = await inject(page);
  const injectS = Math.round((Date.now() - t0) / 1000);

  // The heading's first appearance after each load, seen by a MutationObserver from the start.
  await observeFirstAppearance(page, '#feed-title');

  // The first load learns the 14-day count (the small demo dataset is there too).
  await page.goto(`${workspace.url}#/feed`);
  await page.waitForFunction(new Function(`return (${done})();`) as () => boolean, undefined, { timeout: 300_000, polling: 100 });
  const items = Number(/^\d+/.exec(await page.evaluate(shownText))?.[0] ?? 0);

  // Cold with nothing kept (the very first open): the kept feed is deleted before each reload.
  const unkept: number[] = [];
  for (let i = 0; i < UNKEPT_RUNS; i++) {
    await page.waitForTimeout(2_000); // the kept feed of the last load is written at once after it derives
    await forgetKeptFeed(page);
    await page.reload();
    await page.waitForFunction(new Function(`return (${done})();`) as () => boolean, undefined, { timeout: 300_000, polling: 'raf' });
    unkept.push(await sinceFirstAppearance(page));
  }
  await page.waitForTimeout(2_000);

  const cold: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    await page.reload();
    // waitForFunction on each animation frame: "now" is within a frame of the rows shown.
    await page.waitForFunction(new Function(`return (${done})();`) as () => boolean, undefined, { timeout: 300_000, polling: 'raf' });
    cold.push(await sinceFirstAppearance(page));
  }

  const warm: number[] = [];
  const tabs = page.getByRole('navigation', { name: 'Workspace' });
  for (let i = 0; i < WARM_RUNS; i++) {
    await tabs.getByRole('link', { name: 'Summary', exact: true }).click();
    await expect(page.locator('#feed-title')).toHaveCount(0);
    warm.push(await timedInPage(page, "location.hash = '#/feed'", done));
  }

  // The heap the app holds after the Feed, before the floor's own reads below fill it: as
  // used (garbage not yet collected included), and what survives a collection (what it keeps).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapNow = async () => Math.round(((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1_048_576);
  const heapUsedMb = await heapNow();
  await cdp.send('HeapProfiler.collectGarbage');
  const heapMb = await heapNow();

  const floor = await page.evaluate(async () => {
    const open = indexedDB.open('cs-workspace');
    const db = await new Promise<IDBDatabase>((res) => (open.onsuccess = () => res(open.result)));
    const all = (table: string) =>
      new Promise<Array<{ properties: Record<string, string | undefined> }>>((res) => {
        const req = db.transaction(table).objectStore(table).getAll();
        req.onsuccess = () => res(req.result as Array<{ properties: Record<string, string | undefined> }>);
      });
    const out: number[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      let n = 0;
      for (const table of ['contacts', 'emails', 'meetings', 'calls', 'tickets'])
        for (const row of await all(table)) if (row.properties.hs_timestamp ?? row.properties.hs_email_last_open_date) n++;
      if (n < 0) throw new Error('unreachable');
      out.push(performance.now() - start);
    }
    db.close();
    return out.sort((a, b) => a - b)[1] ?? 0;
  });

  const extra = {
    itemsIn14Days: items,
    contacts: rows.contacts ?? 0,
    engagements: (rows.emails ?? 0) + (rows.meetings ?? 0) + (rows.calls ?? 0) + (rows.tickets ?? 0),
    heapMb,
    heapUsedMb,
  };
  report('feed: first render, 12,500 accounts of one user in Chromium', [
    { name: 'cold: tab heading → rows and 14-day count shown', samplesMs: cold, floorMs: floor, extra },
    { name: 'cold, nothing kept (first open): tab heading → rows shown', samplesMs: unkept, floorMs: floor },
    { name: 'warm: back to the tab → rows shown', samplesMs: warm, floorMs: floor },
    { name: 'setup: rows written to IndexedDB (s, once)', samplesMs: [injectS * 1000], extra: { associations: rows.associations ?? 0 } },
  ]);
  recordTarget({
    id: 'P10a',
    what: `Feed first render, cold (median), ${extra.engagements} engagements of 12,500 accounts`,
    value: median(cold),
    unit: 'ms',
    floor,
    below: 200,
  });
  recordTarget({ id: 'P8a', what: 'renderer JS heap after the Feed over 12,500 accounts (after a collection)', value: heapMb, unit: 'MB', atMost: 150 });
});
