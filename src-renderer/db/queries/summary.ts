import { isSyncedType } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { mergeRows, type MergedRecord } from '../repositories/records';
import type { PropertyRow } from '../rows';

/**
 * Reads for the Summary tab. Everything is an indexed query on the local store, merged with
 * pending local edits, so Summary shows what the user did offline the moment they did it.
 */

/** The owner's meetings starting in [from, to). */
export async function ownerMeetings(db: CsDatabase, ownerId: string, from: number, to: number): Promise<MergedRecord[]> {
  const rows = await db
    .records('meetings')
    .where('dueAt')
    .between(from, to, true, false)
    .filter((r) => !r.archived && r.ownerId === ownerId)
    .toArray();
  return mergeRows(db, 'meetings', rows);
}

export interface OwnedAccounts {
  /** False when the account object is not kept locally (custom objects are not synced yet). */
  available: boolean;
  accounts: Array<{ id: string; updatedAt: string; name: string }>;
}

/**
 * The accounts whose CSM property holds this owner. `csmOwnerId` indexes `csm_owner`; any
 * other CSM property is read from the records (the index fields are fixed per schema version).
 */
export async function ownedAccounts(db: CsDatabase, objectType: string, csmProperty: string, ownerId: string): Promise<OwnedAccounts> {
  if (!isSyncedType(objectType)) return { available: false, accounts: [] };
  const table = db.records(objectType);
  const rows =
    csmProperty === 'csm_owner'
      ? await table
          .where('csmOwnerId')
          .equals(ownerId)
          .filter((r) => !r.archived)
          .toArray()
      : await table.filter((r) => !r.archived && r.properties[csmProperty] === ownerId).toArray();
  return { available: true, accounts: rows.map((r) => ({ id: r.id, updatedAt: r.updatedAt, name: r.properties.name ?? r.id })) };
}

/** Every live record of a type, for reports (computed in memory; one read per change). */
export async function reportRows(db: CsDatabase, objectType: string): Promise<MergedRecord[]> {
  if (!isSyncedType(objectType)) return [];
  const rows = await db
    .records(objectType)
    .filter((r) => !r.archived)
    .toArray();
  return mergeRows(db, objectType, rows);
}

export function propertiesOf(db: CsDatabase, objectType: string): Promise<PropertyRow[]> {
  return db.properties.where('objectType').equals(objectType).toArray();
}

export async function stageLabels(db: CsDatabase, objectType: string): Promise<Map<string, string>> {
  const pipelines = await db.pipelines.where('objectType').equals(objectType).toArray();
  return new Map(pipelines.flatMap((p) => [[p.id, p.label] as const, ...p.stages.map((s) => [s.id, s.label] as const)]));
}
