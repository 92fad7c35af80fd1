import { randomUUID } from 'node:crypto';
import { HttpError } from '../http/errors';
import type { Req, Res, Router } from '../http/router';
import { DEFAULT_USER_ID, findUser, USERS } from '../schema/users';
import type { Ctx } from '../routes/context';
import { s256, type Credentials } from './credentials';

/** The demo's OAuth app: its id in token info and the client id it accepts (`oauthClientId`). */
export const DEMO_APP_ID = 4_000_001;
export const DEMO_CLIENT_ID = 'cs-workspace-demo';

export interface OAuthOptions {
  clientId: string;
  /** When set, the token endpoint also checks it; otherwise PKCE alone proves the client. */
  clientSecret: string | null;
}

/** RFC 8252 §7.3: a native app's redirect is a loopback address on any port; the demo takes only that. */
function loopbackRedirect(raw: string | null): URL | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost') && !u.username && !u.password && !u.hash ? u : null;
  } catch {
    return null;
  }
}

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title: string, body: string): Res => ({
  status: 200,
  html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`,
});
const errorPage = (message: string): Res => ({ ...page('Demo CRM: cannot sign in', `<p role="alert">${esc(message)}</p>`), status: 400 });

/** HubSpot's token endpoint answers errors as `{ status: 'BAD_…', message, correlationId }`. */
const tokenError = (status: string, message: string): Res => ({ status: 400, body: { status, message, correlationId: randomUUID() } });

interface AuthorizeRequest {
  redirect: URL;
  state: string | null;
  scopes: string[];
  challenge: string;
}

/**
 * Checks an authorize request. What cannot be trusted to redirect (client id, redirect URI)
 * is an error page; the rest goes back to the app as `error=` on its redirect (RFC 6749 §4.1.2.1).
 */
function readAuthorize(q: URLSearchParams, o: OAuthOptions, all: readonly string[]): AuthorizeRequest | Res {
  if (q.get('client_id') !== o.clientId) return errorPage(`Unknown client_id "${q.get('client_id') ?? ''}".`);
  const redirect = loopbackRedirect(q.get('redirect_uri'));
  if (!redirect) return errorPage('redirect_uri must be http://127.0.0.1:<port>/… or http://localhost:<port>/… (RFC 8252 §7.3).');
  const state = q.get('state');
  const back = (error: string, description: string): Res => {
    const to = new URL(redirect);
    to.searchParams.set('error', error);
    to.searchParams.set('error_description', description);
    if (state !== null) to.searchParams.set('state', state);
    return { status: 302, headers: { Location: to.href } };
  };
  const challenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return back('invalid_request', 'code_challenge (43 characters) with code_challenge_method=S256 is required');
  }
  const asked = (q.get('scope') ?? '').split(/[ ,+]+/).filter(Boolean);
  const unknown = asked.filter((s) => !all.includes(s));
  if (asked.length === 0 || unknown.length > 0) return back('invalid_scope', `Unknown or no scopes: ${unknown.join(' ')}`);
  const optional = (q.get('optional_scope') ?? '').split(/[ ,+]+/).filter((s) => all.includes(s));
  return { redirect, state, scopes: [...new Set([...asked, ...optional])], challenge };
}

/**
 * OAuth 2 with PKCE as the app uses it against HubSpot (docs/hubspot-api.md §15), on the
 * `open` router (no bearer token): the authorize page where a demo user is chosen, the token
 * endpoint (authorization_code with `code_verifier`, refresh_token), token info for access and
 * refresh tokens, and revoking a refresh token.
 */
export function oauthRoutes(open: Router, ctx: Ctx, creds: Credentials, o: OAuthOptions): void {
  const hubDomain = `demo-${ctx.portalId}.example.com`;
  open.on('GET', /^\/oauth\/authorize$/, (req) => {
    const a = readAuthorize(req.query, o, creds.allScopes);
    if (!('redirect' in a)) return a;
    const links = USERS.map((u) => {
      const q = new URLSearchParams(req.query);
      q.set('user_id', u.id);
      return `<li><a href="/oauth/authorize/choose?${esc(q.toString())}">${esc(`${u.firstName} ${u.lastName}`)}</a> (${esc(u.email)})</li>`;
    }).join('');
    return page('Sign in to the demo CRM', `<p>Choose who signs in; the app gets: ${esc(a.scopes.join(', '))}.</p><ul>${links}</ul>`);
  });

  open.on('GET', /^\/oauth\/authorize\/choose$/, (req) => {
    const a = readAuthorize(req.query, o, creds.allScopes);
    if (!('redirect' in a)) return a;
    const user = findUser(req.query.get('user_id') ?? '');
    if (!user) return errorPage('Unknown demo user.');
    const code = creds.issueCode({ userId: user.id, scopes: a.scopes, clientId: o.clientId, redirectUri: a.redirect.href, codeChallenge: a.challenge });
    const to = new URL(a.redirect);
    to.searchParams.set('code', code);
    if (a.state !== null) to.searchParams.set('state', a.state);
    return { status: 302, headers: { Location: to.href } };
  });

  open.on('POST', /^\/oauth\/v1\/token$/, (req) => {
    const res = token(req, creds, o);
    const grantType = typeof req.body === 'string' ? (new URLSearchParams(req.body).get('grant_type') ?? '') : '';
    creds.tokenCalls.push({ grantType, ok: res.status === 200 });
    return res;
  });

  open.on('GET', /^\/oauth\/v1\/access-tokens\/([^/]+)$/, (_req, [t = '']) => {
    const grant = creds.grant(t);
    const info = creds.accessInfo(t);
    // Static tokens (a private app) answer for the demo's signed-in user; service keys are not OAuth tokens.
    if (!grant || grant.kind === 'service-key') throw new HttpError(404, 'OBJECT_NOT_FOUND', 'Token not found');
    const user = findUser(grant.userId ?? ctx.whoami.userId) ?? findUser(DEFAULT_USER_ID);
    return {
      status: 200,
      body: {
        token: t,
        user: user?.email,
        hub_domain: hubDomain,
        scopes: grant.scopes,
        hub_id: ctx.portalId,
        app_id: DEMO_APP_ID,
        expires_in: info?.expiresIn ?? creds.accessTtlS,
        user_id: Number(user?.id),
        token_type: 'access',
      },
    };
  });

  open.on('GET', /^\/oauth\/v1\/refresh-tokens\/([^/]+)$/, (_req, [t = '']) => {
    const r = creds.refreshToken(t);
    const user = r && findUser(r.userId);
    if (!r || !user) throw new HttpError(404, 'OBJECT_NOT_FOUND', 'Token not found');
    return {
      status: 200,
      body: {
        token: t,
        user: user.email,
        hub_domain: hubDomain,
        scopes: r.scopes,
        hub_id: ctx.portalId,
        client_id: r.clientId,
        user_id: Number(user.id),
        token_type: 'refresh',
      },
    };
  });

  open.on('DELETE', /^\/oauth\/v1\/refresh-tokens\/([^/]+)$/, (_req, [t = '']) => {
    if (!creds.revoke(t)) throw new HttpError(404, 'OBJECT_NOT_FOUND', 'Token not found');
    return { status: 204 };
  });
}

function token(req: Req, creds: Credentials, o: OAuthOptions): Res {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim();
  if (type !== 'application/x-www-form-urlencoded' || typeof req.body !== 'string') {
    return tokenError('BAD_REQUEST', 'The token endpoint takes an application/x-www-form-urlencoded body.');
  }
  const f = new URLSearchParams(req.body);
  if (f.get('client_id') !== o.clientId) return tokenError('BAD_CLIENT_ID', 'missing or unknown client id');
  if (o.clientSecret !== null && f.get('client_secret') !== o.clientSecret) return tokenError('BAD_CLIENT_SECRET', 'missing or wrong client secret');
  const grantType = f.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = creds.takeCode(f.get('code') ?? '');
    if (!code || code.clientId !== o.clientId) return tokenError('BAD_AUTH_CODE', 'missing, used or expired code');
    if (f.get('redirect_uri') !== code.redirectUri) return tokenError('BAD_REDIRECT_URI', 'redirect_uri does not match the one authorized');
    const verifier = f.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) || s256(verifier) !== code.codeChallenge) {
      return tokenError('BAD_AUTH_CODE', 'code_verifier does not match the code_challenge');
    }
    return issued(creds.issueTokens({ userId: code.userId, scopes: code.scopes, clientId: code.clientId }));
  }
  if (grantType === 'refresh_token') {
    const refresh = f.get('refresh_token') ?? '';
    const r = creds.refreshToken(refresh);
    if (!r || r.clientId !== o.clientId) return tokenError('BAD_REFRESH_TOKEN', 'missing or unknown refresh token');
    return issued(creds.issueTokens(r, refresh));
  }
  return tokenError('BAD_GRANT_TYPE', 'grant_type must be authorization_code or refresh_token');
}

const issued = (t: { accessToken: string; refreshToken: string; expiresIn: number }): Res => ({
  status: 200,
  body: { token_type: 'bearer', access_token: t.accessToken, refresh_token: t.refreshToken, expires_in: t.expiresIn },
});

/**
 * `POST /__demo/service-keys { scopes }` → `{ key, scopes }`: a key as an admin makes one, with the scopes chosen.
 * `GET /__demo/oauth` → `{ tokenCalls: [{ grantType, ok }], issued: [secret…] }`: what tests check (a refresh
 * happened; no issued token or code is kept anywhere by the app). `POST /__demo/oauth/revoke` → `{ revoked }`:
 * every sign-in revoked at once, as when an admin uninstalls the app in HubSpot.
 */
export function serviceKeyRoutes(demo: Router, creds: Credentials): void {
  demo.on('GET', /^\/__demo\/oauth$/, () => ({ status: 200, body: { tokenCalls: creds.tokenCalls, issued: creds.issued } }));
  demo.on('POST', /^\/__demo\/oauth\/revoke$/, () => ({ status: 200, body: { revoked: creds.revokeAll() } }));
  demo.on('POST', /^\/__demo\/service-keys$/, (req) => {
    const scopes = (req.body as { scopes?: unknown } | undefined)?.scopes;
    if (!Array.isArray(scopes) || !scopes.every((s): s is string => typeof s === 'string' && creds.allScopes.includes(s))) {
      throw new HttpError(400, 'VALIDATION_ERROR', `scopes must be a list of: ${creds.allScopes.join(', ')}`);
    }
    return { status: 201, body: { key: creds.addServiceKey(scopes), scopes } };
  });
}
