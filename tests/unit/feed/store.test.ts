import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { AssociationBatch, SyncedRecord } from '../../../shared/sync';
import { CsDatabase } from '../../../src-renderer/db';
import { dismissedIds, feedSince } from '../../../src-renderer/db/queries/feed';
import { addDismissed } from '../../../src-renderer/db/repositories/feed';
import { createDexieStore } from '../../../src-renderer/db/store-port';
import { cursor, DAY, HOUR, iso, NOW, rec } from './sources';

/**
 * The feed over the real Dexie schema, fed through the same store port the sync engine uses
 * (applyPage), so "synced twice" and "resync" mean what they mean in the app.
 */
let db: CsDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await db.delete();
});

const link = (fromType: string, toType: string, pairs: Array<[string, string]>): AssociationBatch => ({
  fromType,
  toType,
  ids: [...new Set(pairs.map((p) => p[0]))],
  rows: pairs.map(([fromId, toId]) => ({ fromType, fromId, toType, toId, typeIds: [1] })),
});

async function syncOnce(database: CsDatabase, openedAt: number) {
  const store = createDexieStore(database);
  await store.applyPage(
    'companies',
    [rec('c1', { name: 'Acme Rail', csm_owner: '600' }), rec('c2', { name: 'Other Co', csm_owner: '700' })],
    cursor('companies'),
  );
  await store.applyPage(
    'contacts',
    [
      rec(
        '7',
        { firstname: 'Ada', lastname: 'Nowak', email: 'ada@acme.example', hs_email_last_open_date: iso(openedAt), hs_email_last_email_name: 'Renewal offer' },
        openedAt,
      ),
      rec('8', { firstname: 'Bob', hs_analytics_last_visit_timestamp: iso(NOW - 2 * HOUR) }),
    ],
    cursor('contacts'),
    [
      link('contacts', 'companies', [
        ['7', 'c1'],
        ['8', 'c2'],
      ]),
    ],
  );
  await store.applyPage('calls', [rec('k1', { hs_timestamp: iso(NOW - 3 * HOUR), hs_call_title: 'Check-in' })], cursor('calls'), [
    link('calls', 'contacts', [['k1', '7']]),
  ]);
}

describe('the feed over the local store', () => {
  it('derives the owner’s items from indexed reads, once each however often the data is synced', async () => {
    db = new CsDatabase(`feed-${Math.random()}`, { indexedDB, IDBKeyRange });
    await syncOnce(db, NOW - HOUR);
    const first = await feedSince(db, '600', NOW - 14 * DAY);
    await syncOnce(db, NOW - HOUR);
    const again = await feedSince(db, '600', NOW - 14 * DAY);
    expect(again.items).toEqual(first.items);
    expect(first.items.map((i) => i.id)).toEqual([`open:7:${NOW - HOUR}`, 'call:k1:7']);
    expect(first.contacts.get('7')).toEqual({ name: 'Ada Nowak', email: 'ada@acme.example' });
    expect(first.accounts.get('c1')).toBe('Acme Rail');
  });

  it('dismissed items stay dismissed after a resync; a newer occurrence still shows', async () => {
    db = new CsDatabase(`feed-${Math.random()}`, { indexedDB, IDBKeyRange });
    await syncOnce(db, NOW - HOUR);
    await addDismissed(db, '1000001', [`open:7:${NOW - HOUR}`]);
    await addDismissed(db, '1000001', ['call:k1:7']);
    await syncOnce(db, NOW - HOUR);
    const dismissed = await dismissedIds(db, '1000001');
    const shown = (await feedSince(db, '600', NOW - 14 * DAY)).items.filter((i) => !dismissed.has(i.id));
    expect(shown).toEqual([]);

    await syncOnce(db, NOW);
    const later = (await feedSince(db, '600', NOW - 14 * DAY)).items.filter((i) => !dismissed.has(i.id));
    expect(later.map((i) => i.id)).toEqual([`open:7:${NOW}`]);
  });

  it('reads engagements of the window only: each type dated as its item is, and only those of the owner’s contacts', async () => {
    db = new CsDatabase(`feed-${Math.random()}`, { indexedDB, IDBKeyRange });
    await syncOnce(db, NOW - HOUR);
    const at = (createdAt: number, properties: Record<string, string>, updatedAt = createdAt): SyncedRecord => ({
      id: '',
      properties,
      createdAt: iso(createdAt),
      updatedAt: iso(updatedAt),
      archived: false,
    });
    const store = createDexieStore(db);
    const since = NOW - 14 * DAY;
    const page = async (type: string, rows: Array<[string, SyncedRecord]>, contactOf: Record<string, string>) =>
      store.applyPage(
        type,
        rows.map(([id, r]) => ({ ...r, id })),
        cursor(type),
        [link(type, 'contacts', Object.entries(contactOf))],
      );
    await page(
      'emails',
      [
        ['e-in', at(NOW - DAY, { hs_timestamp: iso(NOW - DAY), hs_email_direction: 'INCOMING_EMAIL', hs_email_subject: 'Re: offer' })],
        ['e-out', at(NOW - DAY, { hs_timestamp: iso(NOW - DAY), hs_email_direction: 'EMAIL' })],
        ['e-old', at(NOW - 20 * DAY, { hs_timestamp: iso(NOW - 20 * DAY), hs_email_direction: 'INCOMING_EMAIL' }, NOW - HOUR)],
        ['e-other', at(NOW - DAY, { hs_timestamp: iso(NOW - DAY), hs_email_direction: 'INCOMING_EMAIL' })],
      ],
      { 'e-in': '7', 'e-out': '7', 'e-old': '7', 'e-other': '8' },
    );
    await page(
      'meetings',
      [
        ['m-booked', at(NOW - 2 * DAY, { hs_meeting_title: 'QBR', hs_meeting_start_time: iso(NOW + 30 * DAY) })],
        // Booked before the window and edited inside it: its item is older than the window.
        ['m-edited', at(NOW - 30 * DAY, { hs_meeting_title: 'Kick-off' }, NOW - HOUR)],
      ],
      { 'm-booked': '7', 'm-edited': '7' },
    );
    await page('tickets', [['t-new', at(NOW - 3 * DAY, { subject: 'SSO fails', createdate: iso(NOW - 3 * DAY) })]], { 't-new': '7' });

    const ids = (await feedSince(db, '600', since)).items.map((i) => i.id);
    expect(ids).toEqual([`open:7:${NOW - HOUR}`, 'call:k1:7', `reply:7:${NOW - DAY}`, 'meeting:m-booked:7', 'ticket:t-new:7']);
    // "Load older" widens the window: the older reply and meeting come in.
    const older = (await feedSince(db, '600', NOW - 42 * DAY)).items.map((i) => i.id);
    expect(older).toEqual(expect.arrayContaining([`reply:7:${NOW - 20 * DAY}`, 'meeting:m-edited:7']));
    expect(older.some((id) => id.includes('e-other') || id.startsWith('reply:8'))).toBe(false);
  });
});
