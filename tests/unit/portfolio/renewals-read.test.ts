import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { CsDatabase, setProperties } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';
import { renewalsBetween } from '../../../src-renderer/db/queries/health';

const NOW = Date.parse('2026-11-27T00:00:00Z');
const DAY = 86_400_000;
let db: CsDatabase;
afterEach(async () => {
  await db?.delete();
});

describe('renewals read a month at a time', () => {
  it('give every account renewing in the range, in the order of one read of the index, pending edits included', async () => {
    db = new CsDatabase(`renewals-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
    // 400 accounts renewing from 200 days ago to 200 days ahead, several on the same day.
    const day = (i: number) => new Date(NOW + (((i * 7919) % 400) - 200) * DAY).toISOString().slice(0, 10);
    await db
      .records('companies')
      .bulkPut(
        Array.from({ length: 400 }, (_, i) =>
          toRow('companies', { id: String(5000 + i), properties: { name: `A${i}`, renewal_date: day(i) }, createdAt: '', updatedAt: '', archived: false }),
        ),
      );
    await setProperties(db, 'companies', '5001', { renewal_date: new Date(NOW + 10 * DAY).toISOString().slice(0, 10) });
    const from = NOW - 365 * DAY;
    const to = NOW + 90 * DAY;
    const got = await renewalsBetween(db, 'companies', 'renewal_date', from, to);
    const once = await db.records('companies').where('renewalAt').between(from, to, true, false).primaryKeys();
    const expected = [...once, ...(once.includes('5001') ? [] : ['5001'])];
    expect(got.map((r) => r.id)).toEqual(expected);
    expect(got.find((r) => r.id === '5001')?.properties.renewal_date).toBe(new Date(NOW + 10 * DAY).toISOString().slice(0, 10));
    expect(got.length).toBeGreaterThan(250);
  });
});
