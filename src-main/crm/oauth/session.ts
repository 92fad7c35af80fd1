import { TokenRejected, type TokenSet } from './token-client';

/** Timers the session runs on; tests hand it a fixed clock. */
export interface SessionClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: SessionClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** How long before `expires_in` runs out the access token is renewed: 5 minutes, or a fifth of a short life. */
export function refreshLead(lifeMs: number): number {
  return Math.min(5 * 60_000, Math.floor(lifeMs / 5));
}

/** After a refresh that could not reach HubSpot, the next try. */
export const RETRY_MS = 30_000;

export interface OAuthSession {
  /** The access token to send now, or null once signed out. */
  accessToken(): string | null;
  refreshToken(): string | null;
  signedOut(): boolean;
  /** When the next refresh is due (epoch ms), for tests and diagnostics. */
  nextRefreshAt(): number | null;
  stop(): void;
}

/**
 * Keeps an OAuth sign-in alive: renews the access token ahead of `expires_in` (HubSpot: a 401
 * is no signal to refresh), retries later when HubSpot cannot be reached (the old token works
 * until it expires; calls meanwhile fail as "unreachable" and the outbox waits), and when the
 * token endpoint refuses the refresh token (revoked, expired) becomes signed out: `onSignedOut`
 * tells the connection, which pauses sync and asks the user to sign in again. Each new token
 * set goes to `onTokens` (the secret store) before it is used.
 */
export function startOAuthSession(deps: {
  tokens: TokenSet;
  clock: SessionClock;
  refresh(refreshToken: string): Promise<TokenSet>;
  onTokens(tokens: TokenSet): void;
  onSignedOut(reason: string): void;
  log?: (line: string) => void;
}): OAuthSession {
  let tokens: TokenSet | null = deps.tokens;
  let timer: unknown = null;
  let due: number | null = null;
  let stopped = false;
  const log = deps.log ?? (() => {});

  function schedule(at: number): void {
    if (timer !== null) deps.clock.clearTimeout(timer);
    due = at;
    timer = deps.clock.setTimeout(() => void renew(), Math.max(0, at - deps.clock.now()));
  }

  /** The lead is taken from the life left now: a fresh token's whole life, a restored one's remainder. */
  function plan(t: TokenSet): void {
    schedule(t.expiresAt - refreshLead(Math.max(0, t.expiresAt - deps.clock.now())));
  }

  async function renew(): Promise<void> {
    timer = null;
    const current = tokens;
    if (!current || stopped) return;
    try {
      const next = await deps.refresh(current.refreshToken);
      if (stopped) return;
      deps.onTokens(next);
      tokens = next;
      plan(next);
      log('refreshed the HubSpot sign-in');
    } catch (err) {
      if (stopped) return;
      if (err instanceof TokenRejected) {
        tokens = null;
        due = null;
        log('HubSpot refused the refresh token: signed out');
        deps.onSignedOut(err.message);
        return;
      }
      log('could not refresh the HubSpot sign-in; trying again shortly');
      schedule(deps.clock.now() + RETRY_MS);
    }
  }

  plan(deps.tokens);
  return {
    accessToken: () => tokens?.accessToken ?? null,
    refreshToken: () => tokens?.refreshToken ?? null,
    signedOut: () => tokens === null,
    nextRefreshAt: () => due,
    stop: () => {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
}
