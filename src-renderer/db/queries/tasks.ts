import type { CsDatabase } from '../database';
import { mergeRows, pendingCreates, type MergedRecord } from '../repositories/records';

/** An account or contact a task is about, by name, for the Tasks tab's column. */
export interface TaskRelation {
  type: 'companies' | 'contacts';
  id: string;
  name: string;
}

/**
 * An owner's tasks (all statuses; open, overdue and today are decided by the views engine):
 * synced rows read through the `ownerId` index (the task's `hubspot_owner_id`), merged with
 * their pending local values, plus tasks created locally and not yet confirmed. A task a
 * pending edit handed to someone else is no longer theirs. The one reading of "my tasks", for
 * Tasks, Summary, the reminders and the trip card.
 */
export async function ownedTasks(db: CsDatabase, ownerId: string): Promise<MergedRecord[]> {
  const rows = await db.records('tasks').where('ownerId').equals(ownerId).toArray();
  const merged = await mergeRows(
    db,
    'tasks',
    rows.filter((r) => !r.archived),
  );
  const created = await pendingCreates(db, 'tasks');
  return [...merged, ...created].filter((t) => !t.archived && t.properties.hubspot_owner_id === ownerId);
}

const contactName = (p: Record<string, string | null | undefined>) => [p.firstname, p.lastname].filter((s) => s && s.trim()).join(' ') || p.email || '';

/** Companies and contacts associated with each of `taskIds`. */
export async function loadTaskRelations(db: CsDatabase, taskIds: readonly string[]): Promise<Map<string, TaskRelation[]>> {
  const out = new Map<string, TaskRelation[]>();
  if (taskIds.length === 0) return out;
  // One range read per task and side, sent together: `anyOf` would walk a cursor (src-renderer/db/associations-tx.ts).
  const prefixes = taskIds.flatMap((id) => [
    ['tasks', id, 'companies'],
    ['tasks', id, 'contacts'],
  ]);
  const links = (await Promise.all(prefixes.map((prefix) => db.associations.where('[fromType+fromId+toType]').equals(prefix).toArray()))).flat();
  const ids = (type: string) => [...new Set(links.filter((l) => l.toType === type).map((l) => l.toId))];
  const companyIds = ids('companies');
  const contactIds = ids('contacts');
  const [companies, contacts] = await Promise.all([db.records('companies').bulkGet(companyIds), db.records('contacts').bulkGet(contactIds)]);
  const names = new Map<string, string>();
  companies.forEach((c, i) => names.set(`companies:${companyIds[i]}`, c?.properties.name || c?.properties.domain || ''));
  contacts.forEach((c, i) => names.set(`contacts:${contactIds[i]}`, c ? contactName(c.properties) : ''));
  for (const l of links) {
    const type = l.toType as TaskRelation['type'];
    const name = names.get(`${type}:${l.toId}`);
    if (!name) continue;
    const list = out.get(l.fromId) ?? [];
    list.push({ type, id: l.toId, name });
    out.set(l.fromId, list);
  }
  // Accounts first, then people.
  for (const list of out.values()) list.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'companies' ? -1 : 1));
  return out;
}

/** Companies whose name contains `text`, for the "Create task" form's account picker. */
export async function searchCompanies(db: CsDatabase, text: string, limit = 20): Promise<TaskRelation[]> {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const rows = await db
    .records('companies')
    .filter((c) => !c.archived && (c.properties.name ?? '').toLowerCase().includes(q))
    .limit(limit)
    .toArray();
  return rows.map((c) => ({ type: 'companies' as const, id: c.id, name: c.properties.name ?? '' }));
}
