import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/{unit,integration,migrations}/**/*.test.ts', '{shared,src-main,src-renderer}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test that depends on "today" or a zone sets a fixed clock; the zone is named here.
    env: { TZ: 'Europe/Warsaw' },
  },
});
