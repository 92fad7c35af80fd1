import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Benchmarks are not tests: they print figures and write them to bench-results/, and
 * assert nothing about speed. Each figure is set against a floor measured in the same run
 * on the same machine (e.g. raw IndexedDB writes, a plain in-memory filter), so a ratio
 * means something on any machine.
 */
export interface Figure {
  name: string;
  samplesMs: number[];
  floorMs?: number;
  extra?: Record<string, string | number>;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] ?? NaN) + ((sorted[hi] ?? NaN) - (sorted[lo] ?? NaN)) * (pos - lo);
}

export const median = (samples: readonly number[]): number =>
  quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
export const p95 = (samples: readonly number[]): number =>
  quantile(
    [...samples].sort((a, b) => a - b),
    0.95,
  );

export async function sample(runs: number, fn: () => Promise<void> | void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function report(suite: string, figures: Figure[]): void {
  const rows = figures.map((f) => {
    const sorted = [...f.samplesMs].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    return {
      name: f.name,
      runs: sorted.length,
      medianMs: round(median),
      p95Ms: round(quantile(sorted, 0.95)),
      floorMs: f.floorMs === undefined ? undefined : round(f.floorMs),
      ratioToFloor: f.floorMs ? round(median / f.floorMs) : undefined,
      ...f.extra,
    };
  });
  console.log(`\n== ${suite} ==`);
  console.table(rows);
  mkdirSync('bench-results', { recursive: true });
  appendFileSync(join('bench-results', 'results.jsonl'), `${JSON.stringify({ suite, at: new Date().toISOString(), rows })}\n`);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
