import { intentRecordKey, unresolvedRefs, type Intent } from './intents';
import type { Props } from './values';

export interface EntryError {
  /** HTTP status when the CRM answered; absent for NETWORK / NOT_CONNECTED. */
  status?: number;
  code?: string;
  message: string;
  /** Client clock, for display only. */
  at: number;
}

/**
 * One outbox row. `seq` is the global order (auto-increment); `recordKey` orders intents per
 * record. `attention` rows were rejected by the CRM: they wait for the user and never block
 * other rows (docs/sync-guarantees.md G13). `attempts` counts sends started, persisted before
 * the send, so after a crash `attempts > 0` means "the CRM may already have it" (G4).
 */
export interface OutboxEntry {
  seq?: number;
  recordKey: string;
  intent: Intent;
  status: 'pending' | 'attention';
  attempts: number;
  createdAt: number;
  lastError?: EntryError;
  /**
   * Updates: the CRM's own modification time of the record just before our first write was
   * sent. A history entry holding our value at or after this time means the write landed,
   * even if the answer was lost and someone has changed the field since (G5, G17).
   */
  sentAfterMs?: number;
  /**
   * The record this entry was made for was merged in the CRM; the entry now targets the
   * survivor, and the review says so (`id` is the merged-away record's id).
   */
  redirectedFrom?: { id: string; reason: 'merged' };
}

export type StoredEntry = OutboxEntry & { seq: number };

export function newEntry(intent: Intent, now: number): OutboxEntry {
  return { recordKey: intentRecordKey(intent), intent, status: 'pending', attempts: 0, createdAt: now };
}

/**
 * The entries that may be sent now: the first pending entry of each record, unless it waits
 * on a create that is not confirmed yet. Later entries of a record wait for the head, which
 * is what keeps per-record order (G3) while different records batch together.
 */
export function sendableHeads(entries: readonly StoredEntry[]): StoredEntry[] {
  // Creates still in the outbox (pending or waiting for the user): their dependents wait.
  // A dependent whose create is gone (discarded) is returned, so the push can send it to
  // attention instead of hiding it forever.
  const creates = new Set(entries.filter((e) => e.intent.kind === 'create').map((e) => e.recordKey));
  const seen = new Set<string>();
  const heads: StoredEntry[] = [];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.status !== 'pending' || seen.has(e.recordKey)) continue;
    seen.add(e.recordKey);
    if (unresolvedRefs(e.intent).some((k) => creates.has(k))) continue;
    heads.push(e);
  }
  return heads;
}

/** What the UI shows on top of a synced record while its intents are pending. */
export interface OverlayState {
  properties: Props;
  isNew: boolean;
  associate: Array<{ toType: string; toId: string }>;
  dissociate: Array<{ toType: string; toId: string }>;
}

/**
 * The overlay of one record is a fold of its pending intents in order. It is recomputed
 * from the outbox whenever the outbox changes for that record, so it can never drift from
 * the intents that justify it (ack, rejection and conflict all retire it the same way).
 */
export function foldOverlay(entries: readonly StoredEntry[]): OverlayState | undefined {
  const state: OverlayState = { properties: {}, isNew: false, associate: [], dissociate: [] };
  let pending = 0;
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (e.status !== 'pending') continue;
    const i = e.intent;
    pending++;
    if (i.kind === 'update') Object.assign(state.properties, i.desired);
    else if (i.kind === 'create') {
      state.isNew = true;
      Object.assign(state.properties, i.properties);
    } else {
      const other = e.recordKey === `${i.fromType}:${i.fromId}` ? { toType: i.toType, toId: i.toId } : { toType: i.fromType, toId: i.fromId };
      (i.kind === 'associate' ? state.associate : state.dissociate).push(other);
    }
  }
  return pending === 0 ? undefined : state;
}
