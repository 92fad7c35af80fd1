import Dexie from 'dexie';
import { STAGE_PROPERTY } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { mergeRecord, type MergedRecord } from '../repositories/records';
import type { OverlayRow, PipelineRow, RecordRow } from '../rows';

/** Read-only queries of the Pipelines tab; every write goes through the repositories. */

export type PipelineType = 'deals' | 'tickets';

/** Deal pipelines first, then ticket pipelines, each in the CRM's display order. */
export async function listPipelines(db: CsDatabase): Promise<PipelineRow[]> {
  const rows = await db.pipelines.where('objectType').anyOf('deals', 'tickets').toArray();
  return rows.sort((a, b) =>
    a.objectType === b.objectType ? a.displayOrder - b.displayOrder || a.label.localeCompare(b.label) : a.objectType === 'deals' ? -1 : 1,
  );
}

/** Synced rows of one pipeline, read through the `[pipeline+stage]` index. */
export function pipelineRows(db: CsDatabase, type: PipelineType, pipelineId: string): Promise<RecordRow[]> {
  return db.records(type).where('[pipeline+stage]').between([pipelineId, Dexie.minKey], [pipelineId, Dexie.maxKey]).toArray();
}

export interface PipelineOverlays {
  overlays: OverlayRow[];
  /** Synced rows of records a pending move brings into this pipeline from another one. */
  joining: RecordRow[];
}

/**
 * The pending side of a pipeline: every overlay of the type (they are few) and the synced
 * rows they pull in. Kept apart from `pipelineRows` so that a local edit re-reads only this
 * small part, not thousands of synced rows (the board's drop-to-render time depends on it).
 */
export async function pipelineOverlays(db: CsDatabase, type: PipelineType, pipelineId: string): Promise<PipelineOverlays> {
  const prop = STAGE_PROPERTY[type];
  const table = db.records(type);
  return db.transaction('r', [table, db.overlay], async () => {
    const overlays = await db.overlay.where('objectType').equals(type).toArray();
    const ids = prop ? overlays.filter((o) => !o.isNew && o.properties[prop.pipeline] === pipelineId).map((o) => o.recordId) : [];
    const joining = (await table.bulkGet(ids)).filter((r): r is RecordRow => r !== undefined && r.pipeline !== pipelineId);
    return { overlays, joining };
  });
}

type Merge = (type: string, row: RecordRow | undefined, overlay: OverlayRow | undefined) => MergedRecord | undefined;

/** synced ⊕ pending for one pipeline: what the board shows (pure; the store calls it on every change). */
export function mergePipeline(
  type: PipelineType,
  pipelineId: string,
  rows: readonly RecordRow[],
  pending: PipelineOverlays,
  merge: Merge = mergeRecord,
): MergedRecord[] {
  const prop = STAGE_PROPERTY[type];
  if (!prop) return [];
  const byId = new Map(pending.overlays.map((o) => [o.recordId, o]));
  const out: MergedRecord[] = [];
  // The two halves are read by separate live queries, so a row may briefly be in both.
  const seen = new Set<string>();
  for (const r of [...rows, ...pending.joining]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const m = merge(type, r, byId.get(r.id));
    if (m && !m.archived && m.properties[prop.pipeline] === pipelineId) out.push(m);
  }
  for (const o of pending.overlays) {
    if (!o.isNew || o.properties[prop.pipeline] !== pipelineId) continue;
    const m = merge(type, undefined, o);
    if (m) out.push(m);
  }
  return out;
}

/**
 * `mergePipeline` that hands back the previous merged object of a record whose synced row is the
 * same object and whose overlay has the same content: the store's per-card caches then hold, so
 * a drop re-derives one card, not the board (the overlay query re-reads its rows as new objects).
 */
export function createPipelineMerge(): (type: PipelineType, pipelineId: string, rows: readonly RecordRow[], pending: PipelineOverlays) => MergedRecord[] {
  type Entry = { row: RecordRow | undefined; overlay: string; merged: MergedRecord | undefined };
  let previous = new Map<string, Entry>();
  return (type, pipelineId, rows, pending) => {
    const next = new Map<string, Entry>();
    const merge: Merge = (t, row, overlay) => {
      const id = row?.id ?? overlay?.recordId ?? '';
      const key = overlay ? JSON.stringify(overlay) : '';
      const old = previous.get(id);
      const merged = old && old.row === row && old.overlay === key ? old.merged : mergeRecord(t, row, overlay);
      next.set(id, { row, overlay: key, merged });
      return merged;
    };
    const out = mergePipeline(type, pipelineId, rows, pending, merge);
    previous = next;
    return out;
  };
}

/** The records shown in one pipeline, in one read (tests and one-off callers). */
export async function pipelineRecords(db: CsDatabase, type: PipelineType, pipelineId: string): Promise<MergedRecord[]> {
  const table = db.records(type);
  return db.transaction('r', [table, db.overlay], async () =>
    mergePipeline(type, pipelineId, await pipelineRows(db, type, pipelineId), await pipelineOverlays(db, type, pipelineId)),
  );
}
