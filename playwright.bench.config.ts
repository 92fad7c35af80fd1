import { defineConfig } from '@playwright/test';
import base, { CHROMIUM, launchOptions } from './playwright.config';

/** `npm run bench`: browser benchmarks in tests/bench (*.spec.ts). They print figures, never assert speed. */
export default defineConfig({
  ...base,
  testDir: 'tests/bench',
  timeout: 30 * 60_000,
  forbidOnly: false,
  // One at a time: a benchmark beside another measures both of them.
  workers: 1,
  // No trace: Playwright's trace snapshots the whole DOM on the page's main thread after every
  // action (20–70 ms after a drag's mouse-up), inside the very windows the benchmarks time.
  use: { ...base.use, trace: 'off' },
  // The full Chromium, the engine and compositor the desktop app (Electron) runs, never the lighter headless shell.
  projects: [{ name: 'chromium', use: { browserName: 'chromium', launchOptions: launchOptions(CHROMIUM) } }],
});
