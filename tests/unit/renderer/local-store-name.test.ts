import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/contract';
import { CsDatabase, DEFAULT_DB_NAME, localStoreName, otherCrmInDefault, portalStoreName, readDefaultStoreSource } from '../../../src-renderer/db';
import type { CrmSource } from '../../../src-renderer/db/repositories/crm-source';
import { chooseLocalStore, LAST_STORE_KEY } from '../../../src-renderer/stores/local-store';

/**
 * One local database per HubSpot portal (db/local-store-name.ts): `cs-workspace-hubspot-<id>`,
 * `cs-workspace` for the demo CRM and an unknown portal, and an older user's `cs-workspace`
 * store adopted in place by its portal (or by the first portal it meets when none is recorded).
 */
const HUBSPOT = 'https://api.hubapi.com';
const portal = (portalId: number, baseUrl = HUBSPOT): CrmSource => ({ kind: 'hubspot', baseUrl, portalId });
const demo: CrmSource = { kind: 'demo', baseUrl: 'http://127.0.0.1:4000' };

afterEach(async () => {
  await new CsDatabase(DEFAULT_DB_NAME).delete();
});

describe('which local database a connection uses', () => {
  it('names a HubSpot portal’s database after the portal; the demo CRM, an unknown portal and no connection use cs-workspace', () => {
    expect(localStoreName(portal(9000001), null)).toBe('cs-workspace-hubspot-9000001');
    expect(portalStoreName(9000002)).toBe('cs-workspace-hubspot-9000002');
    expect(localStoreName(demo, null)).toBe('cs-workspace');
    expect(localStoreName({ kind: 'hubspot', baseUrl: HUBSPOT }, null)).toBe('cs-workspace');
    expect(localStoreName(null, portal(9000001))).toBe('cs-workspace');
  });

  it('adopts an older cs-workspace store in place: its own portal’s, or the first portal’s when it recorded none; never another portal’s or address’s', () => {
    expect(localStoreName(portal(9000001), portal(9000001))).toBe('cs-workspace');
    expect(localStoreName(portal(9000001), { kind: 'hubspot', baseUrl: HUBSPOT })).toBe('cs-workspace');
    expect(localStoreName(portal(9000002), portal(9000001))).toBe('cs-workspace-hubspot-9000002');
    expect(localStoreName(portal(9000001), { kind: 'hubspot', baseUrl: 'http://127.0.0.1:5000' })).toBe('cs-workspace-hubspot-9000001');
    expect(localStoreName(portal(9000001), demo)).toBe('cs-workspace-hubspot-9000001');
  });

  it('asks about cs-workspace only when it holds another CRM kind or address, not another portal’s data', () => {
    expect(otherCrmInDefault(portal(9000001), demo)).toBe(true);
    expect(otherCrmInDefault(portal(9000001), portal(7, 'http://127.0.0.1:5000'))).toBe(true);
    expect(otherCrmInDefault(portal(9000002), portal(9000001))).toBe(false);
    expect(otherCrmInDefault(portal(9000002), null)).toBe(false);
  });

  it('reads what cs-workspace holds without creating it, and keeps its rows when a portal adopts it', async () => {
    expect(await readDefaultStoreSource()).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('cs-workspace');
    const old = new CsDatabase(DEFAULT_DB_NAME);
    await old.meta.put({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: HUBSPOT } });
    await old.table('outbox').add({ intent: { kind: 'update' }, status: 'pending' });
    old.close();
    const held = await readDefaultStoreSource();
    expect(held).toEqual({ kind: 'hubspot', baseUrl: HUBSPOT });
    expect(localStoreName(portal(9000001), held)).toBe('cs-workspace');
    const again = new CsDatabase(DEFAULT_DB_NAME);
    expect(await again.outbox.count()).toBe(1);
    again.close();
  });
});

describe('chooseLocalStore (before the page opens its database)', () => {
  const storage = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
  };
  const hostSaying = (...answers: Array<Awaited<ReturnType<HostApi['crm:status']>>>) => {
    let i = 0;
    return { 'crm:status': async () => answers[Math.min(i++, answers.length - 1)] } as unknown as HostApi;
  };

  it('opens the connected portal’s database, waiting while the host is still restoring the connection, and remembers it', async () => {
    const s = storage();
    const waits: number[] = [];
    const host = hostSaying(
      { ok: true, data: { connected: true, kind: 'hubspot', baseUrl: null } },
      { ok: true, data: { connected: true, kind: 'hubspot', baseUrl: HUBSPOT, portalId: 9000002 } },
    );
    expect(await chooseLocalStore(host, s, async (ms) => void waits.push(ms))).toBe('cs-workspace-hubspot-9000002');
    expect(waits).toEqual([250]);
    expect(s.m.get(LAST_STORE_KEY)).toBe('cs-workspace-hubspot-9000002');
  });

  it('keeps the last start’s database when the host cannot answer (an offline page)', async () => {
    const s = storage();
    s.setItem(LAST_STORE_KEY, 'cs-workspace-hubspot-9000001');
    const host = hostSaying({ ok: false, error: { code: 'NETWORK', message: 'offline' } });
    expect(await chooseLocalStore(host, s)).toBe('cs-workspace-hubspot-9000001');
    expect(await chooseLocalStore(host, storage())).toBe('cs-workspace');
  });

  it('leaves nothing in localStorage when no CRM is connected (after Disconnect)', async () => {
    const s = storage();
    s.setItem(LAST_STORE_KEY, 'cs-workspace-hubspot-9000001');
    expect(await chooseLocalStore(hostSaying({ ok: true, data: { connected: false, kind: null, baseUrl: null } }), s)).toBe('cs-workspace');
    expect(s.m.size).toBe(0);
  });
});
