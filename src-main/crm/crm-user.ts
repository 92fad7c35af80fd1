import type { z } from 'zod';
import type { CrmUserIdentity } from '../../shared/contract';
import { hubspot, send } from '../../shared/hubspot';
import type { HubspotCall } from '../../shared/hubspot/calls';
import { HostCallError } from '../host/dispatch';
import { transportPort, type CrmConnection, type CrmTransport } from './gateway';

export type Identity = z.output<typeof CrmUserIdentity>;

const via =
  (transport: CrmTransport, conn: CrmConnection) =>
  <T>(c: HubspotCall<T>) =>
    send(transportPort(transport, conn), c);

/** The owner behind a HubSpot user: by user id, else by the user's email; null when none. */
export async function ownerOf(transport: CrmTransport, conn: CrmConnection, userId: string, email: string | null): Promise<string | null> {
  const call = via(transport, conn);
  const byUser = await call(hubspot.owners.get(userId, 'userId'));
  if (byUser.ok) return byUser.value.id;
  if (!email) return null;
  const byEmail = await call(hubspot.owners.list({ limit: 1, email }));
  return byEmail.ok ? (byEmail.value.results[0]?.id ?? null) : null;
}

/** HubSpot ("Who are you?"): the user must exist; then their owner. */
export async function resolveHubspotUser(transport: CrmTransport, conn: CrmConnection, userId: string): Promise<Identity> {
  const u = await via(transport, conn)(hubspot.users.get(userId));
  if (!u.ok) {
    const { status } = u.error;
    if (status === 404) throw new HostCallError('INVALID_INPUT', `The CRM has no user ${userId}; nothing was changed.`);
    if (status === 401 || status === 403) {
      throw new HostCallError('UNAUTHORIZED', `The CRM refused to list its users (${status}): give the private app the settings.users.read scope.`);
    }
    throw new HostCallError('NETWORK', `The CRM answered ${status ?? u.error.message} while checking user ${userId}; nothing was changed.`);
  }
  const email = u.value.email ?? null;
  return { userId, ownerId: await ownerOf(transport, conn, userId, email), email };
}

/** The demo CRM: its own act-as control, which also checks that the user exists. */
export async function setDemoUser(transport: CrmTransport, conn: CrmConnection, userId: string): Promise<Identity> {
  const res = await via(transport, conn)(hubspot.demo.actAs(userId));
  if (!res.ok) {
    if (res.error.status === 400 || res.error.status === 404)
      throw new HostCallError('INVALID_INPUT', `The demo CRM has no user ${userId}; nothing was changed.`);
    throw new HostCallError('NETWORK', `The demo CRM answered ${res.error.status ?? res.error.message} while switching the user.`);
  }
  const { ownerId, email } = res.value;
  return { userId: res.value.userId, ownerId: ownerId ?? null, email: email ?? null };
}
