#!/usr/bin/env node
// `npm run bench`: Node benchmarks through Vitest, then the browser benchmarks through
// Playwright (tests/bench/*.spec.ts) when there are any. Figures go to the console and to
// bench-results/results.jsonl.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const files = readdirSync('tests/bench');
let ok = true;
if (files.some((f) => f.endsWith('.bench.ts'))) {
  ok = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.bench.config.ts'], { stdio: 'inherit' }).status === 0 && ok;
}
if (files.some((f) => f.endsWith('.spec.ts'))) {
  ok = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status === 0 && ok;
  ok = spawnSync('npx', ['playwright', 'test', '--config', 'playwright.bench.config.ts'], { stdio: 'inherit' }).status === 0 && ok;
}
process.exit(ok ? 0 : 1);
