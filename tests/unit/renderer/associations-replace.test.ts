import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDexieStore, CsDatabase } from '../../../src-renderer/db';

/**
 * Replacing a batch's associations by the CRM's answer (src-renderer/db/associations-tx.ts):
 * what we held for the batch's ids towards its type goes, in both directions, and the answer's
 * rows come in both directions; every other row stays. The rows held are found by one read
 * over the ids' range when it holds few rows, record by record when it holds many: both ways
 * must leave the same store.
 */
let db: CsDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

const link = (fromType: string, fromId: string, toType: string, toId: string) => [
  { fromType, fromId, toType, toId, typeIds: [1] },
  { fromType: toType, fromId: toId, toType: fromType, toId: fromId, typeIds: [] as number[] },
];
const keys = async (database: CsDatabase) => (await database.associations.toCollection().primaryKeys()).map((k) => k.join(' ')).sort();

describe('replacing associations with the CRM’s answer', () => {
  it.each([
    ['few rows between the ids (one read over their range)', 0],
    ['many rows between the ids (a read per record)', 60],
  ])('%s', async (_, between) => {
    db = new CsDatabase(`associations-replace-${Math.random()}`, { indexedDB, IDBKeyRange });
    await db.associations.bulkPut([
      ...link('tasks', 't1', 'companies', 'cB'),
      ...link('tasks', 't1', 'contacts', 'p1'),
      ...link('tasks', 't2', 'companies', 'cA'),
      ...link('tasks', 't9', 'companies', 'cA'),
      // A task between t1 and t9 (as IndexedDB orders strings) that is not in the batch.
      ...Array.from({ length: between }, (_, i) => link('tasks', 't5', 'contacts', `q${i}`)).flat(),
    ]);
    const before = await keys(db);

    await createDexieStore(db).replaceAssociations([
      {
        fromType: 'tasks',
        toType: 'companies',
        ids: ['t1', 't2', 't9'],
        rows: [{ fromType: 'tasks', fromId: 't1', toType: 'companies', toId: 'cA', typeIds: [1] }],
      },
    ]);

    const gone = [
      'tasks t1 companies cB',
      'companies cB tasks t1',
      'tasks t2 companies cA',
      'companies cA tasks t2',
      'tasks t9 companies cA',
      'companies cA tasks t9',
    ];
    const added = ['tasks t1 companies cA', 'companies cA tasks t1'];
    expect(await keys(db)).toEqual([...before.filter((k) => !gone.includes(k)), ...added].sort());
    expect(await db.associations.get(['tasks', 't1', 'companies', 'cA'])).toMatchObject({ typeIds: [1] });
  });
});
