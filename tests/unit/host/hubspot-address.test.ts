import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConnectionManager, type ConnectionStore } from '../../../src-main/crm/connection';
import { createHubspotUrlSetting } from '../../../src-main/crm/hubspot-url';
import { setup, TOKEN, useCrms } from './connection-harness';

/** Where "Connect HubSpot" goes: the HubSpot API address from Settings or the command line. */
const crms = useCrms();

describe('where "Connect HubSpot" goes (Settings → CRM connection → HubSpot API address)', () => {
  let dataDir: string;
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  /** A host with a data folder and no --hubspot-url: the address comes from Settings. */
  function configurable(opts: { fetch?: typeof fetch; store?: ConnectionStore } = {}) {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-hubspot-url-'));
    const logs: string[] = [];
    const hubspotUrl = createHubspotUrlSetting({ dataDir, log: (l) => logs.push(l) });
    return { ...setup(crms, { ...opts, hubspotUrl }), settingLogs: logs };
  }

  it("is HubSpot's own until Settings names another: the token is checked at api.hubapi.com", async () => {
    const seen: string[] = [];
    const fetchSpy = vi.fn<typeof fetch>(async (url) => {
      seen.push(String(url));
      return new Response('{}', { status: 401 });
    });
    const { dispatch } = configurable({ fetch: fetchSpy });
    expect(await dispatch('crm:hubspotUrl', {})).toEqual({
      ok: true,
      data: { url: 'https://api.hubapi.com', source: 'default', defaultUrl: 'https://api.hubapi.com' },
    });
    expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(seen).toEqual(['https://api.hubapi.com/crm/v3/owners?limit=1']);
  });

  it('the next "Connect HubSpot" checks the token at the saved address and sends every CRM call there', async () => {
    const { dispatch, owners, saved } = configurable();
    expect(await dispatch('crm:setHubspotUrl', { url: `${crms.hubspot.url}/` })).toEqual({
      ok: true,
      data: { url: crms.hubspot.url, source: 'saved', defaultUrl: 'https://api.hubapi.com' },
    });
    expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN })).toEqual({
      ok: true,
      data: { connected: true, kind: 'hubspot', baseUrl: crms.hubspot.url, auth: 'private-app', portalId: 9000001 },
    });
    expect(saved.at(-1)).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url, auth: 'private-app', portalId: 9000001 });
    // The demo CRM playing HubSpot answers with its owners: the token went there.
    expect(await owners()).toMatchObject({
      ok: true,
      data: { status: 200, body: { results: expect.arrayContaining([expect.objectContaining({ email: 'alex.morgan@demo-crm.test' })]) } },
    });
  });

  it('a change does not move a live connection: it applies to the next connect, and a saved connection for the old address is not restored', async () => {
    const { dispatch, store } = configurable();
    await dispatch('crm:setHubspotUrl', { url: crms.hubspot.url });
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await dispatch('crm:setHubspotUrl', { url: 'https://sandbox.example.com/hubspot' })).toMatchObject({
      ok: true,
      data: { url: 'https://sandbox.example.com/hubspot', source: 'saved' },
    });
    expect(await dispatch('crm:status', {})).toEqual({
      ok: true,
      data: { connected: true, kind: 'hubspot', baseUrl: crms.hubspot.url, auth: 'private-app', portalId: 9000001 },
    });

    // A restart: the saved token was checked at the demo CRM, not at the sandbox, so it is not sent there.
    const fetchSpy = vi.fn<typeof fetch>();
    const restarted = createConnectionManager({ store, demo: null, hubspotUrl: createHubspotUrlSetting({ dataDir }), fetch: fetchSpy });
    await restarted.restore();
    expect(restarted.status()).toEqual({ connected: false, kind: null, baseUrl: null });
    expect(fetchSpy).not.toHaveBeenCalled();
    // Back at the old address it is restored as before.
    await restarted.setHubspotUrl(crms.hubspot.url);
    await restarted.restore();
    expect(restarted.status()).toEqual({ connected: true, kind: 'hubspot', baseUrl: crms.hubspot.url, auth: 'private-app', portalId: 9000001 });
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
    await dispatch('crm:setHubspotUrl', { url: crms.hubspot.url });
    const res = await dispatch('crm:setHubspotUrl', input);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    if (!res.ok) expect(res.error.message).toMatch(/^Invalid input for crm:setHubspotUrl: /);
    expect(await dispatch('crm:hubspotUrl', {})).toMatchObject({ ok: true, data: { url: crms.hubspot.url, source: 'saved' } });
    expect(settingLogs).toHaveLength(1);
  });

  it('a host started with --hubspot-url shows it as set by the command line and refuses a change', async () => {
    const { dispatch } = setup(crms, { hubspotBaseUrl: `${crms.hubspot.url}/` });
    expect(await dispatch('crm:hubspotUrl', {})).toEqual({
      ok: true,
      data: { url: crms.hubspot.url, source: 'command-line', defaultUrl: 'https://api.hubapi.com' },
    });
    expect(await dispatch('crm:setHubspotUrl', { url: null })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: expect.stringContaining('--hubspot-url') },
    });
    expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN })).toMatchObject({ ok: true, data: { baseUrl: crms.hubspot.url } });
  });
});
