import type { CsDatabase } from '../database';
import { getMeta, META, putMeta } from '../meta';

/**
 * Reads and the one destructive write of Connect / Disconnect: how many edits still wait to
 * reach the CRM, which CRM filled the local store, and deleting the whole local store when
 * the user disconnects or connects to another CRM.
 */

/**
 * Which CRM filled this computer's local store (recorded on the first connected start). For
 * HubSpot also the portal id (every portal's API address is `https://api.hubapi.com`); a store
 * written before the portal was recorded has none, and the first start connected to a portal
 * adopts it as that portal's.
 */
export interface CrmSource {
  kind: 'demo' | 'hubspot';
  baseUrl: string | null;
  portalId?: number | null;
}

/** Edits that have not reached the CRM: every outbox entry (queued, failed or in conflict). */
export function pendingEditCount(db: CsDatabase): Promise<number> {
  return db.outbox.count();
}

/** Databases this page deleted on purpose (Disconnect, another CRM); it reloads next. */
const deletedOnPurpose = new WeakSet<CsDatabase>();

/**
 * Deletes the database (records, overlay, outbox, views, settings); nothing of the CRM stays.
 * Dexie closes it for good, so reads still under way until the caller reloads the page fail
 * with DatabaseClosedError: expected, and `wasDeletedOnPurpose` says so.
 */
export async function deleteLocalStore(db: CsDatabase): Promise<void> {
  deletedOnPurpose.add(db);
  await db.delete();
}

export const wasDeletedOnPurpose = (db: CsDatabase): boolean => deletedOnPurpose.has(db);

export async function readCrmSource(db: CsDatabase): Promise<CrmSource | null> {
  return (await getMeta(db, META.crmSource)) ?? null;
}

export async function writeCrmSource(db: CsDatabase, source: CrmSource): Promise<void> {
  await putMeta(db, META.crmSource, source);
}

/**
 * On a connected start: records which CRM fills the local store, or says whose data is here
 * when it is another CRM's (`other`; nothing written). A store without a portal id (older
 * builds, or a key connected before the portal was known) takes the connected portal's: the
 * upgrade keeps every row, and from then on another portal is told apart.
 */
export async function settleCrmSource(db: CsDatabase, now: CrmSource): Promise<{ other: CrmSource | null }> {
  const before = await readCrmSource(db);
  if (before && !sameCrm(before, now)) return { other: before };
  const portalId = now.portalId ?? before?.portalId ?? null;
  const next: CrmSource = { kind: now.kind, baseUrl: now.baseUrl, ...(portalId !== null ? { portalId } : {}) };
  if (!before || before.baseUrl !== next.baseUrl || (before.portalId ?? null) !== portalId) await writeCrmSource(db, next);
  return { other: null };
}

/**
 * Whether two sources are the same CRM. The embedded demo CRM is one CRM per data folder,
 * served on a loopback port chosen at each start, so its URL is not compared; HubSpot (or
 * whatever `hubspotBaseUrl` names) is compared by kind, base URL and, when both know it, the
 * portal id (two portals share HubSpot's one API address).
 */
export function sameCrm(a: CrmSource, b: CrmSource): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'demo') return true;
  if (a.baseUrl !== b.baseUrl) return false;
  return a.portalId == null || b.portalId == null || a.portalId === b.portalId;
}
