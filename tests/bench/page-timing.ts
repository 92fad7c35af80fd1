import type { Page } from '@playwright/test';

/*
 * Every time here is read from a native event's timeStamp (the page's own monotonic clock):
 * the fixtures install Playwright's page clock, which fakes performance.now() and Date, and a
 * faked performance.now() does not measure what ran in the page.
 */

/**
 * Runs `action` (a statement) in the page and resolves with the ms until `done` (a function
 * expression over the DOM) holds, observed by a MutationObserver started just before the action.
 */
export async function timedInPage(page: Page, action: string, done: string): Promise<number> {
  return page.evaluate(
    ([act, check]) =>
      new Promise<number>((resolve) => {
        const isDone = new Function(`return (${check})();`) as () => boolean;
        const now = () => new Event('t').timeStamp;
        const t0 = now();
        const obs = new MutationObserver(() => {
          if (isDone()) {
            obs.disconnect();
            resolve(now() - t0);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        (new Function(act) as () => void)();
      }),
    [action, done] as const,
  );
}

/**
 * From the next load on, the page keeps every main-thread task over 50 ms (Chromium's
 * `longtask` entries) in `window.__longTasks`; `longestTask` reads the longest since that load.
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/**
 * From the next load on, the page notes when an element matching `selector` first appears (a
 * MutationObserver started before any script of the page); `sinceFirstAppearance` reads the ms since.
 */
export async function observeFirstAppearance(page: Page, selector: string): Promise<void> {
  await page.addInitScript((sel) => {
    const seen: { at?: number } = {};
    (window as unknown as { __firstSeen: typeof seen }).__firstSeen = seen;
    new MutationObserver(() => {
      if (seen.at === undefined && document.querySelector(sel)) seen.at = new Event('t').timeStamp;
    }).observe(document, { subtree: true, childList: true });
  }, selector);
}

/** Throws when the element never appeared (or the observer was not installed): a figure is never NaN. */
export async function sinceFirstAppearance(page: Page): Promise<number> {
  const ms = await page.evaluate(() => {
    const seen = (window as unknown as { __firstSeen?: { at?: number } }).__firstSeen;
    return seen?.at === undefined ? null : new Event('t').timeStamp - seen.at;
  });
  if (ms === null) throw new Error('the element observed by observeFirstAppearance never appeared in this page');
  return ms;
}

export async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, ...((window as unknown as { __longTasks?: number[] }).__longTasks ?? [])));
}

/** The page's JS heap after a full garbage collection, in MB (Chrome DevTools Protocol). */
export async function heapAfterGcMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return Math.round(usedSize / 1_048_576);
}
