import { describe, expect, it } from 'vitest';
import { summarizeReadiness, tripNeeds, tripWindow } from '../../../shared/trip';
import { createZone } from '../../../shared/views/zone';
import { getMeta, META, putMeta } from '../../../src-renderer/db/meta';
import { activitiesOn, localCounts, tripRows } from '../../../src-renderer/db/queries/trip';
import { localDbPerTest, syncedRecord } from '../../support/local-db';

/** A fixed clock: Friday 27 Nov 2026, 09:00 in Warsaw (the e2e FIXED_NOW). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const H = 3_600_000;
const ME = '600';
const zone = createZone('Europe/Warsaw');
const localDb = localDbPerTest('trip-rows');

const rec = (id: string, properties: Record<string, string>) => syncedRecord(id, properties, NOW);
const link = (fromType: string, toType: string, pairs: Array<[string, string]>) => ({
  fromType,
  toType,
  ids: [...new Set(pairs.map((p) => p[0]))],
  rows: pairs.flatMap(([fromId, toId]) => [
    { fromType, fromId, toType, toId, typeIds: [1] },
    { fromType: toType, fromId: toId, toType: fromType, toId: fromId, typeIds: [2] },
  ]),
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('tripRows → tripNeeds → readiness', () => {
  it('reads my meetings of the window with attendees and their accounts, my open tasks, my accounts; counts the book; the card fits its meta schema', async () => {
    const { db, store, cursor } = localDb.open(NOW);
    await store.applyPage(
      'companies',
      [
        rec('c1', { name: 'Mine', csm_owner: ME, renewal_date: '2027-01-10' }),
        rec('c2', { name: 'Attendee’s', csm_owner: '700' }),
        rec('c3', { name: 'Far', csm_owner: '700' }),
      ],
      cursor('companies'),
    );
    await store.applyPage('contacts', [rec('p1', { firstname: 'Ada' }), rec('p2', { firstname: 'Bob' })], cursor('contacts'), [
      link('contacts', 'companies', [
        ['p1', 'c2'],
        ['p2', 'c3'],
      ]),
    ]);
    await store.applyPage(
      'meetings',
      [
        rec('m1', { hs_meeting_title: 'QBR', hs_meeting_start_time: iso(NOW + 26 * H), hs_timestamp: iso(NOW + 26 * H), hubspot_owner_id: ME }),
        rec('m2', { hs_meeting_title: 'Later', hs_meeting_start_time: iso(NOW + 9 * 24 * H), hs_timestamp: iso(NOW + 9 * 24 * H), hubspot_owner_id: ME }),
        rec('m3', { hs_meeting_title: 'Not mine', hs_meeting_start_time: iso(NOW + 2 * H), hs_timestamp: iso(NOW + 2 * H), hubspot_owner_id: '700' }),
      ],
      cursor('meetings'),
      [
        link('meetings', 'contacts', [
          ['m1', 'p1'],
          ['m2', 'p2'],
        ]),
      ],
    );
    await store.applyPage(
      'tasks',
      [
        rec('t1', { hs_task_subject: 'Prep', hs_timestamp: iso(NOW + 3 * H), hs_task_status: 'NOT_STARTED', hubspot_owner_id: ME }),
        rec('t2', { hs_task_subject: 'Done', hs_timestamp: iso(NOW + 3 * H), hs_task_status: 'COMPLETED', hubspot_owner_id: ME }),
        rec('t3', { hs_task_subject: 'Late', hs_timestamp: iso(NOW - 5 * 24 * H), hs_task_status: 'NOT_STARTED', hubspot_owner_id: ME }),
      ],
      cursor('tasks'),
      [link('tasks', 'companies', [['t3', 'c3']])],
    );
    await store.applyPage('notes', [rec('n1', { hs_note_body: 'Hi' }), rec('n2', { hs_note_body: 'Other' })], cursor('notes'), [
      link('notes', 'companies', [
        ['n1', 'c1'],
        ['n2', 'c9'],
      ]),
    ]);

    const { from, to } = tripWindow(NOW, 7, zone);
    const rows = await tripRows(db, { accountObject: 'companies', csmProperty: 'csm_owner' }, ME, from, to);
    const needs = tripNeeds({ ...rows, now: NOW, days: 7, zone, renewalProperty: 'renewal_date', healthStatus: () => null });
    expect(needs.meetings.map((m) => m.title)).toEqual(['QBR']);
    expect(needs.contacts).toEqual(['p1']);
    expect(needs.tasksDue).toEqual(['t1']);
    expect(needs.tasksOverdue).toEqual(['t3']);
    expect(needs.renewals).toEqual(['c1']);
    expect(needs.accounts).toEqual(['c1', 'c2', 'c3']);

    const local = await localCounts(db, 'companies');
    expect(local).toEqual({ accounts: 3, contacts: 2, meetings: 3, tasks: 3, activities: 2 });
    expect(await activitiesOn(db, 'companies', needs.accounts)).toBe(1);

    const card = summarizeReadiness({
      at: NOW,
      days: 7,
      needs,
      local,
      tripActivities: 1,
      refreshed: false,
      lastSyncedAt: null,
      sizeBytes: null,
      allPropertiesSaved: 0,
      problems: [{ kind: 'offline', subject: 'refresh' }],
      healthScored: false,
    });
    await putMeta(db, META.tripReadiness, card);
    expect(await getMeta(db, META.tripReadiness)).toEqual(card);
  });
});
