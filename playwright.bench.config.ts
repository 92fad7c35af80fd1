import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run bench`: browser benchmarks in tests/bench (*.spec.ts). They print figures, never assert speed. */
export default defineConfig({
  ...base,
  testDir: 'tests/bench',
  timeout: 30 * 60_000,
  forbidOnly: false,
});
