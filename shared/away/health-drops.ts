/**
 * Health-status drops for "Since you were away": each of my accounts' status (and the
 * criteria it met) when the last sync before the gap completed, against now. A drop is a
 * move down the scale Healthy → Neutral → At risk; the criterion that moved is one the
 * account met before and no longer meets (the first in the model's order), else none.
 */

export interface HealthMark {
  status: string;
  /** Ids of the criteria the account met. */
  met: string[];
}

export interface HealthDrop {
  accountId: string;
  from: string;
  to: string;
  /** A criterion met before and not now, if any. */
  criterionId: string | null;
}

const LEVEL: Readonly<Record<string, number>> = { healthy: 2, neutral: 1, atRisk: 0 };

export function isDrop(from: string, to: string): boolean {
  const a = LEVEL[from];
  const b = LEVEL[to];
  return a !== undefined && b !== undefined && b < a;
}

/** The drops between two sets of marks, in the order of `now`. Accounts absent from `before` are skipped. */
export function healthDrops(before: Readonly<Record<string, HealthMark>>, now: ReadonlyMap<string, HealthMark>): HealthDrop[] {
  const out: HealthDrop[] = [];
  for (const [accountId, mark] of now) {
    const prev = before[accountId];
    if (!prev || !isDrop(prev.status, mark.status)) continue;
    const still = new Set(mark.met);
    out.push({ accountId, from: prev.status, to: mark.status, criterionId: prev.met.find((id) => !still.has(id)) ?? null });
  }
  return out;
}
