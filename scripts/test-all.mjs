#!/usr/bin/env node
// `npm test`: every gate CI runs, in two lanes side by side, then one plain line adding all suites up:
// `N passed, M failed`. Typecheck, lint, the format check, Electronegativity and build count as one check
// each; Vitest and Playwright count their tests. Exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { findChromium, findHeadlessShell, NO_BROWSER, NO_HEADLESS_SHELL } from './chromium.mjs';
import { playwrightFailures, vitestFailures } from './test-failures.mjs';

const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

/**
 * How busy the machine's cores were (Linux's /proc/stat; null elsewhere): `cores` of them in
 * use on average between two readings. A step that keeps them busy is bound by CPU; one that
 * does not waits (on timers, the network, a browser) and could overlap with more work.
 */
function cpuTicks() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    return { idle: f[3] + f[4], total: f.slice(0, 8).reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}
function coresBusy(from, to) {
  if (!from || !to || to.total === from.total) return null;
  return Math.round((1 - (to.idle - from.idle) / (to.total - from.total)) * cpus().length * 100) / 100;
}

let passed = 0;
let failed = 0;
const failures = [];
// How long each step took: printed at the end, and read by `npm run bench` as target P11.
const started = Date.now();
const steps = [];

/** One step with its output shown as it comes (the end-to-end tests: the long step, whose progress a CI log should show). */
function runLive(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const t0 = Date.now();
  const c0 = cpuTicks();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => {
      steps.push({ label, ms: Date.now() - t0, cores: coresBusy(c0, cpuTicks()) });
      resolve(code === 0);
    });
  });
}

function count(label, ok) {
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

/**
 * One step of a lane, its output held back and printed whole when it ends, so lanes never
 * interleave. It counts as one check, unless `done` takes its result (Vitest counts its tests).
 */
function runQuietly(label, command, args, done) {
  const t0 = Date.now();
  const c0 = cpuTicks();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      steps.push({ label, ms: Date.now() - t0, cores: coresBusy(c0, cpuTicks()) });
      console.log(`\n▶ ${label}: ${command} ${args.join(' ')} (${Math.round((Date.now() - t0) / 1000)} s)`);
      process.stdout.write(Buffer.concat(out));
      if (done) done(code === 0);
      else count(label, code === 0);
      resolve();
    });
  });
}

/** A step of a lane: a function that runs it and resolves when it has ended. */
const quiet = (label, command, args, done) => () => runQuietly(label, command, args, done);

/**
 * The checks are single-threaded and independent: two lanes use both cores. Lanes run side by
 * side; the steps of a lane one after the other.
 */
async function lanes(...list) {
  await Promise.all(
    list.map(async (lane) => {
      for (const step of lane) await step();
    }),
  );
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

// Vitest (unit, integration and migration tests) runs in one lane as soon as the build (which
// some of its tests read) is done: one file at a time, it keeps one core busy. The static checks
// run one after the other in the other lane, then the demo CRM's own integration tests (which
// need no build), then the end-to-end tests, which start while Vitest still runs, so that the
// second core never idles at Vitest's end (2026-12-07: Vitest's lane took 182 s; the static
// checks and the demo CRM's tests 145 s once lint was 60 s).
const DEMO_CRM_TESTS = 'tests/integration/demo-crm';
const vitestRuns = [
  { label: 'vitest', json: join(reports, 'vitest.json'), filter: ['--exclude', `${DEMO_CRM_TESTS}/**`], ok: false },
  { label: 'vitest (demo CRM)', json: join(reports, 'vitest-demo-crm.json'), filter: [DEMO_CRM_TESTS], ok: false },
];
const vitestStep = (v) =>
  quiet(v.label, 'npx', ['vitest', 'run', ...v.filter, '--reporter=default', '--reporter=json', `--outputFile.json=${v.json}`], (ok) => (v.ok = ok));

// Playwright: end-to-end in Chromium against the web host (it serves the build).
const pwJson = join(reports, 'playwright.json');
const browser = findChromium();
// The build starts with the static checks; Vitest's lane and the end-to-end tests wait for it.
const built = runQuietly('build', 'npm', ['run', '--silent', 'build']);
let pwOk = false;
await lanes(
  [() => built, vitestStep(vitestRuns[0])],
  [
    // Electronegativity over src-main: no high or medium finding beyond the documented exceptions.
    quiet('electronegativity', 'node', ['scripts/electronegativity.mjs']),
    quiet('typecheck', 'npm', ['run', '--silent', 'typecheck']),
    quiet('format', 'npm', ['run', '--silent', 'format:check']),
    quiet('lint', 'npm', ['run', '--silent', 'lint']),
    vitestStep(vitestRuns[1]),
    async () => {
      await built;
      if (!browser) console.log(`\n${NO_BROWSER}`);
      else if (!findHeadlessShell()) console.log(`\n${NO_HEADLESS_SHELL}`);
      if (browser)
        pwOk = await runLive('playwright', 'npx', ['playwright', 'test', '--reporter=list,json'], {
          PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
          CHROMIUM_PATH: browser,
        });
    },
  ],
);

const vitestReports = vitestRuns.map((v) => readJson(v.json));
vitestRuns.forEach((v, i) => {
  const report = vitestReports[i];
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (!v.ok && report.numFailedTests === 0) failed += 1; // a suite that failed to load
    if (!v.ok) failures.push(v.label);
  } else {
    failed += 1;
    failures.push(`${v.label} (no report)`);
  }
});

const pw = browser === null ? null : readJson(pwJson);
if (browser === null) {
  failed += 1;
  failures.push('playwright (no Chromium)');
} else if (pw?.stats) {
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected;
  if (!pwOk && pw.stats.unexpected === 0) failed += 1;
  if (!pwOk) failures.push('playwright');
} else {
  failed += 1;
  failures.push('playwright (no report)');
}

const totalMs = Date.now() - started;
writeFileSync(join(reports, 'timing.json'), `${JSON.stringify({ at: new Date().toISOString(), totalMs, steps })}\n`);
// Each step's time, and how many cores were busy meanwhile (the other lane's work included).
const busy = (s) => (s.cores === null ? '' : ` (${s.cores} of ${cpus().length} cores busy)`);
console.log(`\nTime: ${steps.map((s) => `${s.label} ${Math.round(s.ms / 1000)} s${busy(s)}`).join(', ')}; total ${Math.round(totalMs / 1000)} s`);
if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
// The failed tests by name, last, where the tail of a long CI log shows them.
const named = [...vitestReports.flatMap((report) => vitestFailures(report)), ...playwrightFailures(pw)];
if (named.length) console.log(named.map((line) => `  ✗ ${line}`).join('\n'));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
