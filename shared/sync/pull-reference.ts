import { hubspot, type HubspotCall } from '../hubspot';
import { fetchCall, PermanentSyncError } from './crm-calls';
import type { SyncContext } from './context';
import { STAGE_PROPERTY, SYNCED_TYPES, TYPE_INFO, type SyncedType } from './object-types';

type Paged = { results: unknown[]; paging?: { next?: { after: string } | undefined } | undefined };

async function listAll(ctx: SyncContext, page: (after: string | undefined) => HubspotCall<Paged>): Promise<unknown[]> {
  const rows: unknown[] = [];
  let after: string | undefined;
  do {
    const body = await fetchCall(ctx.crm, page(after), ctx.now);
    rows.push(...body.results);
    after = body.paging?.next?.after;
  } while (after);
  return rows;
}

/**
 * Pipelines, owners, users and property definitions: small, unpaged or lightly paged sets
 * that change rarely, replaced whole. Property definitions come first because the record
 * pulls fetch every defined property.
 */
export async function pullReference(ctx: SyncContext): Promise<void> {
  for (const type of SYNCED_TYPES) {
    ctx.progress({ phase: 'reference', objectType: type, done: 0 });
    let defs;
    try {
      defs = await fetchCall(ctx.crm, hubspot.properties.list(type), ctx.now);
    } catch (err) {
      // A portal without the app's optional custom object: its pull reports that (sync-pass.ts).
      if (err instanceof PermanentSyncError && TYPE_INFO[type].optional) continue;
      throw err;
    }
    await ctx.store.putReference('properties', type, defs.results);
  }
  for (const type of Object.keys(STAGE_PROPERTY) as SyncedType[]) {
    await ctx.store.putReference('pipelines', type, (await fetchCall(ctx.crm, hubspot.pipelines.list(type), ctx.now)).results);
  }
  // Owners and users need their own scopes; without them records still sync (names fall back to ids).
  for (const [kind, page] of [
    ['owners', (after: string | undefined) => hubspot.owners.list({ limit: 100, after })],
    ['users', (after: string | undefined) => hubspot.users.list({ limit: 100, after })],
  ] as const) {
    try {
      await ctx.store.putReference(kind, null, await listAll(ctx, page));
    } catch (err) {
      if (!(err instanceof PermanentSyncError)) throw err;
    }
  }
}
