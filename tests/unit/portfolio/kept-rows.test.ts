import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { ME, type View, type ViewContext } from '../../../shared/views';
import { CsDatabase, type MergedRecord } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';
import { KeptRows, LAST_ACTIVITY, queryView } from '../../../src-renderer/db/queries/portfolio';

const MINE = '60000001';
const NOW = Date.parse('2026-11-27T08:00:00Z');
const ctx: ViewContext = {
  now: NOW,
  timeZone: 'Europe/Warsaw',
  propertyTypes: { name: 'string', csm_owner: 'owner', [LAST_ACTIVITY]: 'datetime' },
  currentUserOwnerId: MINE,
  quickProperties: { lastActivity: LAST_ACTIVITY },
};
const owned = (over: Partial<View> = {}): View => ({
  id: 'owned',
  name: 'Owned by me',
  objectType: 'companies',
  filterGroups: [{ filters: [{ property: 'csm_owner', operator: 'is_any_of', values: [ME] }] }],
  columns: [],
  sharing: 'private',
  ownerUserId: 'u',
  ...over,
});
const company = (id: string, name: string, daysAgo: number) =>
  toRow('companies', {
    id,
    properties: { name, csm_owner: MINE, notes_last_contacted: new Date(NOW - daysAgo * 86_400_000).toISOString() },
    createdAt: '',
    updatedAt: '',
    archived: false,
  });

let db: CsDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('the rows Portfolio keeps in memory', () => {
  it('answer a quick filter over a range already read without reading it again, until they are cleared', async () => {
    db = new CsDatabase(`kept-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
    await db.records('companies').bulkPut([company('1', 'Acme', 2), company('2', 'Globex', 40)]);
    const kept = new KeptRows();
    const names = async (view: View) => (await queryView(db!, view, ctx, 'csm_owner', { kept })).records.map((r) => r.properties.name);
    expect(await names(owned())).toEqual(['Acme', 'Globex']);

    // Written behind the kept rows' back: the same range is answered from memory.
    await db.records('companies').put(company('3', 'Initech', 1));
    const recent = owned({ quick: { lastActivity: { period: 'last_7_days' } } });
    expect(await names(recent)).toEqual(['Acme']);
    expect(await names(owned())).toEqual(['Acme', 'Globex']);

    // Its owner clears them when the table is written: the next answer reads it.
    kept.clear();
    expect(await names(recent)).toEqual(['Acme', 'Initech']);
    expect(await names(owned())).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('keep the last four ranges, no read of over 60,000 rows, and a whole table in place of its ranges', async () => {
    const kept = new KeptRows();
    const loads: string[] = [];
    const read = (type: string, key: string | null, rows = 1) =>
      kept.read(type, key === null ? null : { field: 'f', range: { equals: key } }, () => {
        loads.push(`${type}:${key ?? '*'}`);
        return Promise.resolve(Array.from({ length: rows }, () => ({}) as MergedRecord));
      });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await read('t', key);
    await read('t', 'e');
    await read('t', 'a');
    expect(loads).toEqual(['t:a', 't:b', 't:c', 't:d', 't:e', 't:a']);

    loads.length = 0;
    await read('u', null, 60_001);
    await read('u', null, 60_001);
    expect(loads).toEqual(['u:*', 'u:*']);

    // Once the whole table of `t` is kept, it answers every range of `t`.
    loads.length = 0;
    await read('t', null);
    await read('t', 'b');
    await read('t', 'new');
    expect(loads).toEqual(['t:*']);
  });
});
