import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { CsDatabase } from '../../../src-renderer/db';
import { readCrmSource, sameCrm, settleCrmSource, type CrmSource } from '../../../src-renderer/db/repositories/crm-source';

/**
 * Whose data the local store holds (db/repositories/crm-source.ts): two HubSpot portals share
 * one API address, so the portal id tells them apart, and a store written before the portal
 * was recorded is adopted by the first portal it is connected to, keeping every row.
 */
let db: CsDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});
const open = () => (db = new CsDatabase(`crm-source-${Math.random()}`, { indexedDB, IDBKeyRange }));

const HUBSPOT = 'https://api.hubapi.com';
const portal = (portalId: number): CrmSource => ({ kind: 'hubspot', baseUrl: HUBSPOT, portalId });

describe('which CRM the local store holds', () => {
  it('tells two portals at the same address apart, and the demo CRM from HubSpot', () => {
    expect(sameCrm(portal(1), portal(1))).toBe(true);
    expect(sameCrm(portal(1), portal(2))).toBe(false);
    expect(sameCrm(portal(1), { ...portal(1), baseUrl: 'http://127.0.0.1:4000' })).toBe(false);
    // Not knowing one side's portal (an older store, an older export file) is no proof of another portal.
    expect(sameCrm({ kind: 'hubspot', baseUrl: HUBSPOT }, portal(2))).toBe(true);
    expect(sameCrm({ kind: 'demo', baseUrl: 'http://127.0.0.1:1' }, { kind: 'demo', baseUrl: 'http://127.0.0.1:2' })).toBe(true);
    expect(sameCrm({ kind: 'demo', baseUrl: null }, portal(1))).toBe(false);
  });

  it('adopts a store of an older build (no portal recorded) as the connected portal’s, keeping its rows; another portal is then refused', async () => {
    const d = open();
    // As an older build left it: the source without a portal, a synced row and a queued edit.
    await d.meta.put({ key: 'crmSource', value: { kind: 'hubspot', baseUrl: HUBSPOT } });
    await d.table('companies').put({ id: '101', properties: { name: 'Acme' } });
    await d.table('outbox').add({ intent: { kind: 'update' }, status: 'pending' });

    expect(await settleCrmSource(d, portal(9000001))).toEqual({ other: null });
    expect(await readCrmSource(d)).toEqual(portal(9000001));
    expect(await d.table('companies').count()).toBe(1);
    expect(await d.outbox.count()).toBe(1);

    // Another portal at the same address: whose data is here comes back, and nothing is written.
    expect(await settleCrmSource(d, portal(9000002))).toEqual({ other: portal(9000001) });
    expect(await readCrmSource(d)).toEqual(portal(9000001));
    // The same portal again changes nothing; a status without the portal (a restored older connection) keeps it.
    expect(await settleCrmSource(d, portal(9000001))).toEqual({ other: null });
    expect(await settleCrmSource(d, { kind: 'hubspot', baseUrl: HUBSPOT })).toEqual({ other: null });
    expect(await readCrmSource(d)).toEqual(portal(9000001));
  });

  it('records the first source of an empty store as it is', async () => {
    const d = open();
    expect(await settleCrmSource(d, { kind: 'demo', baseUrl: 'http://127.0.0.1:5000' })).toEqual({ other: null });
    expect(await readCrmSource(d)).toEqual({ kind: 'demo', baseUrl: 'http://127.0.0.1:5000' });
    expect(await settleCrmSource(d, portal(7))).toEqual({ other: { kind: 'demo', baseUrl: 'http://127.0.0.1:5000' } });
  });
});
