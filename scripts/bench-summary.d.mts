import type { TargetEntry } from '../tests/bench/targets';

export interface TargetRow extends TargetEntry {
  note?: string;
}
export function summarize(catalogue: ReadonlyArray<{ id: string; what: string; target: string }>, entries: readonly TargetEntry[]): TargetRow[];
export function toMarkdown(rows: readonly TargetRow[], meta: { date: string; machine: string }): string;
