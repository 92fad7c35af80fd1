import { describe, expect, it, vi } from 'vitest';
import { createConnectionManager, memoryConnectionStore, type ConnectionStore } from '../../../src-main/crm/connection';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { createHostHandlers } from '../../../src-main/host/handlers';
import { setup, TOKEN, useCrms, WRONG } from './connection-harness';

/**
 * crm:connect / crm:disconnect, and restoring a saved connection at start, through the one
 * dispatcher both hosts use, against a real demo CRM over HTTP playing HubSpot.
 */
const crms = useCrms();

describe('crm:connect', () => {
  it('starts with no CRM: status says so and CRM calls are refused as NOT_CONNECTED', async () => {
    const { dispatch, owners } = setup(crms);
    expect(await dispatch('crm:status', {})).toEqual({ ok: true, data: { connected: false, kind: null, baseUrl: null } });
    expect(await owners()).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it.each([
    ['an empty token', { kind: 'hubspot', token: '' }],
    ['a token with a space', { kind: 'hubspot', token: 'pat-na1 0c1d2e3f-4a5b' }],
    ['a token with a line break', { kind: 'hubspot', token: `${TOKEN}\n` }],
    ['a token that is not text', { kind: 'hubspot', token: 12345678 }],
    ['a far too long token', { kind: 'hubspot', token: 'a'.repeat(513) }],
    ['no token at all', { kind: 'hubspot' }],
    ['an unknown kind', { kind: 'salesforce', token: TOKEN }],
    ['an extra field', { kind: 'hubspot', token: TOKEN, baseUrl: 'https://evil.example' }],
    ['a token for the demo CRM', { kind: 'demo', token: TOKEN }],
  ])('refuses %s with a clear error and changes nothing', async (_name, input) => {
    const { dispatch, saved, startDemo } = setup(crms);
    const res = await dispatch('crm:connect', input);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).toMatch(/^Invalid input for crm:connect: /);
    // The value typed is never repeated back.
    expect(JSON.stringify(res)).not.toContain(TOKEN);
    expect(JSON.stringify(res)).not.toContain('0c1d2e3f');
    expect(saved).toEqual([]);
    expect(startDemo).not.toHaveBeenCalled();
    expect(await dispatch('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
  });

  it('says which rule a malformed token breaks', async () => {
    const { dispatch } = setup(crms);
    const spaced = await dispatch('crm:connect', { kind: 'hubspot', token: 'pat na1 token' });
    expect(spaced.ok ? '' : spaced.error.message).toContain('no spaces or line breaks');
    const short = await dispatch('crm:connect', { kind: 'hubspot', token: 'pat' });
    expect(short.ok ? '' : short.error.message).toContain('too short');
  });

  it('checks the token against the CRM before keeping it: a wrong one is refused and the old connection stays', async () => {
    const { dispatch, saved, owners, logs } = setup(crms);
    expect(await dispatch('crm:connect', { kind: 'demo' })).toMatchObject({ ok: true, data: { connected: true, kind: 'demo' } });
    saved.length = 0;

    const res = await dispatch('crm:connect', { kind: 'hubspot', token: WRONG });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    if (!res.ok) expect(res.error.message).toContain('401');
    expect(JSON.stringify(res)).not.toContain(WRONG);
    expect(saved).toEqual([]);
    expect(await dispatch('crm:status', {})).toEqual({ ok: true, data: { connected: true, kind: 'demo', baseUrl: crms.demo.url } });
    expect(await owners()).toMatchObject({ ok: true, data: { status: 200 } });
    expect(logs.join('\n')).not.toContain(WRONG);
  });

  it('connects with the right token, uses it for CRM calls, and never returns or logs it', async () => {
    const { dispatch, saved, owners, logs, store } = setup(crms);
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toEqual({ ok: true, data: { connected: true, kind: 'hubspot', baseUrl: crms.hubspot.url, auth: 'private-app', portalId: 9000001 } });
    // Kept with the address it was checked against: the token is only ever sent there.
    expect(saved).toEqual([{ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url, portalId: 9000001, auth: 'private-app' }]);
    expect(store.load()).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url, auth: 'private-app', portalId: 9000001 });

    const status = await dispatch('crm:status', {});
    const request = await owners();
    expect(request).toMatchObject({ ok: true, data: { status: 200 } });
    const whoami = await dispatch('crm:whoami', {});
    for (const answer of [res, status, request, whoami]) expect(JSON.stringify(answer)).not.toContain(TOKEN);
    expect(logs).toContain(`connected to HubSpot at ${crms.hubspot.url}`);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('says NETWORK and changes nothing when HubSpot cannot be reached', async () => {
    const { dispatch, saved } = setup(crms, { hubspotBaseUrl: 'http://127.0.0.1:9' });
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(JSON.stringify(res)).not.toContain(TOKEN);
    expect(saved).toEqual([]);
    expect(await dispatch('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
  });

  it('refuses an address that answers, but not like HubSpot, and changes nothing', async () => {
    const page = vi.fn<typeof fetch>(
      async () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const { dispatch, saved } = setup(crms, { hubspotBaseUrl: 'https://proxy.example', fetch: page });
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK', message: expect.stringContaining('does not answer like HubSpot') } });
    expect(String(page.mock.calls[0]?.[0])).toBe('https://proxy.example/crm/v3/owners?limit=1');
    expect(saved).toEqual([]);
    expect(await dispatch('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
  });

  it('refuses when the token cannot be kept safely, and stays as it was', async () => {
    const failing: ConnectionStore = {
      load: () => null,
      save: () => {
        throw new Error('Secure storage is not available on this system, so the CRM token cannot be saved.');
      },
    };
    const { dispatch, logs } = setup(crms, { store: failing });
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Secure storage is not available') } });
    expect(await dispatch('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('connects to the demo CRM its launcher starts, and keeps the choice', async () => {
    const { dispatch, startDemo, saved } = setup(crms);
    await dispatch('crm:connect', { kind: 'demo' });
    await dispatch('crm:connect', { kind: 'demo' });
    expect(startDemo).toHaveBeenCalledTimes(2);
    expect(saved).toEqual([{ kind: 'demo' }, { kind: 'demo' }]);
    expect(await dispatch('crm:status', {})).toEqual({ ok: true, data: { connected: true, kind: 'demo', baseUrl: crms.demo.url } });
  });
});

describe('restoring a saved connection at start', () => {
  it('already says "connected" while the demo CRM is still starting, so a returning user never sees the first-run screen', async () => {
    let up: (crm: { url: string; token: string }) => void = () => {};
    const starting = new Promise<{ url: string; token: string }>((resolve) => (up = resolve));
    const connections = createConnectionManager({ store: memoryConnectionStore({ kind: 'demo' }), demo: { start: () => starting } });
    const restored = connections.restore();
    expect(connections.status()).toEqual({ connected: true, kind: 'demo', baseUrl: null });
    // Calls made meanwhile are refused plainly (NOT_CONNECTED), not sent anywhere.
    expect(connections.current()).toBeNull();
    up({ url: crms.demo.url, token: crms.demo.token });
    await restored;
    expect(connections.status()).toEqual({ connected: true, kind: 'demo', baseUrl: crms.demo.url });
  });

  it('a saved HubSpot token is used again without a check (the app must start offline)', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const connections = createConnectionManager({
      store: memoryConnectionStore({ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url }),
      demo: null,
      hubspotBaseUrl: crms.hubspot.url,
      fetch: fetchSpy,
    });
    await connections.restore();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(connections.status()).toEqual({ connected: true, kind: 'hubspot', baseUrl: crms.hubspot.url });
    expect(connections.current()?.token).toBe(TOKEN);
  });

  it('a demo CRM that fails to start leaves the app not connected', async () => {
    const connections = createConnectionManager({
      store: memoryConnectionStore({ kind: 'demo' }),
      demo: { start: () => Promise.reject(new Error('port in use')) },
    });
    await expect(connections.restore()).rejects.toThrow('The demo CRM did not start: port in use');
    expect(connections.status()).toEqual({ connected: false, kind: null, baseUrl: null });
  });
});

describe('crm:disconnect', () => {
  it('forgets the connection and its token; CRM calls are refused afterwards', async () => {
    const { dispatch, store, owners } = setup(crms);
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await dispatch('crm:disconnect', {})).toEqual({ ok: true, data: { connected: false, kind: null, baseUrl: null } });
    expect(store.load()).toBeNull();
    expect(await owners()).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('takes no input', async () => {
    const { dispatch } = setup(crms);
    expect(await dispatch('crm:disconnect', { everything: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is refused by a host tied to one CRM', async () => {
    const handlers = createHostHandlers({
      appInfo: () => ({ name: 'CS Workspace', version: '0.0.0', platform: 'linux', host: 'web', locale: 'en' }),
      crm: createCrmGateway({ connection: { current: () => ({ kind: 'demo', baseUrl: crms.demo.url, token: crms.demo.token }) } }),
      notifier: { show: async () => true },
      opener: { open: async () => {} },
      network: { isOnline: () => true },
    });
    const dispatch = createDispatcher(handlers);
    expect(await dispatch('crm:disconnect', {})).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await dispatch('crm:connect', { kind: 'demo' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});
