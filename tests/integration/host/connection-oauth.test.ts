import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingScopesOf } from '../../../shared/hubspot/scopes';
import { createConnectionManager, memoryConnectionStore } from '../../../src-main/crm/connection';
import { oauthConfigFor } from '../../../src-main/crm/oauth/config';
import type { SessionClock } from '../../../src-main/crm/oauth/session';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';
import { demoBrowser, SCOPES_WITHOUT_EMAILS } from '../../support/oauth-browser';

/** Real time for the token expiry, hand-fired timers for the refresh. */
function manualTimers(): SessionClock & { fire(): void } {
  const due: (() => void)[] = [];
  return { now: Date.now, setTimeout: (fn) => due.push(fn), clearTimeout: () => {}, fire: () => due.splice(0).forEach((f) => f()) };
}

describe('the connection manager with OAuth and keys (demo CRM as HubSpot)', () => {
  let hubspot: TestDemoCrm;
  beforeAll(async () => {
    hubspot = await startTestDemoCrm({
      portalId: 4242,
      serviceKeys: [{ key: 'sk-no-emails', scopes: SCOPES_WITHOUT_EMAILS }],
    });
  });
  afterAll(() => hubspot.stop());

  /** `browser.user`: who the test's browser signs in as (Priya Nair unless changed). */
  const manager = (clock: SessionClock, logs: string[] = [], store = memoryConnectionStore(), browser = { user: '1000004' }) =>
    createConnectionManager({
      store,
      demo: null,
      hubspotBaseUrl: hubspot.url,
      oauth: {
        config: (base) => oauthConfigFor({ clientId: 'cs-workspace-demo' }, base),
        openBrowser: async (url) => void demoBrowser(url, browser.user),
        clock,
      },
      log: (l) => logs.push(l),
    });

  it('signs in: the user and portal come from the token, no picker; refreshes; a revoked grant signs out and keeps the connection; disconnect revokes', async () => {
    const clock = manualTimers();
    const logs: string[] = [];
    const store = memoryConnectionStore();
    const m = manager(clock, logs, store);
    expect(m.status()).toMatchObject({ connected: false, oauthAvailable: true });
    const status = await m.connect({ kind: 'hubspot-oauth' });
    expect(status).toMatchObject({ connected: true, kind: 'hubspot', auth: 'oauth', portalId: 4242 });
    expect(m.identity()).toEqual({ userId: '1000004', ownerId: '60000004', email: 'priya.nair@demo-crm.test' });
    const token = m.current()?.token ?? '';
    expect(JSON.stringify(status)).not.toContain(token);
    await expect(m.setUser('1000001')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });

    // A refresh gives a new access token, which CRM calls then carry.
    clock.fire();
    await expect.poll(() => m.current()?.token).not.toBe(token);
    // Revoked at HubSpot (an admin, another device): the next refresh is refused → signed out, still connected (the queue waits).
    const saved = store.load();
    const refresh = saved?.kind === 'hubspot' ? (saved.oauth?.refreshToken ?? '') : '';
    expect((await fetch(`${hubspot.url}/oauth/v1/refresh-tokens/${refresh}`, { method: 'DELETE' })).status).toBe(204);
    clock.fire();
    await expect.poll(() => m.status().signedOut).toBe(true);
    expect(m.status()).toMatchObject({ connected: true, auth: 'oauth' });
    // Disconnect revokes the grant of a live sign-in.
    const other = memoryConnectionStore();
    const m2 = manager(manualTimers(), [], other);
    await m2.connect({ kind: 'hubspot-oauth' });
    const rt = (() => {
      const o = other.load();
      return o?.kind === 'hubspot' ? (o.oauth?.refreshToken ?? '') : '';
    })();
    await m2.disconnect();
    expect((await fetch(`${hubspot.url}/oauth/v1/refresh-tokens/${rt}`)).status).toBe(404);
    expect(logs.join('\n')).not.toContain(token);
  });

  it('signing in again after a sign-out takes only the same person: someone else is refused and the signed-out connection stays', async () => {
    const clock = manualTimers();
    const store = memoryConnectionStore();
    const browser = { user: '1000004' };
    const m = manager(clock, [], store, browser);
    await m.connect({ kind: 'hubspot-oauth' });
    const saved = store.load();
    const refresh = saved?.kind === 'hubspot' ? (saved.oauth?.refreshToken ?? '') : '';
    await fetch(`${hubspot.url}/oauth/v1/refresh-tokens/${refresh}`, { method: 'DELETE' });
    clock.fire();
    await expect.poll(() => m.status().signedOut).toBe(true);

    browser.user = '1000003';
    await expect(m.connect({ kind: 'hubspot-oauth', again: true })).rejects.toMatchObject({
      code: 'NOT_ALLOWED',
      message:
        "You signed in as jordan.lee@demo-crm.test, but the edits waiting here are priya.nair@demo-crm.test's. Sign in as priya.nair@demo-crm.test. Nothing was changed.",
    });
    expect(m.status()).toMatchObject({ connected: true, auth: 'oauth', signedOut: true });
    expect(m.identity()?.userId).toBe('1000004');

    browser.user = '1000004';
    expect(await m.connect({ kind: 'hubspot-oauth', again: true })).toMatchObject({ connected: true, auth: 'oauth', portalId: 4242 });
    expect(m.status().signedOut).toBeUndefined();
    expect(m.identity()?.userId).toBe('1000004');
  });

  it('refuses a service key without the emails read scope, naming it; nothing changes', async () => {
    const m = manager(manualTimers());
    await expect(m.connect({ kind: 'hubspot', token: 'sk-no-emails' })).rejects.toSatisfy(
      (e: Error) => missingScopesOf(e.message)?.join() === 'sales-email-read',
    );
    expect(m.status()).toMatchObject({ connected: false });
  });

  it('a key with every scope is labelled and records its portal', async () => {
    const m = manager(manualTimers());
    expect(await m.connect({ kind: 'hubspot', token: hubspot.token })).toMatchObject({ connected: true, auth: 'service-key', portalId: 4242 });
    expect(m.identity()).toBeNull();
  });
});
