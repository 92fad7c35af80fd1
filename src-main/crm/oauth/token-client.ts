import { AccessTokenInfo, TokenResponse } from '../../../shared/hubspot/schemas';

/**
 * Where sign-in goes and what it asks for (docs/oauth.md): the deploying company's HubSpot
 * app (client id), the scopes, HubSpot's authorize and token URLs, and optionally its own
 * token-exchange URL, which receives the same form and adds the app's client secret.
 */
export interface OAuthConfig {
  clientId: string;
  scopes: readonly string[];
  optionalScopes: readonly string[];
  authorizeUrl: string;
  tokenUrl: string;
  tokenExchangeUrl: string | null;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms at which the access token stops working (from `expires_in`). */
  expiresAt: number;
}

/** What an access token says of itself: the person and the portal come from here, not a picker. */
export interface TokenInfo {
  userId: string;
  email: string | null;
  portalId: number;
  scopes: string[];
}

/** The token endpoint refused the grant: a used or wrong code, a revoked or expired refresh token. Sign in again. */
export class TokenRejected extends Error {}
/** No usable answer (offline, 5xx, timeout): try again later; nothing is lost. */
export class TokenUnreachable extends Error {}

export interface TokenClient {
  exchangeCode(a: { code: string; verifier: string; redirectUri: string }): Promise<TokenSet>;
  refresh(refreshToken: string): Promise<TokenSet>;
  tokenInfo(apiBaseUrl: string, accessToken: string): Promise<TokenInfo>;
  revoke(apiBaseUrl: string, refreshToken: string): Promise<void>;
}

/**
 * The OAuth endpoints, called from main only. No message here ever holds a token or a code:
 * errors carry HubSpot's status word (`BAD_REFRESH_TOKEN`) and the HTTP status.
 */
export function createTokenClient(deps: { config: OAuthConfig; fetch?: typeof fetch; now: () => number; timeoutMs?: number }): TokenClient {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? 30_000;

  async function request(url: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown }> {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    } catch (err) {
      throw new TokenUnreachable(`${what}: HubSpot could not be reached (${err instanceof Error ? err.name : 'error'}).`);
    }
    const text = await res.text().catch(() => '');
    try {
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    } catch {
      return { status: res.status, body: null };
    }
  }

  const word = (body: unknown): string => {
    const s = (body as { status?: unknown } | null)?.status;
    return typeof s === 'string' ? s.replace(/[^A-Z_]/g, '').slice(0, 40) : '';
  };

  async function tokens(form: Record<string, string>, what: string): Promise<TokenSet> {
    const { status, body } = await request(
      deps.config.tokenExchangeUrl ?? deps.config.tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...form, client_id: deps.config.clientId }),
      },
      what,
    );
    if (status === 400 || status === 401 || status === 403) throw new TokenRejected(`${what}: refused (${[status, word(body)].filter(Boolean).join(' ')}).`);
    if (status !== 200) throw new TokenUnreachable(`${what}: the token endpoint answered ${status}.`);
    const parsed = TokenResponse.safeParse(body);
    if (!parsed.success) throw new TokenUnreachable(`${what}: the token endpoint's answer is not HubSpot's shape.`);
    return { accessToken: parsed.data.access_token, refreshToken: parsed.data.refresh_token, expiresAt: deps.now() + parsed.data.expires_in * 1000 };
  }

  return {
    exchangeCode: ({ code, verifier, redirectUri }) =>
      tokens({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: redirectUri }, 'Exchanging the sign-in code'),
    refresh: (refreshToken) => tokens({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'Refreshing the sign-in'),
    async tokenInfo(apiBaseUrl, accessToken) {
      const url = `${apiBaseUrl.replace(/\/$/, '')}/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`;
      const { status, body } = await request(url, { method: 'GET' }, 'Reading who signed in');
      if (status === 404 || status === 401) throw new TokenRejected(`Reading who signed in: HubSpot does not know this sign-in (${status}).`);
      if (status !== 200) throw new TokenUnreachable(`Reading who signed in: HubSpot answered ${status}.`);
      const info = AccessTokenInfo.safeParse(body);
      if (!info.success) throw new TokenUnreachable('Reading who signed in: the answer is not HubSpot’s token info.');
      return { userId: String(info.data.user_id), email: info.data.user ?? null, portalId: info.data.hub_id, scopes: info.data.scopes };
    },
    async revoke(apiBaseUrl, refreshToken) {
      const url = `${apiBaseUrl.replace(/\/$/, '')}/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`;
      const { status } = await request(url, { method: 'DELETE' }, 'Signing out');
      // 404: already revoked or unknown — signed out either way.
      if (status !== 204 && status !== 200 && status !== 404) throw new TokenUnreachable(`Signing out: HubSpot answered ${status}.`);
    },
  };
}
