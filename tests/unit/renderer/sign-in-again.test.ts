// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/contract';
import { INITIAL_STATUS } from '../../../shared/sync';
import SignInAgainBanner from '../../../src-renderer/components/SignInAgainBanner.vue';
import { useConnectionStore } from '../../../src-renderer/stores/connection';
import { useSyncStore } from '../../../src-renderer/stores/sync';
import { mountInApp } from '../../support/mount-in-app';

const SIGNED_IN = { connected: true, kind: 'hubspot', baseUrl: 'https://api.hubapi.com', auth: 'oauth', portalId: 4242 } as const;
/** What every host answers the stores that mount with the banner (the sync store asks whether the network is up). */
const base = { on: () => () => {}, 'net:status': async () => ({ ok: true, data: { online: true } }) };
const REFUSED = 'You signed in as jordan.lee@demo-crm.test, but the edits waiting here are priya.nair@demo-crm.test’s.';

describe('Sign in again', () => {
  it('shows once HubSpot signed the user out, names who must sign in, and goes once that person did', async () => {
    let hostStatus: object = SIGNED_IN;
    const connects: unknown[] = [];
    const answers = [
      { ok: false, error: { code: 'NOT_ALLOWED', message: REFUSED } },
      { ok: true, data: SIGNED_IN },
    ];
    const host = {
      ...base,
      'crm:status': async () => ({ ok: true, data: hostStatus }),
      'crm:connect': async (req: unknown) => {
        connects.push(req);
        return answers.shift();
      },
    } as unknown as HostApi;
    const { pinia, wrapper } = mountInApp(SignInAgainBanner, { host });
    const connection = useConnectionStore(pinia);
    connection.followStatus(SIGNED_IN);
    connection.identity = { userId: '1000004', ownerId: '60000004', email: 'priya.nair@demo-crm.test' };
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);

    // The refresh token was refused: the next sync error (a 401) makes the banner ask the host.
    hostStatus = { ...SIGNED_IN, signedOut: true };
    useSyncStore(pinia).status = { ...INITIAL_STATUS, lastError: '401 Authentication credentials not found' };
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('sign in again as priya.nair@demo-crm.test to send them');

    // Someone else signed in: refused by the host, the banner stays and says why.
    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(connects).toEqual([{ kind: 'hubspot-oauth', again: true }]);
    expect(wrapper.get('[role="alert"]').text()).toContain(REFUSED);

    await wrapper.get('button').trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('is in Polish too', async () => {
    const { pinia, wrapper } = mountInApp(SignInAgainBanner, { host: base as unknown as HostApi, locale: 'pl' });
    useConnectionStore(pinia).followStatus({ ...SIGNED_IN, signedOut: true });
    await flushPromises();
    expect(wrapper.get('button').text()).toBe('Zaloguj się ponownie');
  });
});
