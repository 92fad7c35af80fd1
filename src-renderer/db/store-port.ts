import {
  recordKey,
  remapIntent,
  intentRecordKey,
  mergedIds,
  MERGEABLE_TYPES,
  type RecordMerge,
  type ConflictInput,
  type IntentOutcome,
  type RecordEcho,
  type ReferenceKind,
  type StorePort,
  type StoredEntry,
} from '../../shared/sync';
import Dexie, { type Table } from 'dexie';
import type { CsDatabase } from './database';
import { toRow } from './index-fields';
import { recomputeOverlay } from './overlay-tx';
import type { ConflictRow, PipelineRow, PropertyRow, RecordRow } from './rows';
import { usedProperties } from './queries/used-properties';
import { replaceAssociationsTx } from './associations-tx';
import { idSpan } from './id-span';
import { absorbMergedTx, mentions, noteRedirectedTx } from './merge-tx';
import { entryFor, getMeta, putMeta } from './meta';
import { recordChangesTx } from './repositories/away';

/** The User Timing name of each pulled page's commit (`detail`: its records); `npm run bench` reads them (P2). */
export const APPLY_MEASURE = 'sync:apply-page';
/** A long-running window keeps at most this many (a first load of a large book makes ~600). */
const APPLY_MEASURES_KEPT = 5_000;

function measureApply(start: number, records: number): void {
  if (performance.getEntriesByName(APPLY_MEASURE, 'measure').length >= APPLY_MEASURES_KEPT) performance.clearMeasures(APPLY_MEASURE);
  performance.measure(APPLY_MEASURE, { start, detail: records });
}

/**
 * The rows `table` holds for `ids`, in their order. One keys-only probe over the ids' range
 * first: a first sync's page finds none there, and is spared a read per record.
 */
async function heldOf(table: Table<RecordRow, string>, ids: string[]): Promise<(RecordRow | undefined)[]> {
  const span = idSpan(ids);
  if (!span || (await table.where(':id').between(span[0], span[1], true, true).limit(1).primaryKeys()).length === 0) return ids.map(() => undefined);
  return table.bulkGet(ids);
}

/** The sync engine's view of the Dexie database; each method is one transaction. */
export function createDexieStore(db: CsDatabase, now: () => number = () => Date.now()): StorePort {
  const pushTables = () => [db.outbox, db.overlay, db.conflicts, db.associations, db.remaps, db.meta, ...db.recordTables()];

  async function upsertConflict(c: ConflictInput) {
    const key = `${c.objectType}:${c.recordId}:${c.property}`;
    const existing = await db.conflicts.get(key);
    // A later edit of a field already in conflict updates "mine" but keeps the first base.
    const row: ConflictRow = { ...c, key, detectedAt: now(), ...(existing ? { base: existing.base } : {}) };
    await db.conflicts.put(row);
  }

  async function applyEcho(echo: RecordEcho) {
    const table = db.records(echo.objectType);
    const row = await table.get(echo.id);
    if (!row) return;
    // updatedAt stays as it was: the echo may lack properties the CRM derived from our write
    // (completion dates, roll-ups), so the next pull must still see this record as changed.
    // Only the properties the row holds (those the sync keeps fresh): an echo also carries
    // ones the workspace does not use, which no pull would ever update again.
    const properties = { ...row.properties };
    for (const [name, value] of Object.entries(echo.properties)) if (name in properties) properties[name] = value;
    await table.put(toRow(echo.objectType, { ...row, properties }));
  }

  async function applyAssociationIntent(entry: StoredEntry) {
    const i = entry.intent;
    if (i.kind !== 'associate' && i.kind !== 'dissociate') return;
    const pair = [
      [i.fromType, i.fromId, i.toType, i.toId],
      [i.toType, i.toId, i.fromType, i.fromId],
    ] as const;
    for (const [fromType, fromId, toType, toId] of pair) {
      if (i.kind === 'associate') {
        const existing = await db.associations.get([fromType, fromId, toType, toId]);
        if (!existing) await db.associations.put({ fromType, fromId, toType, toId, typeIds: [] });
      } else await db.associations.delete([fromType, fromId, toType, toId]);
    }
  }

  async function remapCreated(entry: StoredEntry, objectType: string, tempId: string, realId: string) {
    const tempKey = recordKey(objectType, tempId);
    const touched = new Set<string>([tempKey, recordKey(objectType, realId)]);
    const all = await db.outbox.toArray();
    for (const e of all) {
      if (e.seq === entry.seq) continue;
      const intent = remapIntent(e.intent, objectType, tempId, realId);
      if (intent === e.intent || JSON.stringify(intent) === JSON.stringify(e.intent)) continue;
      touched.add(e.recordKey);
      const key = intentRecordKey(intent);
      touched.add(key);
      await db.outbox.put({ ...e, intent, recordKey: key });
    }
    await db.remaps.put({ key: tempKey, objectType, tempId, realId });
    return touched;
  }

  return {
    listOutbox: () => db.outbox.orderBy('seq').toArray(),

    markSending: (seqs, marks = {}) =>
      db.transaction('rw', db.outbox, async () => {
        for (const seq of seqs) {
          await db.outbox
            .where('seq')
            .equals(seq)
            .modify((e) => {
              e.attempts += 1;
              const mark = marks[seq];
              // The earliest mark: any of our sends since then may be the one that landed.
              if (mark !== undefined && !Number.isNaN(mark)) e.sentAfterMs = Math.min(e.sentAfterMs ?? mark, mark);
            });
        }
      }),

    resolve: (outcomes: readonly IntentOutcome[]) =>
      db.transaction('rw', pushTables(), async () => {
        const touched = new Set<string>();
        for (const o of outcomes) {
          // The user may have discarded the entry while it was in flight.
          const entry = await db.outbox.get(o.seq);
          if (!entry) continue;
          touched.add(entry.recordKey);
          switch (o.kind) {
            case 'done': {
              await db.outbox.delete(o.seq);
              await noteRedirectedTx(db, entry, now());
              const i = entry.intent;
              if (i.kind === 'update') {
                // A later edit of a field that was in conflict, once applied, supersedes the conflict.
                const stillConflicting = new Set((o.conflicts ?? []).map((c) => c.property));
                const settled = Object.keys(i.desired).filter((p) => !stillConflicting.has(p));
                await db.conflicts.bulkDelete(settled.map((p) => `${i.objectType}:${i.recordId}:${p}`));
              }
              for (const c of o.conflicts ?? []) await upsertConflict(c);
              if (o.echo) await applyEcho(o.echo);
              await applyAssociationIntent(entry);
              break;
            }
            case 'created': {
              await db.outbox.delete(o.seq);
              await db.records(o.objectType).put(toRow(o.objectType, o.record));
              for (const k of await remapCreated(entry, o.objectType, o.tempId, o.record.id)) touched.add(k);
              break;
            }
            case 'attention':
              await db.outbox.update(o.seq, { status: 'attention', lastError: o.error });
              break;
            case 'retry':
              await db.outbox.update(o.seq, { lastError: o.error });
              break;
            case 'redirect':
              for (const k of await absorbMergedTx(db, o.merge)) touched.add(k);
              break;
          }
        }
        await recomputeOverlay(db, touched);
      }),

    getCursor: (objectType) => db.cursors.get(objectType),

    storedVersions: async (objectType, ids) => {
      const rows = await db.records(objectType).bulkGet([...ids]);
      const out: Record<string, string> = {};
      rows.forEach((r) => {
        if (r) out[r.id] = r.updatedAt;
      });
      return out;
    },

    applyPage: (objectType, records, cursor, associations = []) => {
      const table = db.records(objectType);
      // Survivors of merges list the merged-away ids; those we still hold are absorbed here.
      const merges: RecordMerge[] = MERGEABLE_TYPES.includes(objectType)
        ? records.flatMap((r) =>
            mergedIds(r.properties)
              .filter((id) => id !== r.id)
              .map((loserId) => ({ objectType, loserId, survivorId: r.id })),
          )
        : [];
      const mergeTables = merges.length ? [db.outbox, db.overlay, db.conflicts, db.remaps] : [];
      const tables = [table, db.cursors, db.associations, db.meta, ...mergeTables];
      const started = performance.now();
      const applied = db.transaction('rw', tables, async () => {
        if (merges.length) {
          const held = await table.bulkGet(merges.map((m) => m.loserId));
          const queued = await db.outbox.toArray();
          const touched = new Set<string>();
          for (const [i, m] of merges.entries()) {
            if (!held[i] && !queued.some((e) => mentions(e, objectType, m.loserId))) continue;
            for (const k of await absorbMergedTx(db, m)) touched.add(k);
          }
          await recomputeOverlay(db, touched);
        }
        const ids = records.map((r) => r.id);
        const existing = await heldOf(table, ids);
        // A search page may carry an older copy than we hold (index lag, or our own echo).
        const freshAt = records.flatMap((r, i) => {
          const old = existing[i];
          return !old || Date.parse(r.updatedAt) >= Date.parse(old.updatedAt) ? [i] : [];
        });
        const fresh = freshAt.map((i) => records[i]!);
        // What changed, for "Since you were away": the held row is still the old one here.
        await recordChangesTx(
          db,
          objectType,
          freshAt.map((i) => existing[i]),
          fresh,
          now(),
        );
        await table.bulkPut(fresh.map((r) => toRow(objectType, r)));
        for (const batch of associations) await replaceAssociationsTx(db, batch);
        await db.cursors.put(cursor);
      });
      return applied.then(() => measureApply(started, records.length));
    },

    removeRecords: (objectType, ids) => {
      const table = db.records(objectType);
      return db.transaction('rw', [table, db.associations], async () => {
        await table.bulkDelete([...ids]);
        for (const id of ids) {
          const from = await db.associations.where('[fromType+fromId]').equals([objectType, id]).toArray();
          for (const a of from) {
            await db.associations.delete([a.fromType, a.fromId, a.toType, a.toId]);
            await db.associations.delete([a.toType, a.toId, a.fromType, a.fromId]);
          }
        }
      });
    },

    heldIds: async (objectType) => (await db.records(objectType).toCollection().primaryKeys()).map(String),

    associationsOf: async (fromType, toType, ids) => {
      // One range scan over the type's rows: far cheaper than hundreds of anyOf keys.
      const wanted = new Set(ids);
      const rows = await db.associations.where('[fromType+fromId]').between([fromType, Dexie.minKey], [fromType, Dexie.maxKey]).toArray();
      return rows.filter((a) => a.toType === toType && wanted.has(a.fromId));
    },

    replaceAssociations: (batches) =>
      db.transaction('rw', db.associations, async () => {
        for (const batch of batches) await replaceAssociationsTx(db, batch);
      }),

    putReference: (kind: ReferenceKind, objectType, rows) =>
      db.transaction('rw', db.table(kind), async () => {
        if (kind === 'pipelines' || kind === 'properties') {
          await db
            .table(kind)
            .where('objectType')
            .equals(objectType ?? '')
            .delete();
          const shaped = rows.map((r) => ({ ...(r as object), objectType }) as PipelineRow | PropertyRow);
          await db.table(kind).bulkPut(shaped);
        } else {
          await db.table(kind).clear();
          await db.table(kind).bulkPut(rows.map((r) => ({ ...(r as object), id: String((r as { id: unknown }).id) })));
        }
      }),

    usedProperties: (objectType) => usedProperties(db, objectType),

    mergeProperties: (objectType, records, names) =>
      db.transaction('rw', db.records(objectType), async () => {
        const table = db.records(objectType);
        const rows = await table.bulkGet(records.map((r) => r.id));
        const next: RecordRow[] = [];
        records.forEach((r, i) => {
          const row = rows[i];
          if (!row) return;
          const properties = { ...row.properties };
          for (const name of names) properties[name] = r.properties[name] ?? null;
          next.push(toRow(objectType, { id: row.id, properties, createdAt: row.createdAt, updatedAt: row.updatedAt, archived: row.archived }));
        });
        await table.bulkPut(next);
      }),

    getMeta: async <T>(key: string) => (await getMeta(db, entryFor(key))) as T | undefined,
    setMeta: (key, value) => putMeta(db, entryFor(key), value),
  };
}
