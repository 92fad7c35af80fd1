import { defineConfig } from 'vitest/config';

/** `npm run bench`: the Node benchmarks (tests/bench/*.bench.ts). They print, never assert speed. */
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    environment: 'node',
    testTimeout: 30 * 60_000,
    hookTimeout: 30 * 60_000,
    fileParallelism: false,
    env: { TZ: 'Europe/Warsaw' },
  },
});
