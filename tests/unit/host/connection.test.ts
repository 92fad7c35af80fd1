import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConnectionManager, memoryConnectionStore, type ConnectionStore, type SavedConnection } from '../../../src-main/crm/connection';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { createHubspotUrlSetting, type HubspotUrlSetting } from '../../../src-main/crm/hubspot-url';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { createHostHandlers } from '../../../src-main/host/handlers';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

/**
 * crm:connect / crm:disconnect through the one dispatcher both hosts use, against a real
 * demo CRM over HTTP playing HubSpot (its token is the "private-app token").
 */
const TOKEN = 'pat-na1-0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5';
const WRONG = 'pat-na1-ffffffff-0000-0000-0000-000000000000';

let hubspot: TestDemoCrm;
let demo: TestDemoCrm;
beforeAll(async () => {
  [hubspot, demo] = await Promise.all([startTestDemoCrm({ token: TOKEN }), startTestDemoCrm()]);
});
afterAll(async () => {
  await Promise.all([hubspot.stop(), demo.stop()]);
});

function setup(opts: { store?: ConnectionStore; hubspotBaseUrl?: string; hubspotUrl?: HubspotUrlSetting; fetch?: typeof fetch } = {}) {
  const logs: string[] = [];
  const saved: Array<SavedConnection | null> = [];
  const inner = opts.store ?? memoryConnectionStore();
  const store: ConnectionStore = {
    load: () => inner.load(),
    save: (c) => {
      inner.save(c);
      saved.push(c);
    },
  };
  const startDemo = vi.fn(async () => ({ url: demo.url, token: demo.token }));
  const log = (line: string) => logs.push(line);
  const connections = createConnectionManager({
    store,
    demo: { start: startDemo },
    ...(opts.hubspotUrl ? { hubspotUrl: opts.hubspotUrl } : { hubspotBaseUrl: opts.hubspotBaseUrl ?? hubspot.url }),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    log,
  });
  const handlers = createHostHandlers({
    appInfo: () => ({ name: 'CS Workspace', version: '0.0.0', platform: 'linux', host: 'web', locale: 'en' }),
    crm: createCrmGateway({ connection: connections, maxAttempts: 1 }),
    connections,
    notifier: { show: async () => true },
    opener: { open: async () => {} },
    network: { isOnline: () => true },
  });
  const dispatch = createDispatcher(handlers, log);
  const owners = () => dispatch('crm:request', { method: 'GET', path: '/crm/v3/owners' });
  return { dispatch, logs, saved, store: inner, startDemo, owners };
}

describe('crm:connect', () => {
  it('starts with no CRM: status says so and CRM calls are refused as NOT_CONNECTED', async () => {
    const { dispatch, owners } = setup();
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
    const { dispatch, saved, startDemo } = setup();
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
    const { dispatch } = setup();
    const spaced = await dispatch('crm:connect', { kind: 'hubspot', token: 'pat na1 token' });
    expect(spaced.ok ? '' : spaced.error.message).toContain('no spaces or line breaks');
    const short = await dispatch('crm:connect', { kind: 'hubspot', token: 'pat' });
    expect(short.ok ? '' : short.error.message).toContain('too short');
  });

  it('checks the token against the CRM before keeping it: a wrong one is refused and the old connection stays', async () => {
    const { dispatch, saved, owners, logs } = setup();
    expect(await dispatch('crm:connect', { kind: 'demo' })).toMatchObject({ ok: true, data: { connected: true, kind: 'demo' } });
    saved.length = 0;

    const res = await dispatch('crm:connect', { kind: 'hubspot', token: WRONG });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    if (!res.ok) expect(res.error.message).toContain('401');
    expect(JSON.stringify(res)).not.toContain(WRONG);
    expect(saved).toEqual([]);
    expect(await dispatch('crm:status', {})).toEqual({ ok: true, data: { connected: true, kind: 'demo', baseUrl: demo.url } });
    expect(await owners()).toMatchObject({ ok: true, data: { status: 200 } });
    expect(logs.join('\n')).not.toContain(WRONG);
  });

  it('connects with the right token, uses it for CRM calls, and never returns or logs it', async () => {
    const { dispatch, saved, owners, logs, store } = setup();
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toEqual({ ok: true, data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url } });
    // Kept with the address it was checked against: the token is only ever sent there.
    expect(saved).toEqual([{ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url }]);
    expect(store.load()).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url });

    const status = await dispatch('crm:status', {});
    const request = await owners();
    expect(request).toMatchObject({ ok: true, data: { status: 200 } });
    const whoami = await dispatch('crm:whoami', {});
    for (const answer of [res, status, request, whoami]) expect(JSON.stringify(answer)).not.toContain(TOKEN);
    expect(logs).toContain(`connected to HubSpot at ${hubspot.url}`);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('says NETWORK and changes nothing when HubSpot cannot be reached', async () => {
    const { dispatch, saved } = setup({ hubspotBaseUrl: 'http://127.0.0.1:9' });
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toMatchObject({ ok: false, error: { code: 'NETWORK' } });
    expect(JSON.stringify(res)).not.toContain(TOKEN);
    expect(saved).toEqual([]);
    expect(await dispatch('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
  });

  it('refuses an address that answers, but not like HubSpot, and changes nothing', async () => {
    const page = vi.fn<typeof fetch>(async () => new Response('<!doctype html><title>Sign in</title>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const { dispatch, saved } = setup({ hubspotBaseUrl: 'https://proxy.example', fetch: page });
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
    const { dispatch, logs } = setup({ store: failing });
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('Secure storage is not available') } });
    expect(await dispatch('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('connects to the demo CRM its launcher starts, and keeps the choice', async () => {
    const { dispatch, startDemo, saved } = setup();
    await dispatch('crm:connect', { kind: 'demo' });
    await dispatch('crm:connect', { kind: 'demo' });
    expect(startDemo).toHaveBeenCalledTimes(2);
    expect(saved).toEqual([{ kind: 'demo' }, { kind: 'demo' }]);
    expect(await dispatch('crm:status', {})).toEqual({ ok: true, data: { connected: true, kind: 'demo', baseUrl: demo.url } });
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
    up({ url: demo.url, token: demo.token });
    await restored;
    expect(connections.status()).toEqual({ connected: true, kind: 'demo', baseUrl: demo.url });
  });

  it('a saved HubSpot token is used again without a check (the app must start offline)', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const connections = createConnectionManager({
      store: memoryConnectionStore({ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url }),
      demo: null,
      hubspotBaseUrl: hubspot.url,
      fetch: fetchSpy,
    });
    await connections.restore();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(connections.status()).toEqual({ connected: true, kind: 'hubspot', baseUrl: hubspot.url });
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
    const { dispatch, store, owners } = setup();
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await dispatch('crm:disconnect', {})).toEqual({ ok: true, data: { connected: false, kind: null, baseUrl: null } });
    expect(store.load()).toBeNull();
    expect(await owners()).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('takes no input', async () => {
    const { dispatch } = setup();
    expect(await dispatch('crm:disconnect', { everything: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('is refused by a host tied to one CRM', async () => {
    const handlers = createHostHandlers({
      appInfo: () => ({ name: 'CS Workspace', version: '0.0.0', platform: 'linux', host: 'web', locale: 'en' }),
      crm: createCrmGateway({ connection: { current: () => ({ kind: 'demo', baseUrl: demo.url, token: demo.token }) } }),
      notifier: { show: async () => true },
      opener: { open: async () => {} },
      network: { isOnline: () => true },
    });
    const dispatch = createDispatcher(handlers);
    expect(await dispatch('crm:disconnect', {})).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await dispatch('crm:connect', { kind: 'demo' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});

describe('crm:whoami and crm:setUser ("Who are you?")', () => {
  it('HubSpot: nobody is signed in until the user picks themselves; the pick resolves the owner and is kept with the connection', async () => {
    const { dispatch, store, saved } = setup();
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    // A private-app token belongs to the app, not to a user.
    expect(await dispatch('crm:whoami', {})).toEqual({ ok: true, data: null });

    const sam = { userId: '1000002', ownerId: '60000002', email: 'sam.kowalski@demo-crm.test' };
    expect(await dispatch('crm:setUser', { userId: '1000002' })).toEqual({ ok: true, data: sam });
    expect(await dispatch('crm:whoami', {})).toEqual({ ok: true, data: sam });
    expect(store.load()).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url, user: sam });
    expect(saved.at(-1)).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url, user: sam });
    // The owner id really is that user's owner in the CRM.
    const owner = await dispatch('crm:request', { method: 'GET', path: '/crm/v3/owners/60000002' });
    expect(owner).toMatchObject({ ok: true, data: { status: 200, body: { userId: 1000002 } } });
  });

  it.each([
    ['no user id', {}],
    ['a user id that is not digits', { userId: 'alex@example.com' }],
    ['a number instead of text', { userId: 1000002 }],
    ['an empty id', { userId: '' }],
    ['a path in the id', { userId: '1000002/../x' }],
    ['an extra field', { userId: '1000002', ownerId: '1' }],
  ])('refuses %s at the contract, and nothing changes', async (_name, input) => {
    const { dispatch, store } = setup();
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    await dispatch('crm:setUser', { userId: '1000003' });
    const before = store.load();
    const res = await dispatch('crm:setUser', input);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).toMatch(/^Invalid input for crm:setUser: /);
    expect(store.load()).toEqual(before);
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000003' } });
  });

  it('refuses a user the CRM does not know, with a clear error, and keeps the previous user', async () => {
    const { dispatch, store } = setup();
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    await dispatch('crm:setUser', { userId: '1000004' });
    const before = store.load();
    expect(await dispatch('crm:setUser', { userId: '999' })).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'The CRM has no user 999; nothing was changed.' },
    });
    expect(store.load()).toEqual(before);
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000004' } });
  });

  it('is refused before a CRM is connected', async () => {
    const { dispatch } = setup();
    expect(await dispatch('crm:setUser', { userId: '1000002' })).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('a new token asks again, and Disconnect forgets the user', async () => {
    const { dispatch } = setup();
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    await dispatch('crm:setUser', { userId: '1000002' });
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await dispatch('crm:whoami', {})).toEqual({ ok: true, data: null });
    await dispatch('crm:setUser', { userId: '1000002' });
    await dispatch('crm:disconnect', {});
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('a saved user comes back with the saved token at start, without asking the CRM', async () => {
    const fetchSpy = vi.fn<typeof fetch>();
    const user = { userId: '1000005', ownerId: '60000005', email: 'taylor.brooks@demo-crm.test' };
    const connections = createConnectionManager({
      store: memoryConnectionStore({ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url, user }),
      demo: null,
      hubspotBaseUrl: hubspot.url,
      fetch: fetchSpy,
    });
    await connections.restore();
    const gateway = createCrmGateway({ connection: connections, fetch: fetchSpy });
    expect(await gateway.whoami()).toEqual(user);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('the demo CRM: its signed-in user (default Alex Morgan) is the answer, and picking switches it at the demo CRM', async () => {
    const { dispatch, saved } = setup();
    await dispatch('crm:connect', { kind: 'demo' });
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000001', email: 'alex.morgan@demo-crm.test' } });
    expect(await dispatch('crm:setUser', { userId: '1000006' })).toEqual({
      ok: true,
      data: { userId: '1000006', ownerId: '60000006', email: 'riley.chen@demo-crm.test' },
    });
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000006' } });
    // The demo CRM's own act-as control agrees (it is the one source of the demo's user).
    expect(await (await demo.api('/__demo/whoami')).json()).toMatchObject({ userId: '1000006' });
    expect(await dispatch('crm:setUser', { userId: '999' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000006' } });
    // Nothing of the demo's user is saved with the connection.
    expect(saved).toEqual([{ kind: 'demo' }]);
    await dispatch('crm:setUser', { userId: '1000001' });
  });
});

describe('where "Connect HubSpot" goes (Settings → CRM connection → HubSpot API address)', () => {
  let dataDir: string;
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  /** A host with a data folder and no --hubspot-url: the address comes from Settings. */
  function configurable(opts: { fetch?: typeof fetch; store?: ConnectionStore } = {}) {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-hubspot-url-'));
    const logs: string[] = [];
    const hubspotUrl = createHubspotUrlSetting({ dataDir, log: (l) => logs.push(l) });
    return { ...setup({ ...opts, hubspotUrl }), settingLogs: logs };
  }

  it('is HubSpot\'s own until Settings names another: the token is checked at api.hubapi.com', async () => {
    const seen: string[] = [];
    const fetchSpy = vi.fn<typeof fetch>(async (url) => {
      seen.push(String(url));
      return new Response('{}', { status: 401 });
    });
    const { dispatch } = configurable({ fetch: fetchSpy });
    expect(await dispatch('crm:hubspotUrl', {})).toEqual({ ok: true, data: { url: 'https://api.hubapi.com', source: 'default', defaultUrl: 'https://api.hubapi.com' } });
    expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(seen).toEqual(['https://api.hubapi.com/crm/v3/owners?limit=1']);
  });

  it('the next "Connect HubSpot" checks the token at the saved address and sends every CRM call there', async () => {
    const { dispatch, owners, saved } = configurable();
    expect(await dispatch('crm:setHubspotUrl', { url: `${hubspot.url}/` })).toEqual({
      ok: true,
      data: { url: hubspot.url, source: 'saved', defaultUrl: 'https://api.hubapi.com' },
    });
    expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN })).toEqual({ ok: true, data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url } });
    expect(saved.at(-1)).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: hubspot.url });
    // The demo CRM playing HubSpot answers with its owners: the token went there.
    expect(await owners()).toMatchObject({ ok: true, data: { status: 200, body: { results: expect.arrayContaining([expect.objectContaining({ email: 'alex.morgan@demo-crm.test' })]) } } });
  });

  it('a change does not move a live connection: it applies to the next connect, and a saved connection for the old address is not restored', async () => {
    const { dispatch, store } = configurable();
    await dispatch('crm:setHubspotUrl', { url: hubspot.url });
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await dispatch('crm:setHubspotUrl', { url: 'https://sandbox.example.com/hubspot' })).toMatchObject({ ok: true, data: { url: 'https://sandbox.example.com/hubspot', source: 'saved' } });
    expect(await dispatch('crm:status', {})).toEqual({ ok: true, data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url } });

    // A restart: the saved token was checked at the demo CRM, not at the sandbox, so it is not sent there.
    const fetchSpy = vi.fn<typeof fetch>();
    const restarted = createConnectionManager({ store, demo: null, hubspotUrl: createHubspotUrlSetting({ dataDir }), fetch: fetchSpy });
    await restarted.restore();
    expect(restarted.status()).toEqual({ connected: false, kind: null, baseUrl: null });
    expect(fetchSpy).not.toHaveBeenCalled();
    // Back at the old address it is restored as before.
    await restarted.setHubspotUrl(hubspot.url);
    await restarted.restore();
    expect(restarted.status()).toEqual({ connected: true, kind: 'hubspot', baseUrl: hubspot.url });
  });

  it.each([
    ['plain http to another computer', { url: 'http://crm.example.com' }, 'plain http:// is allowed only for this computer'],
    ['plain http to a LAN address', { url: 'http://192.168.1.20:4010' }, 'plain http:// is allowed only for this computer'],
    ['credentials', { url: 'https://user:pw@crm.example.com' }, 'user name or password'],
    ['a query', { url: 'https://crm.example.com?hapikey=1' }, 'query'],
    ['a fragment', { url: 'https://crm.example.com/#x' }, 'fragment'],
    ['another scheme', { url: 'ftp://crm.example.com' }, 'must start with https://'],
    ['a relative address', { url: '/crm' }, 'absolute address'],
    ['an empty address', { url: '' }, 'empty'],
    ['a number', { url: 4010 }, 'url must be text'],
    ['no address at all', {}, 'url'],
    ['an extra field', { url: 'https://crm.example.com', token: TOKEN }, 'token'],
  ])('refuses %s at the contract with a clear error; nothing changes', async (_name, input, message) => {
    const { dispatch, settingLogs } = configurable();
    await dispatch('crm:setHubspotUrl', { url: hubspot.url });
    const res = await dispatch('crm:setHubspotUrl', input);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    if (!res.ok) expect(res.error.message).toMatch(/^Invalid input for crm:setHubspotUrl: /);
    expect(await dispatch('crm:hubspotUrl', {})).toMatchObject({ ok: true, data: { url: hubspot.url, source: 'saved' } });
    expect(settingLogs).toHaveLength(1);
  });

  it('a host started with --hubspot-url shows it as set by the command line and refuses a change', async () => {
    const { dispatch } = setup({ hubspotBaseUrl: `${hubspot.url}/` });
    expect(await dispatch('crm:hubspotUrl', {})).toEqual({ ok: true, data: { url: hubspot.url, source: 'command-line', defaultUrl: 'https://api.hubapi.com' } });
    expect(await dispatch('crm:setHubspotUrl', { url: null })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('--hubspot-url') } });
    expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN })).toMatchObject({ ok: true, data: { baseUrl: hubspot.url } });
  });
});
