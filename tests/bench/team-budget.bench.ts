import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { PORTAL_LIMITS } from './budget/rate-windows';
import { DAY1, runTeam, type TeamRun } from './budget/team';
import { quantile } from './stats';

/**
 * Benchmark, not a test: one team, one budget. The real sync (coordinator, engine, gateway
 * and its limiter) of each laptop runs on a simulated clock against a counting portal with
 * HubSpot Professional's limits (190 per 10 s, 5 searches/s, 650,000 a day; tests/bench/budget/
 * portal.ts says why not the demo CRM itself). Day 0 is the warm-up (each laptop's first sync,
 * staggered, then idle); day 1 is measured:
 *
 * - one idle laptop (window hidden all day);
 * - 30 laptops of a team on a working day (screens, meetings, lunch, edits, some on battery),
 *   with the portal's own activity (email logging, workflows, other users) all day.
 *
 * Target: the team uses ≤ 25 % of the daily limit and never more than 50 % of any 10-s window.
 * BENCH_BUDGET_COMPANIES (default 1,500: 50 accounts per CSM) sets the portal's size.
 * Run: npx vitest run --config vitest.bench.config.ts tests/bench/team-budget.bench.ts (≈ 2 min).
 */
const COMPANIES = Number(process.env['BENCH_BUDGET_COMPANIES'] ?? 1_500);
const H = 3_600_000;

interface Row {
  [k: string]: string | number;
}

function figures(run: TeamRun, laptops: number): { rows: Row[]; kinds: Row[] } {
  const calls = run.calls;
  const std = calls.filter((c) => !c.search).map((c) => c.at);
  const srch = calls.filter((c) => c.search).map((c) => c.at);
  const peakAt = (times: number[], windowMs: number) => {
    let best = 0;
    let at = 0;
    let head = 0;
    for (let i = 0; i < times.length; i++) {
      while ((times[head] ?? 0) <= (times[i] ?? 0) - windowMs) head++;
      if (i - head + 1 > best) {
        best = i - head + 1;
        at = times[i] ?? 0;
      }
    }
    return { best, at };
  };
  const peak = (times: number[], windowMs: number) => peakAt(times, windowMs).best;
  /** Counts per fixed window over working hours (08:00–18:00), zeros included. */
  const buckets = (times: number[], windowMs: number) => {
    const from = DAY1 + 8 * H;
    const n = (10 * H) / windowMs;
    const counts = new Array<number>(n).fill(0);
    for (const t of times) if (t >= from && t < from + 10 * H) counts[Math.floor((t - from) / windowMs)]!++;
    return counts.sort((a, b) => a - b);
  };
  const perLaptop = Array.from({ length: laptops }, (_, i) => calls.filter((c) => c.laptop === i).length).sort((a, b) => a - b);
  const std10 = buckets(std, 10_000);
  const s1 = buckets(srch, 1_000);
  const peak10 = peak(std, 10_000);
  const peakSearch = peak(srch, 1_000);
  const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
  const assocFree = calls.filter((c) => !c.kind.startsWith('association read')).length;
  const rows: Row[] = [
    { figure: 'requests on day 1 (all laptops)', value: calls.length, 'of the portal limit': pct(calls.length / PORTAL_LIMITS.daily) },
    { figure: '  … as the demo CRM meters it (association batch calls free)', value: assocFree, 'of the portal limit': pct(assocFree / PORTAL_LIMITS.daily) },
    { figure: '  standard calls / searches', value: `${std.length} / ${srch.length}`, 'of the portal limit': '' },
    {
      figure: 'requests per laptop on day 1: median / p95 / max',
      value: `${Math.round(quantile(perLaptop, 0.5))} / ${Math.round(quantile(perLaptop, 0.95))} / ${perLaptop.at(-1)}`,
      'of the portal limit': '',
    },
    { figure: 'peak rolling 10-s window (standard)', value: peak10, 'of the portal limit': pct(peak10 / PORTAL_LIMITS.standardPer10s) },
    {
      figure: '10-s windows 08–18 h: median / p95 / max',
      value: `${Math.round(quantile(std10, 0.5))} / ${Math.round(quantile(std10, 0.95))} / ${std10.at(-1)}`,
      'of the portal limit': pct((std10.at(-1) ?? 0) / PORTAL_LIMITS.standardPer10s),
    },
    { figure: 'peak searches in a rolling second', value: peakSearch, 'of the portal limit': pct(peakSearch / PORTAL_LIMITS.searchPerSecond) },
    {
      figure: 'searches/s 08–18 h: median / p95 / max',
      value: `${Math.round(quantile(s1, 0.5))} / ${Math.round(quantile(s1, 0.95))} / ${s1.at(-1)}`,
      'of the portal limit': '',
    },
    {
      figure: 'searches/s averaged over day 1',
      value: (srch.length / 86_400).toFixed(3),
      'of the portal limit': pct(srch.length / 86_400 / PORTAL_LIMITS.searchPerSecond),
    },
    {
      figure: '429s on day 1: standard / search (retried by the gateway)',
      value: `${run.refusedOnDay1 - run.refusedSearchOnDay1} / ${run.refusedSearchOnDay1}`,
      'of the portal limit': '',
    },
    {
      figure: 'day 0 per laptop (first sync + idle): median',
      value: quantile(
        [...run.perLaptopDay0].sort((a, b) => a - b),
        0.5,
      ),
      'of the portal limit': '',
    },
    { figure: 'portal records', value: run.records, 'of the portal limit': '' },
  ];
  const top = peakAt(std, 10_000);
  const inPeak = calls.filter((c) => !c.search && c.at > top.at - 10_000 && c.at <= top.at);
  const peakKinds = new Map<string, number>();
  for (const c of inPeak) peakKinds.set(c.kind, (peakKinds.get(c.kind) ?? 0) + 1);
  rows.push({
    figure: 'the peak 10-s window: when, laptops, what',
    value: `${new Date(top.at).toISOString().slice(11, 19)} UTC, ${new Set(inPeak.map((c) => c.laptop)).size} laptops`,
    'of the portal limit': [...peakKinds]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, n]) => `${k} ${n}`)
      .join(', '),
  });
  const byKind = new Map<string, number>();
  for (const c of calls) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const kinds = [...byKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => ({ kind, 'per day': n, 'per laptop': Math.round(n / laptops) }));
  return { rows, kinds };
}

function print(suite: string, run: TeamRun, laptops: number, wallMs: number) {
  const { rows, kinds } = figures(run, laptops);
  console.log(`\n== ${suite} (${Math.round(wallMs / 1000)} s wall, ${run.simEvents} simulated events) ==`);
  console.table(rows);
  console.table(kinds);
  mkdirSync('bench-results', { recursive: true });
  appendFileSync(join('bench-results', 'results.jsonl'), `${JSON.stringify({ suite, at: new Date().toISOString(), rows: [...rows, ...kinds] })}\n`);
}

it('one idle laptop over 24 simulated hours', async () => {
  const t0 = performance.now();
  const run = await runTeam({ laptops: 1, companies: COMPANIES, seed: 7, behaviour: 'idle' });
  print('team budget: one idle laptop, day 1', run, 1, performance.now() - t0);
});

it('30 laptops sharing one Professional portal over a working day', async () => {
  const t0 = performance.now();
  const run = await runTeam({ laptops: 30, companies: COMPANIES, seed: 7, behaviour: 'workday' });
  print('team budget: 30 laptops, one Professional portal, day 1', run, 30, performance.now() - t0);
});
