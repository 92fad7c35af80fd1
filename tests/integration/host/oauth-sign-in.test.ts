import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../src-main/crm/oauth/sign-in';
import { createTokenClient, TokenRejected, type OAuthConfig } from '../../../src-main/crm/oauth/token-client';
import { REQUIRED_SCOPES } from '../../../shared/hubspot/scopes';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';
import { demoBrowser } from '../../support/oauth-browser';

describe('Sign in with HubSpot against the demo CRM (real HTTP, real loopback)', () => {
  let crm: TestDemoCrm;
  let config: OAuthConfig;
  beforeAll(async () => {
    crm = await startTestDemoCrm({ portalId: 5550001 });
    config = {
      clientId: 'cs-workspace-demo',
      scopes: REQUIRED_SCOPES,
      optionalScopes: ['crm.objects.custom.read'],
      authorizeUrl: `${crm.url}/oauth/authorize`,
      tokenUrl: `${crm.url}/oauth/v1/token`,
      tokenExchangeUrl: null,
    };
  });
  afterAll(() => crm.stop());

  it('signs in as the chosen user: identity and portal from token info, tokens refreshable and revocable', async () => {
    const client = createTokenClient({ config, now: Date.now });
    let status = 0;
    const done = await signIn({
      config,
      client,
      apiBaseUrl: crm.url,
      openBrowser: async (url) => {
        expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
        // The browser runs on its own; the sign-in waits for the redirect.
        void demoBrowser(url, '1000003').then((s) => (status = s));
      },
      timeoutMs: 10_000,
    });
    expect(done.info).toEqual({
      userId: '1000003',
      email: 'jordan.lee@demo-crm.test',
      portalId: 5550001,
      scopes: [...REQUIRED_SCOPES, 'crm.objects.custom.read'],
    });
    await expect.poll(() => status).toBe(200);
    const next = await client.refresh(done.tokens.refreshToken);
    expect(next.accessToken).not.toBe(done.tokens.accessToken);
    await client.revoke(crm.url, done.tokens.refreshToken);
    await expect(client.refresh(done.tokens.refreshToken)).rejects.toBeInstanceOf(TokenRejected);
  });

  it('a sign-in whose browser never comes back gives up, and nothing listens afterwards', async () => {
    const client = createTokenClient({ config, now: Date.now });
    let opened = '';
    await expect(
      signIn({
        config,
        client,
        apiBaseUrl: crm.url,
        openBrowser: async (url) => {
          opened = url;
        },
        timeoutMs: 100,
      }),
    ).rejects.toMatchObject({ reason: 'timeout' });
    const redirect = new URL(opened).searchParams.get('redirect_uri') ?? '';
    await expect(fetch(redirect)).rejects.toThrow();
  });
});
