import type { ChangeEntry, DigestItem } from '../../../shared/away';
import { isSyncedType } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { ownedAccounts } from './summary';

/** A digest item with what the card shows: the record's properties (its title is the store's) and the account's name. */
export interface DigestRow extends DigestItem {
  properties: Record<string, string | null>;
  accountName: string;
}

/**
 * The change entries that concern the owner: changes on the accounts whose CSM property holds
 * them (the Portfolio's "Owned by me"), on the tickets, deals and contacts associated with
 * those accounts, and tasks handed to or taken from them. Each with its account's ARR for the
 * ranking (shared/away/rank.ts).
 */
export async function digestRows(
  db: CsDatabase,
  entries: readonly ChangeEntry[],
  settings: { accountObject: string; csmProperty: string },
  ownerId: string,
): Promise<DigestRow[]> {
  const { accountObject, csmProperty } = settings;
  const owned = await ownedAccounts(db, accountObject, csmProperty, ownerId);
  if (!owned.available) return [];
  const mine = new Set(owned.accounts.map((a) => a.id));
  const accounts = new Map((await db.records(accountObject).bulkGet([...mine])).flatMap((r) => (r ? [[r.id, r] as const] : [])));

  async function accountOf(objectType: string, id: string): Promise<string | null> {
    if (objectType === accountObject) return id;
    const links = await db.associations.where('[fromType+fromId+toType]').equals([objectType, id, accountObject]).toArray();
    return links.map((l) => l.toId).find((a) => mine.has(a)) ?? links[0]?.toId ?? null;
  }

  const out: DigestRow[] = [];
  for (const e of entries) {
    if (!isSyncedType(e.objectType)) continue;
    const accountId = await accountOf(e.objectType, e.recordId);
    const mineByAccount = accountId !== null && mine.has(accountId);
    const mineByTask = e.kind === 'taskReassigned' && (e.from === ownerId || e.to === ownerId);
    if (!mineByAccount && !mineByTask) continue;
    const row = await db.records(e.objectType).get(e.recordId);
    if (!row || row.archived) continue;
    const account = accountId ? accounts.get(accountId) : undefined;
    out.push({
      ...e,
      accountId: accountId ?? '',
      accountArr: account?.properties.arr ?? null,
      ...(e.objectType === 'deals' ? { dealAmount: row.properties.amount ?? null } : {}),
      properties: row.properties,
      accountName: account?.properties.name ?? '',
    });
  }
  return out;
}

/** Names and ARR of the owner's accounts, for the health drops. */
export async function ownedAccountFacts(
  db: CsDatabase,
  settings: { accountObject: string; csmProperty: string },
  ownerId: string,
): Promise<Map<string, { name: string; arr: string | null }>> {
  const owned = await ownedAccounts(db, settings.accountObject, settings.csmProperty, ownerId);
  if (!owned.available) return new Map();
  const rows = await db.records(settings.accountObject).bulkGet(owned.accounts.map((a) => a.id));
  return new Map(rows.flatMap((r) => (r ? [[r.id, { name: r.properties.name ?? r.id, arr: r.properties.arr ?? null }] as const] : [])));
}
