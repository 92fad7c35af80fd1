import { hubspot, send } from '../../shared/hubspot';
import type { HubspotCall } from '../../shared/hubspot/calls';
import { missingScopesMessage, REQUIRED_SCOPES } from '../../shared/hubspot/scopes';
import { HostCallError } from '../host/dispatch';
import { transportPort, type CrmTransport } from './gateway';

/** What a pasted credential is: HubSpot's legacy private-app tokens start with `pat-`; anything else is taken for a service key. */
export type KeyKind = 'private-app' | 'service-key';
export const keyKindOf = (token: string): KeyKind => (token.startsWith('pat-') ? 'private-app' : 'service-key');

/**
 * One cheap read per scope the workspace needs that a read can show (docs/hubspot-api.md §15):
 * a 403 names the scope as missing. Write scopes cannot be probed without writing; a key
 * without them is found out by the first push, whose edit waits in "needs attention".
 */
const PROBES: readonly { scope: string; call: HubspotCall<unknown> }[] = [
  { scope: 'crm.objects.companies.read', call: hubspot.objects.list('companies', { limit: 1 }) },
  { scope: 'crm.objects.contacts.read', call: hubspot.objects.list('contacts', { limit: 1 }) },
  { scope: 'crm.objects.deals.read', call: hubspot.objects.list('deals', { limit: 1 }) },
  { scope: 'tickets', call: hubspot.objects.list('tickets', { limit: 1 }) },
  { scope: 'sales-email-read', call: hubspot.objects.list('emails', { limit: 1 }) },
  { scope: 'settings.users.read', call: hubspot.users.list({ limit: 1 }) },
];

/**
 * Checks a pasted service key or private-app token before anything is kept: it must work
 * (owners, the check every workspace needs), carry the read scopes (each missing one named,
 * so the admin can add exactly those), and say which portal it belongs to
 * (`/account-info/v3/details`). The token travels only in the Authorization header.
 */
export async function checkKey(transport: CrmTransport, baseUrl: string, token: string): Promise<{ portalId: number; keyKind: KeyKind }> {
  const port = transportPort(transport, { kind: 'hubspot', baseUrl, token });
  const owners = await send(port, hubspot.owners.list({ limit: 1 }));
  const missing: string[] = [];
  if (!owners.ok) {
    const { kind, status, message } = owners.error;
    if (kind === 'unreachable') throw new HostCallError('NETWORK', `HubSpot could not be reached (${message}); nothing was changed.`);
    if (kind === 'malformed') throw new HostCallError('NETWORK', `The server at ${baseUrl} does not answer like HubSpot (${message}); nothing was changed.`);
    if (status === 401) throw new HostCallError('UNAUTHORIZED', 'HubSpot did not accept this key (401). Copy the whole key and try again.');
    if (status !== 403)
      throw new HostCallError('NETWORK', `The server at ${baseUrl} answered ${status ?? message} while checking the key; nothing was changed.`);
    missing.push('crm.objects.owners.read');
  }
  for (const probe of PROBES) {
    const r = await send(port, probe.call);
    if (!r.ok && r.error.status === 403) missing.push(...namedScopes(r.response?.body, probe.scope));
    else if (!r.ok && r.error.kind === 'unreachable')
      throw new HostCallError('NETWORK', `HubSpot could not be reached (${r.error.message}); nothing was changed.`);
  }
  if (missing.length > 0) throw new HostCallError('UNAUTHORIZED', missingScopesMessage(REQUIRED_SCOPES.filter((s) => missing.includes(s))));
  const details = await send(port, hubspot.account.details());
  if (!details.ok) throw new HostCallError('NETWORK', `HubSpot did not say which portal this key belongs to (${details.error.message}); nothing was changed.`);
  return { portalId: details.value.portalId, keyKind: keyKindOf(token) };
}

/** The scopes a 403 names (`errors[].context.requiredGranularScopes`), else the one the probe stands for. */
function namedScopes(body: unknown, fallback: string): string[] {
  const errors = (body as { errors?: { context?: { requiredGranularScopes?: unknown } }[] } | null)?.errors;
  const named = Array.isArray(errors) ? errors.flatMap((e) => (Array.isArray(e?.context?.requiredGranularScopes) ? e.context.requiredGranularScopes : [])) : [];
  const known = named.filter((s): s is string => typeof s === 'string');
  return known.length > 0 ? known : [fallback];
}
