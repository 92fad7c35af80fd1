import { toMillis } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { mergeRecord, mergeRows, type MergedRecord } from '../repositories/records';

/** Meetings and tasks of one owner between two instants, as the UI shows them (synced ⊕ pending). */
export interface ScheduleRecords {
  meetings: MergedRecord[];
  tasks: MergedRecord[];
}

const ownedBy = (ownerId: string) => (r: MergedRecord) => r.properties.hubspot_owner_id === ownerId;

function dueInRange(r: MergedRecord, prop: string, from: number, to: number): boolean {
  const at = toMillis(r.properties[prop]) ?? toMillis(r.properties.hs_timestamp);
  return at !== undefined && at >= from && at < to;
}

/**
 * The `dueAt` index holds the *synced* time; a task rescheduled locally keeps its old index
 * value until the CRM confirms it. So the pending task overlays (few: one per edited task) are
 * read as well and every candidate is filtered on its merged time.
 */
export async function scheduleInRange(db: CsDatabase, ownerId: string, from: number, to: number): Promise<ScheduleRecords> {
  const meetingsTable = db.records('meetings');
  const tasksTable = db.records('tasks');
  return db.transaction('r', [meetingsTable, tasksTable, db.overlay], async () => {
    const [meetingRows, taskRows, taskOverlays] = await Promise.all([
      meetingsTable.where('dueAt').between(from, to, true, false).toArray(),
      tasksTable.where('dueAt').between(from, to, true, false).toArray(),
      db.overlay.where('objectType').equals('tasks').toArray(),
    ]);
    const seen = new Set(taskRows.map((r) => r.id));
    const movedIds = taskOverlays.filter((o) => !o.isNew && !seen.has(o.recordId)).map((o) => o.recordId);
    const moved = (await tasksTable.bulkGet(movedIds)).filter((r) => r !== undefined);
    const created = taskOverlays
      .filter((o) => o.isNew)
      .map((o) => mergeRecord('tasks', undefined, o))
      .filter((r) => r !== undefined);
    const meetings = (await mergeRows(db, 'meetings', meetingRows)).filter((r) => !r.archived && ownedBy(ownerId)(r));
    const tasks = [...(await mergeRows(db, 'tasks', [...taskRows, ...moved])), ...created].filter(
      (r) => !r.archived && ownedBy(ownerId)(r) && dueInRange(r, 'hs_timestamp', from, to),
    );
    return { meetings: meetings.filter((m) => dueInRange(m, 'hs_meeting_start_time', from, to)), tasks };
  });
}

/** A person or account the user meets, with the meetings that bring them. */
export interface Attendee {
  type: 'contacts' | 'companies';
  id: string;
  name: string;
  detail: string;
  meetingTitles: string[];
}

export type Linked = Omit<Attendee, 'meetingTitles'>;

function contactName(p: Record<string, string | null>): string {
  return [p.firstname, p.lastname].filter(Boolean).join(' ') || p.email || '';
}

/** The contacts and companies a meeting or task is associated with, contacts first. */
export async function linkedRecords(db: CsDatabase, fromType: 'meetings' | 'tasks', fromId: string): Promise<Linked[]> {
  const links = await db.associations.where('[fromType+fromId]').equals([fromType, fromId]).toArray();
  const out: Linked[] = [];
  for (const type of ['contacts', 'companies'] as const) {
    const ids = links.filter((l) => l.toType === type).map((l) => l.toId);
    const rows = await db.records(type).bulkGet(ids);
    for (const row of rows) {
      if (!row) continue;
      const p = row.properties;
      out.push(
        type === 'contacts'
          ? { type, id: row.id, name: contactName(p), detail: p.jobtitle ?? p.email ?? '' }
          : { type, id: row.id, name: p.name ?? '', detail: p.domain ?? '' },
      );
    }
  }
  return out;
}

/**
 * The contacts associated with the owner's meetings in [from, to). A meeting associated only
 * with an account (many CRM meetings are logged on the company) lists the account instead,
 * so that nobody the user meets is missing from the sidebar.
 */
export async function attendeesInRange(db: CsDatabase, ownerId: string, from: number, to: number): Promise<Attendee[]> {
  const { meetings } = await scheduleInRange(db, ownerId, from, to);
  const byKey = new Map<string, Attendee>();
  for (const m of meetings) {
    const title = m.properties.hs_meeting_title ?? '';
    const linked = await linkedRecords(db, 'meetings', m.id);
    const contacts = linked.filter((l) => l.type === 'contacts');
    for (const l of contacts.length > 0 ? contacts : linked) {
      const known = byKey.get(`${l.type}:${l.id}`);
      if (known && !known.meetingTitles.includes(title)) known.meetingTitles.push(title);
      if (!known) byKey.set(`${l.type}:${l.id}`, { ...l, meetingTitles: [title] });
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}
