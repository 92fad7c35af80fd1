import { isSyncedType } from '../../../shared/sync';
import type { TripInput } from '../../../shared/trip';
import type { CsDatabase } from '../database';
import { mergeRows } from '../repositories/records';
import { scheduleInRange } from './schedule';
import { ownedAccounts } from './summary';
import { ownedTasks } from './tasks';

/**
 * Local reads for "Prepare for a trip" (docs/product.md §9): the rows `tripNeeds`
 * (shared/trip) works on, and how much of each kind is on this computer.
 */

export type TripRows = Pick<TripInput, 'meetings' | 'meetingLinks' | 'tasks' | 'taskAccounts' | 'contactAccounts' | 'accounts'>;

async function linked(db: CsDatabase, fromType: string, ids: readonly string[], toType: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const rows = await db.associations.where('[fromType+fromId+toType]').equals([fromType, id, toType]).toArray();
    out.set(id, [...new Set(rows.map((r) => r.toId))]);
  }
  return out;
}

/** The owner's meetings in [from, to), their open and overdue tasks and accounts, with the associations the plan follows. */
export async function tripRows(
  db: CsDatabase,
  settings: { accountObject: string; csmProperty: string },
  ownerId: string,
  from: number,
  to: number,
): Promise<TripRows> {
  const { accountObject, csmProperty } = settings;
  const { meetings } = await scheduleInRange(db, ownerId, from, to);
  const tasks = (await ownedTasks(db, ownerId)).filter((t) => t.properties.hs_task_status !== 'COMPLETED');
  const meetingIds = meetings.map((m) => m.id);
  const [meetingContacts, meetingAccounts] = [await linked(db, 'meetings', meetingIds, 'contacts'), await linked(db, 'meetings', meetingIds, accountObject)];
  const meetingLinks = new Map(meetingIds.map((id) => [id, { contacts: meetingContacts.get(id) ?? [], accounts: meetingAccounts.get(id) ?? [] }]));
  const contactIds = [...new Set([...meetingContacts.values()].flat())];
  const owned = await ownedAccounts(db, accountObject, csmProperty, ownerId);
  const accountRows = owned.available ? (await db.records(accountObject).bulkGet(owned.accounts.map((a) => a.id))).filter((r) => r !== undefined) : [];
  return {
    meetings,
    meetingLinks,
    tasks,
    taskAccounts: await linked(
      db,
      'tasks',
      tasks.map((t) => t.id),
      accountObject,
    ),
    contactAccounts: await linked(db, 'contacts', contactIds, accountObject),
    accounts: owned.available ? await mergeRows(db, accountObject, accountRows) : [],
  };
}

const ACTIVITY_TYPES = ['notes', 'emails', 'calls'] as const;

async function liveCount(db: CsDatabase, type: string): Promise<number> {
  if (!isSyncedType(type)) return 0;
  return db
    .records(type)
    .filter((r) => !r.archived)
    .count();
}

/** Live records of each kind on this computer (the whole book). */
export async function localCounts(
  db: CsDatabase,
  accountObject: string,
): Promise<Record<'accounts' | 'contacts' | 'meetings' | 'tasks' | 'activities', number>> {
  let activities = 0;
  for (const t of ACTIVITY_TYPES) activities += await liveCount(db, t);
  return {
    accounts: await liveCount(db, accountObject),
    contacts: await liveCount(db, 'contacts'),
    meetings: await liveCount(db, 'meetings'),
    tasks: await liveCount(db, 'tasks'),
    activities,
  };
}

/** Notes, emails and calls on these accounts' timelines that are on this computer. */
export async function activitiesOn(db: CsDatabase, accountObject: string, accountIds: readonly string[]): Promise<number> {
  let n = 0;
  for (const type of ACTIVITY_TYPES) for (const ids of (await linked(db, accountObject, accountIds, type)).values()) n += ids.length;
  return n;
}
