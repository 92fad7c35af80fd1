import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One figure set against one of issue 17's targets (P1–P11, listed in targets.json): what
 * `npm run bench` gathers into bench-results/latest.json and latest.md (scripts/bench.mjs).
 * `ratio` is always value ÷ floor, the floor measured in the same run on the same machine.
 */
export interface TargetEntry {
  /** The target's id, or a sub-figure's: P4 → P4a, P4b… */
  id: string;
  what: string;
  value: number | null;
  unit: string;
  floor: number | null;
  ratio: number | null;
  target: string;
  pass: boolean;
  /** How far a miss is from its target: the figure over the limit it breaks (the worst one), as a factor; null on a pass. */
  missBy: number | null;
}

/** A figure and the limits its target sets; every limit given must hold for a pass. */
export interface TargetCheck {
  id: string;
  what: string;
  value: number;
  unit: string;
  /** In the value's unit. */
  floor?: number;
  below?: number;
  atMost?: number;
  atLeast?: number;
  ratioAtMost?: number;
  ratioAtLeast?: number;
}

export const TARGETS_FILE = join('bench-results', 'targets.jsonl');

/** Checks a figure against its limits; a figure that is not a finite number never passes. */
export function checkTarget(c: TargetCheck): TargetEntry {
  const ratio = c.floor !== undefined && c.floor > 0 ? c.value / c.floor : null;
  // Each limit: its text, whether it holds, and by what factor the figure is past it.
  const limits: Array<[string, boolean, number]> = [];
  if (c.below !== undefined) limits.push([`< ${c.below} ${c.unit}`, c.value < c.below, c.value / c.below]);
  if (c.atMost !== undefined) limits.push([`≤ ${c.atMost} ${c.unit}`, c.value <= c.atMost, c.value / c.atMost]);
  if (c.atLeast !== undefined) limits.push([`≥ ${c.atLeast} ${c.unit}`, c.value >= c.atLeast, c.atLeast / c.value]);
  if (c.ratioAtMost !== undefined) limits.push([`≤ ${c.ratioAtMost}× floor`, ratio !== null && ratio <= c.ratioAtMost, (ratio ?? NaN) / c.ratioAtMost]);
  if (c.ratioAtLeast !== undefined) limits.push([`≥ ${c.ratioAtLeast}× floor`, ratio !== null && ratio >= c.ratioAtLeast, c.ratioAtLeast / (ratio ?? NaN)]);
  if (limits.length === 0) throw new Error(`target ${c.id} names no limit`);
  const pass = Number.isFinite(c.value) && limits.every(([, ok]) => ok);
  const by = Math.max(...limits.filter(([, ok]) => !ok).map(([, , factor]) => factor));
  return {
    id: c.id,
    what: c.what,
    value: Number.isFinite(c.value) ? round(c.value) : null,
    unit: c.unit,
    floor: c.floor === undefined ? null : round(c.floor),
    ratio: ratio === null ? null : round(ratio),
    target: limits.map(([text]) => text).join(' and '),
    pass,
    missBy: pass || !Number.isFinite(by) ? null : Math.round(by * 100) / 100,
  };
}

/** Checks the figure and appends it to bench-results/targets.jsonl for the run's table. */
export function recordTarget(c: TargetCheck): TargetEntry {
  const entry = checkTarget(c);
  mkdirSync('bench-results', { recursive: true });
  appendFileSync(TARGETS_FILE, `${JSON.stringify(entry)}\n`);
  return entry;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
