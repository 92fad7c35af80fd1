import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createDexieStore, CsDatabase, mergeRows, setProperties } from '../../../src-renderer/db';
import { cursor, rec } from '../feed/sources';

/**
 * A list's rows merged with their pending local edits: a short list reads its overlays by key,
 * a long one the type's whole overlay. Both must show each record's own pending values only.
 */
let db: CsDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

async function book(n: number) {
  db = new CsDatabase(`merge-rows-${Math.random()}`, { indexedDB, IDBKeyRange });
  const store = createDexieStore(db);
  await store.applyPage(
    'companies',
    Array.from({ length: n }, (_, i) => rec(`c${i}`, { name: `Account ${i}` })),
    cursor('companies'),
  );
  // A contact edited with the same id as a company: overlays are per type.
  await store.applyPage('contacts', [rec('c1', { firstname: 'Ada' })], cursor('contacts'));
  return db;
}

describe('mergeRows', () => {
  it.each([
    ['a short list (by key)', 5],
    ['a long list (the type’s overlay at once)', 200],
  ])('%s: each row shows its own pending edit, the others stay as synced', async (_, n) => {
    const database = await book(n);
    await setProperties(database, 'companies', 'c3', { name: 'Renamed offline' });
    await setProperties(database, 'contacts', 'c1', { firstname: 'Not a company' });
    const rows = await database.records('companies').toArray();
    const merged = await mergeRows(database, 'companies', rows);
    expect(merged).toHaveLength(n);
    expect(merged.find((r) => r.id === 'c3')?.properties.name).toBe('Renamed offline');
    expect(merged.find((r) => r.id === 'c1')?.properties.name).toBe('Account 1');
    expect(merged.filter((r) => r.properties.name?.startsWith('Account')).length).toBe(n - 1);
    expect(merged.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });
});
