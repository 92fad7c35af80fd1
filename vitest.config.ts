import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/{unit,integration,migrations}/**/*.test.ts', '{shared,src-main,src-renderer}/**/*.test.ts'],
    environment: 'node',
    // The sync integration tests run whole syncs against the demo CRM over HTTP: 5–10 s on a
    // quiet machine, over 30 s (three timed out) beside the static checks on two cores under
    // more load. Their speed is what the benchmarks measure; a timeout here only catches a hang.
    testTimeout: 120_000,
    // Three files at a time on our 2 cores. With two, the suite alone kept one core busy on average
    // (306 s wall, 314 s of CPU): the integration tests wait on the demo CRM's search lag, pacing
    // and retries, and a third file fills those waits. In npm test the static checks take a core
    // beside it, so more would only contend.
    maxWorkers: 3,
    hookTimeout: 60_000,
    // Every test that depends on "today" or a zone sets a fixed clock; the zone is named here.
    env: { TZ: 'Europe/Warsaw' },
  },
});
