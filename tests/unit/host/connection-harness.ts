import { afterAll, beforeAll, vi } from 'vitest';
import { createConnectionManager, memoryConnectionStore, type ConnectionStore, type SavedConnection } from '../../../src-main/crm/connection';
import type { HubspotUrlSetting } from '../../../src-main/crm/hubspot-url';
import { connectionDispatcher } from '../../support/connection-dispatcher';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

/**
 * The host of the connection tests: the one dispatcher both hosts use, a connection manager,
 * and two real demo CRMs over HTTP — one playing HubSpot (its token is the "private-app
 * token"), one the demo CRM the launcher starts.
 */
export const TOKEN = 'pat-na1-0c1d2e3f-4a5b-6c7d-8e9f-a0b1c2d3e4f5';
export const WRONG = 'pat-na1-ffffffff-0000-0000-0000-000000000000';

export interface Crms {
  hubspot: TestDemoCrm;
  demo: TestDemoCrm;
}

/** Starts both CRMs before the file's tests and stops them after. */
export function useCrms(): Crms {
  const crms = {} as Crms;
  beforeAll(async () => {
    [crms.hubspot, crms.demo] = await Promise.all([startTestDemoCrm({ token: TOKEN }), startTestDemoCrm()]);
  });
  afterAll(async () => {
    await Promise.all([crms.hubspot.stop(), crms.demo.stop()]);
  });
  return crms;
}

export function setup(crms: Crms, opts: { store?: ConnectionStore; hubspotBaseUrl?: string; hubspotUrl?: HubspotUrlSetting; fetch?: typeof fetch } = {}) {
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
  const startDemo = vi.fn(async () => ({ url: crms.demo.url, token: crms.demo.token }));
  const log = (line: string) => logs.push(line);
  const connections = createConnectionManager({
    store,
    demo: { start: startDemo },
    ...(opts.hubspotUrl ? { hubspotUrl: opts.hubspotUrl } : { hubspotBaseUrl: opts.hubspotBaseUrl ?? crms.hubspot.url }),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    log,
  });
  const dispatch = connectionDispatcher(connections, log);
  const owners = () => dispatch('crm:request', { method: 'GET', path: '/crm/v3/owners' });
  return { dispatch, logs, saved, store: inner, startDemo, owners };
}
