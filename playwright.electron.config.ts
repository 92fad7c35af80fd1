import { defineConfig } from '@playwright/test';

/**
 * The Electron end-to-end suite (tests/electron, Playwright's `_electron`): the desktop app
 * itself, tray, reminders and deep links included. Not part of `npm test`, whose Playwright
 * run (playwright.config.ts) covers tests/e2e against the web host only. Needs the Electron
 * binary and a build: `npm run test:electron` (scripts/test-electron.mjs) checks the first and
 * runs the second.
 */
export default defineConfig({
  testDir: 'tests/electron',
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 240_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
});
