import vue from '@vitejs/plugin-vue';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/{unit,integration,migrations}/**/*.test.ts', '{shared,src-main,src-renderer}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker less than the cores: one worker on our 2-core CI machine,
    // where the files then ran one after the other. Two there (the same 468 tests of four unit
    // folders: 253 s with one, 171 s with two); the default elsewhere.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Every test that depends on "today" or a zone sets a fixed clock; the zone is named here.
    env: { TZ: 'Europe/Warsaw' },
  },
});
