import type { Page } from '@playwright/test';

/**
 * Runs `action` (a statement) in the page and resolves with the ms until `done` (a function
 * expression over the DOM) holds, observed by a MutationObserver started just before the action.
 */
export async function timedInPage(page: Page, action: string, done: string): Promise<number> {
  return page.evaluate(
    ([act, check]) =>
      new Promise<number>((resolve) => {
        const isDone = new Function(`return (${check})();`) as () => boolean;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (isDone()) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        (new Function(act) as () => void)();
      }),
    [action, done] as const,
  );
}
