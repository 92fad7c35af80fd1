import type { SyncContext } from './context';
import { hubspot, parseAnswer } from '../hubspot';
import { callCrm } from './crm-calls';
import { PORTAL_INFO_META, type PortalInfo } from './daily-limit';

/**
 * What the sync needs to know of the portal: its time zone (the daily API limit resets at
 * its midnight) and its id. Read with the reference data; a CRM that does not serve
 * `/account-info/v3/details` (or refuses it) leaves what was known before.
 */
export async function pullPortalInfo(ctx: SyncContext): Promise<void> {
  const call = hubspot.account.details();
  const answer = await callCrm(ctx.crm, call.request, ctx.now);
  if (answer.kind !== 'ok') return;
  const parsed = parseAnswer(call, answer.res);
  if (!parsed.ok) return;
  const { portalId, timeZone } = parsed.value;
  const info: PortalInfo = { portalId, ...(timeZone ? { timeZone } : {}) };
  await ctx.store.setMeta(PORTAL_INFO_META, info);
}
