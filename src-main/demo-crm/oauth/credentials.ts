import { createHash, randomBytes } from 'node:crypto';
import { tokenMatcher } from '../http/auth';

/**
 * Everything a bearer of this portal may be, and what it may do:
 * - the portal's static tokens (`--token`; a private app granted every scope the workspace asks for),
 * - service keys, each with the scopes chosen when it was made (`serviceKeys`, `POST /__demo/service-keys`),
 * - OAuth access tokens, short-lived, for the demo user who signed in on the authorize page,
 *   with their refresh tokens (revocable) and one-use authorization codes.
 * OAuth state lives in memory: a restart of the demo CRM signs every OAuth client out, as a
 * revoked app would.
 */
export interface Grant {
  kind: 'static' | 'service-key' | 'oauth';
  scopes: readonly string[];
  /** The HubSpot user an OAuth token acts for; null for app-level credentials. */
  userId: string | null;
}

interface OAuthToken {
  userId: string;
  scopes: readonly string[];
  clientId: string;
  expiresAt: number;
  refreshToken: string;
}

interface RefreshToken {
  userId: string;
  scopes: readonly string[];
  clientId: string;
}

export interface AuthCode {
  userId: string;
  scopes: readonly string[];
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
}

/** A code is worth this long (RFC 6749 §4.1.2 recommends at most 10 minutes). */
const CODE_LIFE_MS = 10 * 60_000;

const secret = (prefix: string): string => `${prefix}-${randomBytes(24).toString('base64url')}`;

/** RFC 7636 §4.6: BASE64URL(SHA256(ASCII(code_verifier))) must equal the challenge. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export class Credentials {
  private readonly isStatic: (token: string) => boolean;
  private readonly serviceKeys = new Map<string, readonly string[]>();
  private readonly codes = new Map<string, AuthCode>();
  private readonly access = new Map<string, OAuthToken>();
  private readonly refresh = new Map<string, RefreshToken>();
  /** For tests (`GET /__demo/oauth`): every token endpoint call's grant type and outcome, and every secret ever issued. */
  readonly tokenCalls: { grantType: string; ok: boolean }[] = [];
  readonly issued: string[] = [];

  constructor(
    staticTokens: readonly string[],
    readonly allScopes: readonly string[],
    private readonly now: () => number,
    /** An access token's life in seconds (HubSpot: 1800); short in tests of refresh. */
    readonly accessTtlS: number,
  ) {
    this.isStatic = tokenMatcher(staticTokens);
  }

  /** What a bearer token may do now, or null: unknown, expired or revoked. */
  grant(token: string): Grant | null {
    if (this.isStatic(token)) return { kind: 'static', scopes: this.allScopes, userId: null };
    const scopes = this.serviceKeys.get(token);
    if (scopes) return { kind: 'service-key', scopes, userId: null };
    const a = this.access.get(token);
    if (a && a.expiresAt > this.now() && this.refresh.has(a.refreshToken)) return { kind: 'oauth', scopes: a.scopes, userId: a.userId };
    return null;
  }

  addServiceKey(scopes: readonly string[], key: string = secret('demo-sk')): string {
    this.serviceKeys.set(key, [...new Set(scopes)]);
    return key;
  }

  issueCode(c: Omit<AuthCode, 'expiresAt'>): string {
    const code = secret('demo-code');
    this.issued.push(code);
    this.codes.set(code, { ...c, expiresAt: this.now() + CODE_LIFE_MS });
    return code;
  }

  /** A code is used once: taken here whether or not the exchange then succeeds (RFC 6749 §4.1.2). */
  takeCode(code: string): AuthCode | null {
    const c = this.codes.get(code);
    this.codes.delete(code);
    return c && c.expiresAt > this.now() ? c : null;
  }

  issueTokens(r: RefreshToken, refreshToken: string = secret('demo-rt')): { accessToken: string; refreshToken: string; expiresIn: number } {
    this.refresh.set(refreshToken, r);
    const accessToken = secret('demo-at');
    this.issued.push(accessToken);
    if (!this.issued.includes(refreshToken)) this.issued.push(refreshToken);
    this.access.set(accessToken, { ...r, refreshToken, expiresAt: this.now() + this.accessTtlS * 1000 });
    return { accessToken, refreshToken, expiresIn: this.accessTtlS };
  }

  refreshToken(token: string): RefreshToken | null {
    return this.refresh.get(token) ?? null;
  }

  /** Seconds an access token has left, or null when it is not a live OAuth token. */
  accessInfo(token: string): (OAuthToken & { expiresIn: number }) | null {
    const a = this.access.get(token);
    if (!a || a.expiresAt <= this.now() || !this.refresh.has(a.refreshToken)) return null;
    return { ...a, expiresIn: Math.ceil((a.expiresAt - this.now()) / 1000) };
  }

  /** Revokes a refresh token and every access token it issued; false when it was not known. */
  revoke(token: string): boolean {
    if (!this.refresh.delete(token)) return false;
    for (const [k, a] of this.access) if (a.refreshToken === token) this.access.delete(k);
    return true;
  }

  /** Revokes every refresh token (and their access tokens), as uninstalling the app in HubSpot does; how many there were. */
  revokeAll(): number {
    const n = this.refresh.size;
    this.refresh.clear();
    this.access.clear();
    return n;
  }
}
