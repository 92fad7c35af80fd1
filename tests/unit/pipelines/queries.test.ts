import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsDatabase, moveStage } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';
import { conflictsOfType, rejectedEntries } from '../../../src-renderer/db/queries/attention';
import { createPipelineMerge, listPipelines, pipelineOverlays, pipelineRecords, pipelineRows } from '../../../src-renderer/db/queries/pipelines';

const envelope = (id: string, properties: Record<string, string>) => ({
  id,
  properties,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  archived: false,
});
const deal = (id: string, pipeline: string, dealstage: string) => toRow('deals', envelope(id, { dealname: `Deal ${id}`, pipeline, dealstage }));
const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();

let db: CsDatabase;

beforeEach(async () => {
  db = new CsDatabase(`pipelines-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
  await db.records('deals').bulkPut([deal('1', 'default', 'a'), deal('2', 'default', 'b'), deal('3', 'renewals', 'r1')]);
  await db.pipelines.bulkPut([
    { objectType: 'tickets', id: '0', label: 'Support', displayOrder: 0, stages: [] },
    { objectType: 'deals', id: 'renewals', label: 'Renewals', displayOrder: 1, stages: [] },
    { objectType: 'deals', id: 'default', label: 'Expansion', displayOrder: 0, stages: [] },
  ]);
});

afterEach(async () => {
  await db.delete();
});

describe('pipeline queries', () => {
  it('lists deal pipelines before ticket pipelines, each in display order', async () => {
    expect((await listPipelines(db)).map((p) => `${p.objectType}:${p.id}`)).toEqual(['deals:default', 'deals:renewals', 'tickets:0']);
  });

  it('shows a pending stage move at once, with its pending mark', async () => {
    await moveStage(db, 'deals', '1', 'b', 'default');
    const rows = await pipelineRecords(db, 'deals', 'default');
    const moved = rows.find((r) => r.id === '1');
    expect(moved?.properties.dealstage).toBe('b');
    expect(moved?.pending).toBe(true);
    expect(rows.find((r) => r.id === '2')?.pending).toBe(false);
  });

  it('merging again hands back the same objects for records whose row and overlay did not change', async () => {
    const merge = createPipelineMerge();
    const rows = await pipelineRows(db, 'deals', 'default');
    const first = merge('deals', 'default', rows, await pipelineOverlays(db, 'deals', 'default'));
    await moveStage(db, 'deals', '1', 'b', 'default');
    const second = merge('deals', 'default', rows, await pipelineOverlays(db, 'deals', 'default'));
    const third = merge('deals', 'default', rows, await pipelineOverlays(db, 'deals', 'default'));
    const byId = (list: Array<{ id: string }>, id: string) => list.find((r) => r.id === id);
    expect(byId(second, '2')).toBe(byId(first, '2'));
    expect(byId(second, '1')).not.toBe(byId(first, '1'));
    expect(byId(second, '1')).toMatchObject({ pending: true, properties: { dealstage: 'b' } });
    // The overlay re-read is a new object with the same content: the merged record stays.
    expect(byId(third, '1')).toBe(byId(second, '1'));
  });

  it('a move of a record by its temporary id lands on the CRM id once the create was confirmed', async () => {
    await db.remaps.put({ key: 'deals:tmp-1', objectType: 'deals', tempId: 'tmp-1', realId: '2' });
    const first = await moveStage(db, 'deals', 'tmp-1', 'c', 'default');
    const second = await moveStage(db, 'deals', '2', 'd', 'default');
    expect(first.recordId).toBe('2');
    const entries = await db.outbox.where('recordKey').equals('deals:2').toArray();
    expect(entries.map((e) => e.seq)).toEqual([...first.seqs, ...second.seqs]);
    expect(entries[1]?.intent).toMatchObject({ base: { dealstage: 'c' }, desired: { dealstage: 'd' } });
    expect(await db.overlay.get('deals:2')).toMatchObject({ properties: { dealstage: 'd' } });
    expect(await moveStage(db, 'deals', '2', 'd', 'default')).toEqual({ seqs: [], recordId: '2' });
  });

  it('a pending move to another pipeline takes the record out of one and into the other', async () => {
    await moveStage(db, 'deals', '3', 'a', 'default');
    expect(ids(await pipelineRecords(db, 'deals', 'default'))).toEqual(['1', '2', '3']);
    expect(ids(await pipelineRecords(db, 'deals', 'renewals'))).toEqual([]);
  });

  it('finds rejected entries and conflicts of the type only', async () => {
    const { seqs } = await moveStage(db, 'deals', '1', 'b', 'default');
    const seq = seqs[0] as number;
    const entry = await db.outbox.get(seq);
    if (!entry) throw new Error('no entry');
    await db.outbox.put({ ...entry, status: 'attention', lastError: { status: 400, code: 'VALIDATION_ERROR', message: 'amount is required', at: 0 } });
    await db.conflicts.bulkPut([
      { key: 'deals:2:dealstage', objectType: 'deals', recordId: '2', property: 'dealstage', base: 'a', theirs: 'c', mine: 'b', detectedAt: 0 },
      {
        key: 'tickets:9:hs_pipeline_stage',
        objectType: 'tickets',
        recordId: '9',
        property: 'hs_pipeline_stage',
        base: '1',
        theirs: '2',
        mine: '3',
        detectedAt: 0,
      },
    ]);
    expect((await rejectedEntries(db, 'deals')).map((e) => e.lastError?.message)).toEqual(['amount is required']);
    expect(await rejectedEntries(db, 'tickets')).toEqual([]);
    expect((await conflictsOfType(db, 'deals')).map((c) => c.recordId)).toEqual(['2']);
  });
});
