import type { UpdateIntent } from './intents';
import { sameValue, toMillis, type PropValue, type Props } from './values';

export interface ConflictInput {
  objectType: string;
  recordId: string;
  property: string;
  base: PropValue;
  theirs: PropValue;
  mine: PropValue;
  /** Server time of their change, from the property history, when the CRM gave one. */
  theirsAt?: string;
  theirsBy?: string;
}

export interface UpdateDecision {
  /** Properties to write: the CRM still holds the base value. */
  write: Props;
  /** Properties already holding the desired value: nothing to send (G5). */
  alreadyApplied: string[];
  /** Properties someone else changed since the base: never written (G6). */
  conflicts: ConflictInput[];
}

export interface HistoryEntry {
  value: string;
  timestamp: string;
  sourceId?: string;
  updatedByUserId?: number | string;
}

function landedSince(history: readonly HistoryEntry[] | undefined, value: PropValue, sinceMs: number): boolean {
  return (history ?? []).some((h) => sameValue(h.value, value) && (toMillis(h.timestamp) ?? -Infinity) >= sinceMs);
}

/**
 * Updates are idempotent by value (docs/sync-guarantees.md): per property, current == desired →
 * already applied; current == base → write; anything else → conflict. Properties are
 * decided one by one, so disjoint edits on both sides merge (G7).
 */
export function decideUpdate(
  intent: UpdateIntent,
  current: Props,
  history: Record<string, readonly HistoryEntry[] | undefined> = {},
  sentAfterMs?: number,
): UpdateDecision {
  const decision: UpdateDecision = { write: {}, alreadyApplied: [], conflicts: [] };
  for (const [property, mine] of Object.entries(intent.desired)) {
    const theirs = current[property] ?? null;
    if (sameValue(theirs, mine)) decision.alreadyApplied.push(property);
    // An earlier send landed (its answer was lost) and someone changed the field after it:
    // ours was applied once; theirs is a later edit. Writing again would apply ours twice.
    else if (sentAfterMs !== undefined && landedSince(history[property], mine, sentAfterMs)) decision.alreadyApplied.push(property);
    else if (sameValue(theirs, intent.base[property] ?? null)) decision.write[property] = mine;
    else {
      const latest = [...(history[property] ?? [])].sort((a, b) => (toMillis(b.timestamp) ?? 0) - (toMillis(a.timestamp) ?? 0))[0];
      decision.conflicts.push({
        objectType: intent.objectType,
        recordId: intent.recordId,
        property,
        base: intent.base[property] ?? null,
        theirs,
        mine,
        ...(latest ? { theirsAt: latest.timestamp } : {}),
        ...(latest?.updatedByUserId !== undefined ? { theirsBy: String(latest.updatedByUserId) } : latest?.sourceId ? { theirsBy: latest.sourceId } : {}),
      });
    }
  }
  return decision;
}
