import { isErrorCode, type HostApi, type HostError } from '../../shared/contract';
import { ownerDisplayName } from '../../shared/domain/owners';
import { hubspot, type CallError } from '../../shared/hubspot';
import { hubspotVia } from './host-key';

/** The CRM's users (HubSpot's `/settings/v3/users`), for "Who are you?" on Connect and in Settings. */

/** A failed CRM call as the connect screens show host errors: a refused credential or scope is UNAUTHORIZED. */
function hostError(e: CallError): HostError {
  if (e.status === 401 || e.status === 403) return { code: 'UNAUTHORIZED', message: e.message };
  if (e.status === undefined && isErrorCode(e.code)) return { code: e.code, message: e.message };
  return { code: 'NETWORK', message: e.message };
}

/** A CRM user as "Who are you?" lists them (HubSpot's `/settings/v3/users`). */
export interface PickableUser {
  id: string;
  name: string;
  email: string;
}

/** HubSpot pages users (100 a page); a portal with more than this many is cut short. */
const MAX_USER_PAGES = 50;

/** All users of the CRM, by name, for "Who are you?". */
export async function listCrmUsers(host: HostApi): Promise<{ users: PickableUser[] } | { error: HostError }> {
  const crm = hubspotVia(host);
  const users: PickableUser[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_USER_PAGES; page++) {
    const sent = await crm(hubspot.users.list({ limit: 100, ...(after ? { after } : {}) }));
    if (!sent.ok) return { error: hostError(sent.error) };
    for (const u of sent.value.results) {
      users.push({ id: u.id, name: ownerDisplayName(u), email: u.email ?? '' });
    }
    after = sent.value.paging?.next?.after;
    if (!after) break;
  }
  users.sort((a, b) => a.name.localeCompare(b.name));
  return { users };
}
