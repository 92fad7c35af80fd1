import type { CsDatabase } from '../database';
import { getMeta, META, putMeta } from '../meta';

/**
 * Reads and the one destructive write of Connect / Disconnect: how many edits still wait to
 * reach the CRM, which CRM filled the local store, and deleting the whole local store when
 * the user disconnects or connects to another CRM.
 */

/** Which CRM filled this computer's local store (recorded on the first connected start). */
export interface CrmSource {
  kind: 'demo' | 'hubspot';
  baseUrl: string | null;
}

/** Edits that have not reached the CRM: every outbox entry (queued, failed or in conflict). */
export function pendingEditCount(db: CsDatabase): Promise<number> {
  return db.outbox.count();
}

/** Deletes the database (records, overlay, outbox, views, settings); nothing of the CRM stays. */
export async function deleteLocalStore(db: CsDatabase): Promise<void> {
  await db.delete();
}

export async function readCrmSource(db: CsDatabase): Promise<CrmSource | null> {
  return (await getMeta(db, META.crmSource)) ?? null;
}

export async function writeCrmSource(db: CsDatabase, source: CrmSource): Promise<void> {
  await putMeta(db, META.crmSource, source);
}

/**
 * Whether two sources are the same CRM. The embedded demo CRM is one CRM per data folder,
 * served on a loopback port chosen at each start, so its URL is not compared; HubSpot (or
 * whatever `hubspotBaseUrl` names) is compared by kind and base URL.
 */
export function sameCrm(a: CrmSource, b: CrmSource): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'demo' || a.baseUrl === b.baseUrl;
}
