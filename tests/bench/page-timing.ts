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

/**
 * How the page benchmarks launch Chromium (`test.use(BENCH_BROWSER)`): Debian's, without the
 * GPU, background networking and QUIC, so runs on our machines compare with each other.
 */
export const BENCH_BROWSER = {
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  },
};
