import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { CsDatabase, completeTask, rescheduleTask } from '../../../src-renderer/db';
import { toRow } from '../../../src-renderer/db/index-fields';
import { attendeesInRange, linkedRecords, scheduleInRange } from '../../../src-renderer/db/queries/schedule';

const ME = '60000001';
const OTHER = '60000002';
const H = 3_600_000;
const DAY_START = Date.UTC(2026, 10, 26, 23); // 27 Nov 00:00 in Warsaw
const at = (hour: number) => DAY_START + hour * H;
const iso = (ms: number) => new Date(ms).toISOString();
const envelope = (id: string, properties: Record<string, string>) => ({ id, properties, createdAt: iso(0), updatedAt: iso(0), archived: false });

let db: CsDatabase;

async function seed() {
  db = new CsDatabase(`schedule-${Math.random().toString(36).slice(2)}`, { indexedDB, IDBKeyRange });
  await db
    .records('meetings')
    .bulkPut([
      toRow(
        'meetings',
        envelope('m1', { hs_meeting_title: 'QBR', hs_meeting_start_time: iso(at(10)), hs_meeting_end_time: iso(at(11)), hubspot_owner_id: ME }),
      ),
      toRow('meetings', envelope('m2', { hs_meeting_title: 'Not mine', hs_meeting_start_time: iso(at(12)), hubspot_owner_id: OTHER })),
      toRow('meetings', envelope('m3', { hs_meeting_title: 'Tomorrow', hs_meeting_start_time: iso(at(34)), hubspot_owner_id: ME })),
      toRow('meetings', envelope('m4', { hs_meeting_title: 'Company only', hs_meeting_start_time: iso(at(15)), hubspot_owner_id: ME })),
    ]);
  await db
    .records('tasks')
    .bulkPut([
      toRow('tasks', envelope('t1', { hs_task_subject: 'Today', hs_timestamp: String(at(9)), hs_task_status: 'NOT_STARTED', hubspot_owner_id: ME })),
      toRow(
        'tasks',
        envelope('t2', { hs_task_subject: 'Next week', hs_timestamp: String(at(24 * 7 + 9)), hs_task_status: 'NOT_STARTED', hubspot_owner_id: ME }),
      ),
      toRow('tasks', envelope('t3', { hs_task_subject: 'Theirs', hs_timestamp: String(at(9)), hs_task_status: 'NOT_STARTED', hubspot_owner_id: OTHER })),
    ]);
  await db.records('contacts').bulkPut([toRow('contacts', envelope('c1', { firstname: 'Ada', lastname: 'Lovelace', jobtitle: 'CTO' }))]);
  await db.records('companies').bulkPut([toRow('companies', envelope('co1', { name: 'Acme', domain: 'acme.example.com' }))]);
  await db.associations.bulkPut([
    { fromType: 'meetings', fromId: 'm1', toType: 'contacts', toId: 'c1', typeIds: [200] },
    { fromType: 'meetings', fromId: 'm1', toType: 'companies', toId: 'co1', typeIds: [188] },
    { fromType: 'meetings', fromId: 'm4', toType: 'companies', toId: 'co1', typeIds: [188] },
  ]);
}

afterEach(async () => {
  await db?.delete();
});

describe('the schedule queries', () => {
  it('return only the owner’s meetings and tasks that start in the range', async () => {
    await seed();
    const r = await scheduleInRange(db, ME, DAY_START, DAY_START + 24 * H);
    expect(r.meetings.map((m) => m.id).sort()).toEqual(['m1', 'm4']);
    expect(r.tasks.map((t) => t.id)).toEqual(['t1']);
  });

  it('follow a task rescheduled locally into and out of the range before the CRM confirms it', async () => {
    await seed();
    await rescheduleTask(db, 't2', at(14));
    await rescheduleTask(db, 't1', at(24 * 3));
    const today = await scheduleInRange(db, ME, DAY_START, DAY_START + 24 * H);
    expect(today.tasks.map((t) => [t.id, t.properties.hs_timestamp, t.pending])).toEqual([['t2', String(at(14)), true]]);
  });

  it('show a locally completed task with its pending status', async () => {
    await seed();
    await completeTask(db, 't1');
    const r = await scheduleInRange(db, ME, DAY_START, DAY_START + 24 * H);
    expect(r.tasks[0]?.properties.hs_task_status).toBe('COMPLETED');
    expect(r.tasks[0]?.pendingProperties).toEqual(['hs_task_status']);
  });

  it('list the contacts met today, or the account when a meeting has no contact', async () => {
    await seed();
    const people = await attendeesInRange(db, ME, DAY_START, DAY_START + 24 * H);
    expect(people).toEqual([
      { type: 'companies', id: 'co1', name: 'Acme', detail: 'acme.example.com', meetingTitles: ['Company only'] },
      { type: 'contacts', id: 'c1', name: 'Ada Lovelace', detail: 'CTO', meetingTitles: ['QBR'] },
    ]);
    expect(await linkedRecords(db, 'meetings', 'm1')).toEqual([
      { type: 'contacts', id: 'c1', name: 'Ada Lovelace', detail: 'CTO' },
      { type: 'companies', id: 'co1', name: 'Acme', detail: 'acme.example.com' },
    ]);
  });
});
