import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../shared/contract';
import { createConnectionManager, memoryConnectionStore } from '../../../src-main/crm/connection';
import { memoryPortalStore } from '../../../src-main/crm/portals';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';
import { connectionDispatcher } from '../../support/connection-dispatcher';
import { startPortalProxy, type PortalProxy } from '../../support/portal-proxy';

/**
 * Two HubSpot portals at one address (the token decides the portal, as at api.hubapi.com):
 * the host keeps one credential per connected portal, switches between them with
 * `crm:switchPortal` without a new sign-in, and Disconnect forgets only the current one.
 */
const TOKEN_A = 'pat-na1-aaaaaaaa-1111-2222-3333-444444444444';
const TOKEN_B = 'pat-na1-bbbbbbbb-1111-2222-3333-444444444444';
let a: TestDemoCrm;
let b: TestDemoCrm;
let proxy: PortalProxy;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestDemoCrm({ token: TOKEN_A, portalId: 9000001 }), startTestDemoCrm({ token: TOKEN_B, portalId: 9000002 })]);
  proxy = await startPortalProxy([
    { name: 'a', url: a.url, token: TOKEN_A },
    { name: 'b', url: b.url, token: TOKEN_B },
  ]);
});
afterAll(async () => {
  await proxy.stop();
  await Promise.all([a.stop(), b.stop()]);
});

function setup() {
  const store = memoryConnectionStore();
  const portals = memoryPortalStore();
  const connections = createConnectionManager({ store, portals, demo: null, hubspotBaseUrl: proxy.url });
  const dispatch = connectionDispatcher(connections);
  /** Which portal a CRM call reaches now. */
  const reached = async () => {
    const before = { ...proxy.served };
    expect(await dispatch('crm:request', { method: 'GET', path: '/crm/v3/owners' })).toMatchObject({ ok: true });
    return (proxy.served.a ?? 0) > (before.a ?? 0) ? 'a' : (proxy.served.b ?? 0) > (before.b ?? 0) ? 'b' : 'none';
  };
  return { dispatch, store, portals, reached };
}

async function connectBoth(dispatch: ReturnType<typeof setup>['dispatch']) {
  expect(await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN_A })).toMatchObject({ ok: true, data: { portalId: 9000001 } });
  return dispatch('crm:connect', { kind: 'hubspot', token: TOKEN_B });
}

describe('one credential per HubSpot portal', () => {
  it('connecting a second portal adds it: both listed, B current, A’s credential kept for a switch back', async () => {
    const { dispatch, portals, reached } = setup();
    const res = await connectBoth(dispatch);
    expect(res).toMatchObject({
      ok: true,
      data: {
        connected: true,
        portalId: 9000002,
        portals: [
          { portalId: 9000002, current: true, auth: 'private-app', email: null },
          { portalId: 9000001, current: false, auth: 'private-app', email: null },
        ],
      },
    });
    expect(portals.list()).toEqual([expect.objectContaining({ portalId: 9000001, token: TOKEN_A, baseUrl: proxy.url })]);
    expect(await reached()).toBe('b');
  });

  it('crm:switchPortal makes the kept portal current with its own credential, no new sign-in, and back again', async () => {
    const { dispatch, store, reached } = setup();
    await connectBoth(dispatch);
    const toA = await dispatch('crm:switchPortal', { portalId: 9000001 });
    expect(toA).toMatchObject({
      ok: true,
      data: {
        portalId: 9000001,
        portals: [
          { portalId: 9000001, current: true },
          { portalId: 9000002, current: false },
        ],
      },
    });
    expect(store.load()).toMatchObject({ kind: 'hubspot', token: TOKEN_A, portalId: 9000001 });
    expect(await reached()).toBe('a');
    expect(await dispatch('crm:switchPortal', { portalId: 9000002 })).toMatchObject({ ok: true, data: { portalId: 9000002 } });
    expect(await reached()).toBe('b');
    // Switching to the current portal changes nothing.
    expect(await dispatch('crm:switchPortal', { portalId: 9000002 })).toMatchObject({ ok: true, data: { portalId: 9000002 } });
  });

  it.each([
    ['no portal id', {}],
    ['a portal id that is text', { portalId: '9000001' }],
    ['a negative portal id', { portalId: -9000001 }],
    ['a fractional portal id', { portalId: 9000001.5 }],
    ['an extra field', { portalId: 9000001, token: TOKEN_A }],
  ])('refuses %s with a clear error and changes nothing', async (_name, input) => {
    const { dispatch, reached } = setup();
    await connectBoth(dispatch);
    const before = await dispatch('crm:status', {});
    const res = await dispatch('crm:switchPortal', input);
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!res.ok) expect(res.error.message).toMatch(/^Invalid input for crm:switchPortal: /);
    expect(await dispatch('crm:status', {})).toEqual(before);
    expect(await reached()).toBe('b');
  });

  it('refuses a portal that is not connected here, naming it, and changes nothing', async () => {
    const { dispatch, reached } = setup();
    await connectBoth(dispatch);
    const before = await dispatch('crm:status', {});
    const res = await dispatch('crm:switchPortal', { portalId: 4242 });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('No HubSpot portal 4242 is connected') } });
    expect(await dispatch('crm:status', {})).toEqual(before);
    expect(await reached()).toBe('b');
  });

  it('Disconnect forgets only the current portal’s credential; the other connected portal takes over', async () => {
    const { dispatch, store, portals, reached } = setup();
    await connectBoth(dispatch);
    const res = await dispatch('crm:disconnect', {});
    expect(res).toMatchObject({ ok: true, data: { connected: true, portalId: 9000001 } });
    // One portal left: nothing to switch to, so no list.
    expect(res.ok && (res.data as CallOutput<'crm:status'>).portals).toBeUndefined();
    expect(JSON.stringify([store.load(), portals.list()])).not.toContain(TOKEN_B);
    expect(await reached()).toBe('a');
    expect(await dispatch('crm:disconnect', {})).toMatchObject({ ok: true, data: { connected: false } });
    expect([store.load(), portals.list()]).toEqual([null, []]);
  });

  it('a request sent for another portal than the current one (a window still on its data) is refused, and nothing reaches either portal', async () => {
    const { dispatch } = setup();
    await connectBoth(dispatch);
    const before = { ...proxy.served };
    const res = await dispatch('crm:request', { method: 'GET', path: '/crm/v3/owners', portalId: 9000001 });
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED', message: expect.stringContaining('portal 9000001') } });
    expect(proxy.served).toEqual(before);
    expect(await dispatch('crm:request', { method: 'GET', path: '/crm/v3/owners', portalId: 9000002 })).toMatchObject({ ok: true });
  });

  it('reconnecting the current portal does not list it twice', async () => {
    const { dispatch } = setup();
    await connectBoth(dispatch);
    const res = await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN_B });
    expect(res.ok && (res.data as CallOutput<'crm:status'>).portals?.map((p) => p.portalId)).toEqual([9000002, 9000001]);
  });
});
