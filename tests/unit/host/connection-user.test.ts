import { describe, expect, it, vi } from 'vitest';
import { createConnectionManager, memoryConnectionStore } from '../../../src-main/crm/connection';
import { createCrmGateway } from '../../../src-main/crm/gateway';
import { setup, TOKEN, useCrms } from './connection-harness';

/** "Who are you?": crm:whoami and crm:setUser against HubSpot's stand-in and the demo CRM. */
const crms = useCrms();

describe('crm:whoami and crm:setUser ("Who are you?")', () => {
  it('HubSpot: nobody is signed in until the user picks themselves; the pick resolves the owner and is kept with the connection', async () => {
    const { dispatch, store, saved } = setup(crms);
    await dispatch('crm:connect', { kind: 'hubspot', token: TOKEN });
    // A private-app token belongs to the app, not to a user.
    expect(await dispatch('crm:whoami', {})).toEqual({ ok: true, data: null });

    const sam = { userId: '1000002', ownerId: '60000002', email: 'sam.kowalski@demo-crm.test' };
    expect(await dispatch('crm:setUser', { userId: '1000002' })).toEqual({ ok: true, data: sam });
    expect(await dispatch('crm:whoami', {})).toEqual({ ok: true, data: sam });
    expect(store.load()).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url, user: sam, portalId: 9000001, auth: 'private-app' });
    expect(saved.at(-1)).toEqual({ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url, user: sam, auth: 'private-app', portalId: 9000001 });
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
    const { dispatch, store } = setup(crms);
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
    const { dispatch, store } = setup(crms);
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
    const { dispatch } = setup(crms);
    expect(await dispatch('crm:setUser', { userId: '1000002' })).toMatchObject({ ok: false, error: { code: 'NOT_CONNECTED' } });
  });

  it('a new token asks again, and Disconnect forgets the user', async () => {
    const { dispatch } = setup(crms);
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
      store: memoryConnectionStore({ kind: 'hubspot', token: TOKEN, baseUrl: crms.hubspot.url, user }),
      demo: null,
      hubspotBaseUrl: crms.hubspot.url,
      fetch: fetchSpy,
    });
    await connections.restore();
    const gateway = createCrmGateway({ connection: connections, fetch: fetchSpy });
    expect(await gateway.whoami()).toEqual(user);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('the demo CRM: its signed-in user (default Alex Morgan) is the answer, and picking switches it at the demo CRM', async () => {
    const { dispatch, saved } = setup(crms);
    await dispatch('crm:connect', { kind: 'demo' });
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000001', email: 'alex.morgan@demo-crm.test' } });
    expect(await dispatch('crm:setUser', { userId: '1000006' })).toEqual({
      ok: true,
      data: { userId: '1000006', ownerId: '60000006', email: 'riley.chen@demo-crm.test' },
    });
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000006' } });
    // The demo CRM's own act-as control agrees (it is the one source of the demo's user).
    expect(await (await crms.demo.api('/__demo/whoami')).json()).toMatchObject({ userId: '1000006' });
    expect(await dispatch('crm:setUser', { userId: '999' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('crm:whoami', {})).toMatchObject({ ok: true, data: { userId: '1000006' } });
    // Nothing of the demo's user is saved with the connection.
    expect(saved).toEqual([{ kind: 'demo' }]);
    await dispatch('crm:setUser', { userId: '1000001' });
  });
});
