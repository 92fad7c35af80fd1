#!/usr/bin/env node
// `npm run bench [filter…]`: the Node benchmarks through Vitest, then the browser benchmarks
// through Playwright (tests/bench/*.spec.ts), then one table of issue 17's targets (figure,
// floor measured in the same run, ratio, target, pass/miss), printed and written to
// bench-results/latest.md and latest.json. A filter (e.g. `portfolio`) runs the benchmark
// files whose names contain it. Each benchmark's own figures also go to bench-results/results.jsonl.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { result, summarize, toMarkdown } from './bench-summary.mjs';

const filters = process.argv.slice(2);
const OUT = 'bench-results';
const TARGETS = join(OUT, 'targets.jsonl');
mkdirSync(OUT, { recursive: true });
rmSync(TARGETS, { force: true });

// P11 is npm test itself: its last run on this machine (scripts/test-all.mjs writes the timing
// into test-results/reports, which Playwright's own runs leave alone: theirs is test-results/e2e).
const timingFile = join('test-results', 'reports', 'timing.json');
const lastTestRun = existsSync(timingFile) ? JSON.parse(readFileSync(timingFile, 'utf8')) : null;

const files = readdirSync('tests/bench').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
let ok = true;
if (files.some((f) => f.endsWith('.bench.ts'))) {
  const args = ['vitest', 'run', '--config', 'vitest.bench.config.ts', '--passWithNoTests', ...filters];
  ok = spawnSync('npx', args, { stdio: 'inherit' }).status === 0 && ok;
}
if (files.some((f) => f.endsWith('.spec.ts'))) {
  ok = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' }).status === 0 && ok;
  const args = ['playwright', 'test', '--config', 'playwright.bench.config.ts', '--pass-with-no-tests', ...filters];
  ok = spawnSync('npx', args, { stdio: 'inherit' }).status === 0 && ok;
}

const entries = existsSync(TARGETS)
  ? readFileSync(TARGETS, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
if (lastTestRun) {
  const minutes = Math.round((lastTestRun.totalMs / 60_000) * 10) / 10;
  const steps = lastTestRun.steps.map((step) => `${step.label} ${Math.round(step.ms / 1000)} s`).join(', ');
  entries.push({
    id: 'P11',
    what: `npm test, last run here (${lastTestRun.at}): ${steps}`,
    value: minutes,
    unit: 'min',
    floor: null,
    ratio: null,
    target: '≤ 6 min',
    pass: minutes <= 6,
    missBy: minutes <= 6 ? null : Math.round((minutes / 6) * 100) / 100,
  });
}

const catalogue = JSON.parse(readFileSync('tests/bench/targets.json', 'utf8'));
const rows = summarize(catalogue, entries);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.versions.node}`;
const date = new Date().toISOString();
writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(rows, null, 2)}\n`);
writeFileSync(join(OUT, 'latest.md'), toMarkdown(rows, { date, machine }));
console.log(`\n== targets (bench-results/latest.md) ==`);
console.table(
  rows.map((r) => ({
    id: r.id,
    value: r.value === null ? '–' : `${r.value} ${r.unit}`,
    floor: r.floor ?? '–',
    ratio: r.ratio ?? '–',
    target: r.target,
    result: result(r),
  })),
);
process.exit(ok ? 0 : 1);
