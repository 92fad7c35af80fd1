import { SignInError, startLoopbackRedirect } from './loopback';
import { challengeOf, createState, createVerifier } from './pkce';
import { TokenRejected, type OAuthConfig, type TokenClient, type TokenInfo, type TokenSet } from './token-client';

/** The authorize URL of one sign-in (RFC 6749 §4.1.1 with RFC 7636's S256 challenge). */
export function authorizeUrl(config: OAuthConfig, a: { redirectUri: string; state: string; challenge: string }): string {
  const url = new URL(config.authorizeUrl);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', a.redirectUri);
  url.searchParams.set('scope', config.scopes.join(' '));
  if (config.optionalScopes.length > 0) url.searchParams.set('optional_scope', config.optionalScopes.join(' '));
  url.searchParams.set('state', a.state);
  url.searchParams.set('code_challenge', a.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.href;
}

export interface SignedIn {
  tokens: TokenSet;
  info: TokenInfo;
}

/**
 * One "Sign in with HubSpot": a fresh verifier and state, a one-shot loopback listener, the
 * system browser on the authorize page (through the host's safe external-link opener), the
 * code exchanged with its verifier, then token info for who and which portal. Nothing is
 * kept here: the caller saves the tokens (main's secret store) only once this resolves.
 */
export async function signIn(deps: {
  config: OAuthConfig;
  client: TokenClient;
  apiBaseUrl: string;
  openBrowser(url: string): Promise<void>;
  timeoutMs: number;
}): Promise<SignedIn> {
  const verifier = createVerifier();
  const state = createState();
  const loopback = await startLoopbackRedirect({ state, timeoutMs: deps.timeoutMs });
  try {
    await deps.openBrowser(authorizeUrl(deps.config, { redirectUri: loopback.redirectUri, state, challenge: challengeOf(verifier) }));
    const code = await loopback.code;
    let tokens: TokenSet;
    try {
      tokens = await deps.client.exchangeCode({ code, verifier, redirectUri: loopback.redirectUri });
    } catch (err) {
      if (err instanceof TokenRejected) throw new SignInError('exchange', `${err.message} Nothing was changed; sign in again.`);
      throw err;
    }
    return { tokens, info: await deps.client.tokenInfo(deps.apiBaseUrl, tokens.accessToken) };
  } finally {
    loopback.close();
  }
}
