import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

const REDIRECT = 'http://127.0.0.1:53682/callback';
const verifier = (): string => randomBytes(32).toString('base64url');
const challenge = (v: string): string => createHash('sha256').update(v).digest('base64url');

function authorizeQuery(over: Record<string, string> = {}): URLSearchParams {
  return new URLSearchParams({
    client_id: 'cs-workspace-demo',
    redirect_uri: REDIRECT,
    scope: 'crm.objects.companies.read crm.objects.owners.read',
    state: 'st-1',
    code_challenge_method: 'S256',
    ...over,
  });
}

const form = (crm: TestDemoCrm, body: Record<string, string>): Promise<Response> =>
  fetch(`${crm.url}/oauth/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });

/** Plays the browser: the authorize page's link for `userId`, followed to the app's redirect. */
async function authorize(crm: TestDemoCrm, v: string, userId = '1000002', over: Record<string, string> = {}): Promise<URL> {
  const q = authorizeQuery({ code_challenge: challenge(v), ...over });
  const pageRes = await fetch(`${crm.url}/oauth/authorize?${q}`);
  expect(pageRes.status).toBe(200);
  expect(pageRes.headers.get('content-type')).toMatch(/^text\/html/);
  const html = await pageRes.text();
  const href = new RegExp(`href="(/oauth/authorize/choose\\?[^"]*user_id=${userId}[^"]*)"`).exec(html)?.[1]?.replaceAll('&#38;', '&');
  expect(href).toBeDefined();
  const res = await fetch(`${crm.url}${href}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

async function signIn(crm: TestDemoCrm, userId = '1000002'): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const v = verifier();
  const back = await authorize(crm, v, userId);
  const res = await form(crm, {
    grant_type: 'authorization_code',
    client_id: 'cs-workspace-demo',
    redirect_uri: REDIRECT,
    code: back.searchParams.get('code') ?? '',
    code_verifier: v,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number };
}

describe('demo CRM OAuth (authorization code + PKCE)', () => {
  let crm: TestDemoCrm;
  beforeAll(async () => {
    crm = await startTestDemoCrm({ portalId: 7654321, accessTokenTtlS: 60, serviceKeys: [{ key: 'sk-companies', scopes: ['crm.objects.companies.read'] }] });
  });
  afterAll(() => crm.stop());
  const bearer = (token: string, path: string): Promise<Response> => fetch(`${crm.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('carries state through the chosen user, and the code is exchanged once, with the right verifier only', async () => {
    const v = verifier();
    const back = await authorize(crm, v);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-1');
    const code = back.searchParams.get('code') ?? '';
    const base = { grant_type: 'authorization_code', client_id: 'cs-workspace-demo', redirect_uri: REDIRECT, code };
    const wrong = await form(crm, { ...base, code_verifier: verifier() });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ status: 'BAD_AUTH_CODE' });
    // The failed attempt used the code up (RFC 6749 §4.1.2).
    expect((await form(crm, { ...base, code_verifier: v })).status).toBe(400);
  });

  it('answers token info in HubSpot shapes: the user, the portal, the scopes, the time left', async () => {
    const t = await signIn(crm);
    expect(t).toMatchObject({ token_type: 'bearer', expires_in: 60 });
    const info = await (await fetch(`${crm.url}/oauth/v1/access-tokens/${t.access_token}`)).json();
    expect(info).toMatchObject({ user: 'sam.kowalski@demo-crm.test', user_id: 1000002, hub_id: 7654321, token_type: 'access', expires_in: 60 });
    expect(info.scopes).toEqual(['crm.objects.companies.read', 'crm.objects.owners.read']);
    const refresh = await (await fetch(`${crm.url}/oauth/v1/refresh-tokens/${t.refresh_token}`)).json();
    expect(refresh).toMatchObject({
      user: 'sam.kowalski@demo-crm.test',
      user_id: 1000002,
      hub_id: 7654321,
      client_id: 'cs-workspace-demo',
      token_type: 'refresh',
    });
    expect((await bearer(t.access_token, '/crm/v3/objects/companies?limit=1')).status).toBe(200);
  });

  it('lets an access token expire on the portal clock, and refreshing gives a new one', async () => {
    const t = await signIn(crm);
    await crm.api('/__demo/clock', { body: { advanceMs: 61_000 } });
    expect((await bearer(t.access_token, '/crm/v3/objects/companies?limit=1')).status).toBe(401);
    const res = await form(crm, { grant_type: 'refresh_token', client_id: 'cs-workspace-demo', refresh_token: t.refresh_token });
    const next = (await res.json()) as { access_token: string; refresh_token: string };
    expect(next.refresh_token).toBe(t.refresh_token);
    expect((await bearer(next.access_token, '/crm/v3/objects/companies?limit=1')).status).toBe(200);
  });

  it('revokes a refresh token and every access token it gave', async () => {
    const t = await signIn(crm);
    expect((await fetch(`${crm.url}/oauth/v1/refresh-tokens/${t.refresh_token}`, { method: 'DELETE' })).status).toBe(204);
    expect((await bearer(t.access_token, '/crm/v3/objects/companies?limit=1')).status).toBe(401);
    const again = await form(crm, { grant_type: 'refresh_token', client_id: 'cs-workspace-demo', refresh_token: t.refresh_token });
    expect(await again.json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN' });
    expect((await fetch(`${crm.url}/oauth/v1/refresh-tokens/${t.refresh_token}`)).status).toBe(404);
  });

  it('shows tests every token call and issued secret, and revokes every sign-in at once as an uninstalled app', async () => {
    const before = ((await (await crm.api('/__demo/oauth')).json()) as { tokenCalls: unknown[] }).tokenCalls.length;
    const a = await signIn(crm, '1000003');
    const b = await signIn(crm, '1000004');
    expect((await form(crm, { grant_type: 'refresh_token', client_id: 'cs-workspace-demo', refresh_token: a.refresh_token })).status).toBe(200);
    expect((await form(crm, { grant_type: 'refresh_token', client_id: 'cs-workspace-demo', refresh_token: 'nope' })).status).toBe(400);
    const seen = (await (await crm.api('/__demo/oauth')).json()) as { tokenCalls: { grantType: string; ok: boolean }[]; issued: string[] };
    expect(seen.tokenCalls.slice(before)).toEqual([
      { grantType: 'authorization_code', ok: true },
      { grantType: 'authorization_code', ok: true },
      { grantType: 'refresh_token', ok: true },
      { grantType: 'refresh_token', ok: false },
    ]);
    expect(seen.issued).toEqual(expect.arrayContaining([a.access_token, a.refresh_token, b.access_token, b.refresh_token]));
    expect(seen.issued.some((s) => s.startsWith('demo-code-'))).toBe(true);
    // Only the static token opens the controls.
    expect((await bearer(b.access_token, '/__demo/oauth')).status).toBe(401);

    const revoked = (await (await crm.api('/__demo/oauth/revoke', { method: 'POST' })).json()) as { revoked: number };
    expect(revoked.revoked).toBeGreaterThanOrEqual(2);
    expect((await bearer(b.access_token, '/crm/v3/objects/companies?limit=1')).status).toBe(401);
    expect((await form(crm, { grant_type: 'refresh_token', client_id: 'cs-workspace-demo', refresh_token: a.refresh_token })).status).toBe(400);
  });

  it('refuses authorize requests it cannot trust: a foreign redirect, a missing challenge, an unknown client', async () => {
    const page = (q: URLSearchParams) => fetch(`${crm.url}/oauth/authorize?${q}`, { redirect: 'manual' });
    expect((await page(authorizeQuery({ code_challenge: challenge(verifier()), redirect_uri: 'https://evil.example/cb' }))).status).toBe(400);
    expect((await page(authorizeQuery({ code_challenge: challenge(verifier()), client_id: 'other' }))).status).toBe(400);
    const noPkce = await page(authorizeQuery());
    expect(noPkce.status).toBe(302);
    const to = new URL(noPkce.headers.get('location') ?? '');
    expect([to.searchParams.get('error'), to.searchParams.get('state')]).toEqual(['invalid_request', 'st-1']);
    const html = await (await page(authorizeQuery({ code_challenge: challenge(verifier()), state: '"><script>x</script>' }))).text();
    expect(html).not.toContain('<script>');
  });

  it('holds a service key to its scopes: 403 MISSING_SCOPES naming the scope, in HubSpot’s error shape', async () => {
    expect((await bearer('sk-companies', '/crm/v3/objects/companies?limit=1')).status).toBe(200);
    const refused = await bearer('sk-companies', '/crm/v3/objects/emails?limit=1');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      status: 'error',
      category: 'MISSING_SCOPES',
      errors: [{ context: { requiredGranularScopes: ['crm.objects.contacts.read', 'sales-email-read'] } }],
    });
    expect((await bearer('sk-companies', '/account-info/v3/details')).status).toBe(200);
    expect(await (await bearer('sk-companies', '/account-info/v3/details')).json()).toMatchObject({ portalId: 7654321 });
    // A key is not an OAuth token: no token info; and the demo controls are the portal owner's.
    expect((await fetch(`${crm.url}/oauth/v1/access-tokens/sk-companies`)).status).toBe(404);
    expect((await bearer('sk-companies', '/__demo/whoami')).status).toBe(401);
  });

  it('makes service keys with chosen scopes, and refuses unknown scopes', async () => {
    const made = await crm.api('/__demo/service-keys', { body: { scopes: ['crm.objects.owners.read'] } });
    expect(made.status).toBe(201);
    const { key } = (await made.json()) as { key: string };
    expect((await bearer(key, '/crm/v3/owners?limit=1')).status).toBe(200);
    expect((await bearer(key, '/crm/v3/objects/companies/batch/read')).status).not.toBe(200);
    expect((await crm.api('/__demo/service-keys', { body: { scopes: ['nope'] } })).status).toBe(400);
  });
});
