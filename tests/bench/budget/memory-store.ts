import { WORKSPACE_PROPERTIES } from '../../../shared/records/workspace-properties';
import {
  intentRecordKey,
  type AssociationBatch,
  type AssociationRow,
  type CursorState,
  type IntentOutcome,
  type ReferenceKind,
  type StorePort,
  type StoredEntry,
  type SyncedRecord,
  type UpdateIntent,
} from '../../../shared/sync';

/**
 * The sync engine's local store for the budget benchmark, in memory and lean: what decides
 * which requests the engine makes (cursors, the versions held, the association sets, the
 * outbox, meta) and nothing of what only the screens need (property values, overlay,
 * indexes). Thirty laptops of a 25,000-record portal fit in memory this way; the Dexie store
 * (src-renderer/db/store-port.ts) keeps the same contract (`StorePort`).
 */
export class MemoryStore implements StorePort {
  private meta = new Map<string, unknown>();
  private cursors = new Map<string, CursorState>();
  /** type → id → updatedAt (ms). */
  private versions = new Map<string, Map<string, number>>();
  /** `${from}|${to}` → fromId → partner ids joined by ','. */
  private assoc = new Map<string, Map<string, string>>();
  private outbox: StoredEntry[] = [];
  private seq = 0;
  private properties = new Map<string, string[]>();

  /** An edit made on this laptop (what `applyEdit` queues for an update). */
  edit(objectType: string, recordId: string, base: string, desired: string, property: string, now: number): void {
    const intent: UpdateIntent = { kind: 'update', label: 'property-edit', objectType, recordId, base: { [property]: base }, desired: { [property]: desired } };
    this.outbox.push({ seq: ++this.seq, recordKey: intentRecordKey(intent), intent, status: 'pending', attempts: 0, createdAt: now });
  }

  async listOutbox(): Promise<StoredEntry[]> {
    return this.outbox.map((e) => ({ ...e }));
  }

  async markSending(seqs: readonly number[], sentAfterMs?: Readonly<Record<number, number>>): Promise<void> {
    for (const e of this.outbox) {
      if (!seqs.includes(e.seq)) continue;
      e.attempts++;
      const mark = sentAfterMs?.[e.seq];
      if (mark !== undefined && e.sentAfterMs === undefined) e.sentAfterMs = mark;
    }
  }

  async resolve(outcomes: readonly IntentOutcome[]): Promise<void> {
    for (const o of outcomes) {
      const i = this.outbox.findIndex((e) => e.seq === o.seq);
      if (i < 0) continue;
      const e = this.outbox[i]!;
      if (o.kind === 'attention') this.outbox[i] = { ...e, status: 'attention', lastError: o.error };
      else if (o.kind === 'retry') this.outbox[i] = { ...e, lastError: o.error };
      else this.outbox.splice(i, 1);
    }
  }

  async getCursor(objectType: string): Promise<CursorState | undefined> {
    return this.cursors.get(objectType);
  }

  async storedVersions(objectType: string, ids: readonly string[]): Promise<Record<string, string>> {
    const held = this.versions.get(objectType);
    const out: Record<string, string> = {};
    for (const id of ids) {
      const v = held?.get(id);
      if (v !== undefined) out[id] = new Date(v).toISOString();
    }
    return out;
  }

  async applyPage(objectType: string, records: readonly SyncedRecord[], cursor: CursorState, associations: readonly AssociationBatch[] = []): Promise<void> {
    let held = this.versions.get(objectType);
    if (!held) this.versions.set(objectType, (held = new Map()));
    for (const r of records) {
      const v = Date.parse(r.updatedAt);
      if ((held.get(r.id) ?? -Infinity) <= v) held.set(r.id, v);
    }
    await this.replaceAssociations(associations);
    this.cursors.set(objectType, cursor);
  }

  async removeRecords(objectType: string, ids: readonly string[]): Promise<void> {
    const held = this.versions.get(objectType);
    for (const id of ids) held?.delete(id);
    for (const [key, m] of this.assoc) if (key.startsWith(`${objectType}|`)) for (const id of ids) m.delete(id);
  }

  async heldIds(objectType: string): Promise<string[]> {
    return [...(this.versions.get(objectType)?.keys() ?? [])];
  }

  async associationsOf(fromType: string, toType: string, ids: readonly string[]): Promise<AssociationRow[]> {
    const m = this.assoc.get(`${fromType}|${toType}`);
    return ids.flatMap((id) => (m?.get(id)?.split(',') ?? []).map((toId) => ({ fromType, fromId: id, toType, toId, typeIds: [] })));
  }

  async replaceAssociations(batches: readonly AssociationBatch[]): Promise<void> {
    for (const b of batches) {
      let m = this.assoc.get(`${b.fromType}|${b.toType}`);
      if (!m) this.assoc.set(`${b.fromType}|${b.toType}`, (m = new Map()));
      const by = new Map<string, string[]>();
      for (const r of b.rows) by.set(r.fromId, [...(by.get(r.fromId) ?? []), r.toId]);
      for (const id of b.ids) {
        const to = by.get(id);
        if (to) m.set(id, to.join(','));
        else m.delete(id);
      }
    }
  }

  async putReference(kind: ReferenceKind, objectType: string | null, rows: readonly unknown[]): Promise<void> {
    if (kind === 'properties' && objectType)
      this.properties.set(
        objectType,
        rows.map((r) => (r as { name: string }).name),
      );
  }

  /** What the app's code reads, among the defined ones (no configuration here). */
  async usedProperties(objectType: string): Promise<string[]> {
    const defined = new Set(this.properties.get(objectType) ?? []);
    return (WORKSPACE_PROPERTIES[objectType] ?? []).filter((p) => defined.has(p));
  }

  /** Property values are not kept here (see above). */
  async mergeProperties(): Promise<void> {}

  async getMeta<T>(key: string): Promise<T | undefined> {
    return this.meta.get(key) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.meta.set(key, value);
  }
}
