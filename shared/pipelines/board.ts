import type { StageOutcome } from './stage-kind';

export interface BoardRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
}

export interface StageDef {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

export interface Column<R extends BoardRecord> {
  stage: StageDef;
  outcome: StageOutcome;
  records: R[];
  /** Sum of `amount` (deals); 0 for tickets. */
  total: number;
}

/** Cards rendered per column before "Show more": keeps a 5,000-record pipeline smooth. */
export const PAGE_SIZE = 50;

export function orderedStages(stages: readonly StageDef[]): StageDef[] {
  return [...stages].sort((a, b) => a.displayOrder - b.displayOrder || a.label.localeCompare(b.label));
}

/**
 * Records grouped into their stage's column, in display order. Records whose stage the
 * pipeline does not know (a stage deleted in the CRM) are returned apart, not dropped.
 */
export function groupByStage<R extends BoardRecord>(
  records: readonly R[],
  stages: readonly StageDef[],
  stageProperty: string,
  outcomeOf: (stage: StageDef) => StageOutcome,
): { columns: Column<R>[]; unknown: R[] } {
  const columns = orderedStages(stages).map((stage): Column<R> => ({ stage, outcome: outcomeOf(stage), records: [], total: 0 }));
  const byId = new Map(columns.map((c) => [c.stage.id, c]));
  const unknown: R[] = [];
  for (const r of records) {
    const col = byId.get(r.properties[stageProperty] ?? '');
    if (!col) {
      unknown.push(r);
      continue;
    }
    col.records.push(r);
    const amount = Number(r.properties.amount);
    if (r.properties.amount && Number.isFinite(amount)) col.total += amount;
  }
  return { columns, unknown };
}
