import type { SyncContext } from './context';
import { callCrm } from './crm-calls';
import { PORTAL_INFO_META, type PortalInfo } from './daily-limit';

/**
 * What the sync needs to know of the portal: its time zone (the daily API limit resets at
 * its midnight) and its id. Read with the reference data; a CRM that does not serve
 * `/account-info/v3/details` (or refuses it) leaves what was known before.
 */
export async function pullPortalInfo(ctx: SyncContext): Promise<void> {
  const answer = await callCrm(ctx.crm, { method: 'GET', path: '/account-info/v3/details' }, ctx.now);
  if (answer.kind !== 'ok') return;
  const body = answer.res.body as { portalId?: unknown; timeZone?: unknown } | null;
  const info: PortalInfo = {
    ...(typeof body?.portalId === 'number' ? { portalId: body.portalId } : {}),
    ...(typeof body?.timeZone === 'string' ? { timeZone: body.timeZone } : {}),
  };
  await ctx.store.setMeta(PORTAL_INFO_META, info);
}
