import { missingScopesMessage } from '../../../shared/hubspot/scopes';
import { HostCallError } from '../../host/dispatch';
import { ownerOf, type Identity } from '../crm-user';
import type { CrmTransport } from '../gateway';
import { SignInError } from './loopback';
import { signIn } from './sign-in';
import { TokenRejected, TokenUnreachable, type OAuthConfig, type TokenClient, type TokenSet } from './token-client';

/**
 * "Sign in with HubSpot" for the connection manager: the browser sign-in, then the person and
 * the portal from the token's own info (no "Who are you?"), the required scopes checked (each
 * missing one named; the grant is revoked so nothing half-working stays), the owner looked up.
 * Every failure is a HostCallError whose message holds no token or code.
 */
export async function connectWithOAuth(deps: {
  config: OAuthConfig;
  client: TokenClient;
  transport: CrmTransport;
  baseUrl: string;
  openBrowser(url: string): Promise<void>;
  timeoutMs: number;
}): Promise<{ tokens: TokenSet; identity: Identity; portalId: number }> {
  let done: Awaited<ReturnType<typeof signIn>>;
  try {
    done = await signIn({ config: deps.config, client: deps.client, apiBaseUrl: deps.baseUrl, openBrowser: deps.openBrowser, timeoutMs: deps.timeoutMs });
  } catch (err) {
    if (err instanceof SignInError || err instanceof TokenRejected) throw new HostCallError('UNAUTHORIZED', err.message);
    if (err instanceof TokenUnreachable) throw new HostCallError('NETWORK', `${err.message} Nothing was changed.`);
    throw err;
  }
  const missing = deps.config.scopes.filter((s) => !done.info.scopes.includes(s));
  if (missing.length > 0) {
    await deps.client.revoke(deps.baseUrl, done.tokens.refreshToken).catch(() => {});
    throw new HostCallError('UNAUTHORIZED', missingScopesMessage(missing));
  }
  const conn = { kind: 'hubspot' as const, baseUrl: deps.baseUrl, token: done.tokens.accessToken };
  const ownerId = await ownerOf(deps.transport, conn, done.info.userId, done.info.email);
  return { tokens: done.tokens, identity: { userId: done.info.userId, ownerId, email: done.info.email }, portalId: done.info.portalId };
}
