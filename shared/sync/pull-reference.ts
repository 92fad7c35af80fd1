import { fetchCrm, PermanentSyncError } from './crm-calls';
import type { SyncContext } from './context';
import { STAGE_PROPERTY, SYNCED_TYPES, TYPE_INFO, type SyncedType } from './object-types';
import type { CrmRequest } from './ports';

async function listAll(ctx: SyncContext, path: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  let after: string | undefined;
  do {
    const req: CrmRequest = { method: 'GET', path, query: { limit: '100', ...(after ? { after } : {}) } };
    const body = ((await fetchCrm(ctx.crm, req, ctx.now)).body ?? {}) as { results?: unknown[]; paging?: { next?: { after?: string } } };
    rows.push(...(body.results ?? []));
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
    let res;
    try {
      res = await fetchCrm(ctx.crm, { method: 'GET', path: `/crm/v3/properties/${type}` }, ctx.now);
    } catch (err) {
      // A portal without the app's optional custom object: its pull reports that (sync-pass.ts).
      if (err instanceof PermanentSyncError && TYPE_INFO[type].optional) continue;
      throw err;
    }
    const body = (res.body ?? {}) as { results?: unknown[] };
    await ctx.store.putReference('properties', type, body.results ?? []);
  }
  for (const type of Object.keys(STAGE_PROPERTY) as SyncedType[]) {
    const body = ((await fetchCrm(ctx.crm, { method: 'GET', path: `/crm/v3/pipelines/${type}` }, ctx.now)).body ?? {}) as { results?: unknown[] };
    await ctx.store.putReference('pipelines', type, body.results ?? []);
  }
  // Owners and users need their own scopes; without them records still sync (names fall back to ids).
  for (const [kind, path] of [
    ['owners', '/crm/v3/owners'],
    ['users', '/settings/v3/users'],
  ] as const) {
    try {
      await ctx.store.putReference(kind, null, await listAll(ctx, path));
    } catch (err) {
      if (!(err instanceof PermanentSyncError)) throw err;
    }
  }
}
