import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createSyncCoordinator, SYNCED_TYPES, TYPE_INFO, type CrmPort, type CrmRequest, type CrmResult } from '../../../shared/sync';
import { applyEdit, CsDatabase, createDexieStore } from '../../../src-renderer/db';
import { TEST_NOW } from '../../support/demo-crm';
import { MAX_REQUEST_LINE, requestLine } from '../../support/request-line';

/** A large real portal: hundreds of definitions per type, long names included. */
const PROPERTY_COUNT = 800;
const propertyNames = [
  'hs_object_id',
  'hs_lastmodifieddate',
  'lastmodifieddate',
  'dealname',
  ...Array.from({ length: PROPERTY_COUNT - 4 }, (_, i) => `custom_property_with_a_long_name_${String(i).padStart(4, '0')}`),
];

const stamp = new Date(TEST_NOW - 3_600_000).toISOString();

/** Two records of each type, every defined property set; the answers are shaped like HubSpot's. */
function recordsOf(type: string) {
  const cursor = TYPE_INFO[type as keyof typeof TYPE_INFO].cursorProperty;
  return ['1', '2'].map((n) => {
    const id = `${SYNCED_TYPES.indexOf(type as never) + 1}0${n}`;
    const properties: Record<string, string> = { hs_object_id: id, [cursor]: stamp, dealname: `Deal ${id}` };
    for (const p of propertyNames.slice(0, 8)) properties[p] ??= `${p}-${id}`;
    return { id, properties, createdAt: stamp, updatedAt: stamp, archived: false };
  });
}

function only(r: { properties: Record<string, string> }, names: readonly string[] | undefined) {
  return { ...r, properties: Object.fromEntries(Object.entries(r.properties).filter(([k]) => !names || names.includes(k))) };
}

/** A CRM that answers every request the engine makes and records them; the first upsert is lost. */
function recordingCrm() {
  const log: CrmRequest[] = [];
  let upserts = 0;
  const ok = (body: unknown, status = 200): CrmResult => ({ ok: true, data: { status, headers: {}, body } });
  const port: CrmPort = {
    async request(req) {
      log.push(req);
      const body = (req.body ?? {}) as {
        inputs?: Array<{ id: string; properties?: Record<string, string> }>;
        properties?: string[];
        idProperty?: string;
        limit?: number;
      };
      let m: RegExpExecArray | null;
      // The setup step's client-id property: unique where HubSpot allows it, plain on engagements.
      if ((m = /^\/crm\/v3\/properties\/(\w+)\/cs_client_id$/.exec(req.path))) {
        const unique = ['companies', 'contacts', 'deals', 'tickets'].includes(m[1] ?? '');
        return ok({ name: 'cs_client_id', label: 'Client id', type: 'string', fieldType: 'text', groupName: 'custom', hasUniqueValue: unique });
      }
      if (req.path.startsWith('/crm-object-schemas/') || req.path.startsWith('/crm/v3/schemas')) return ok({ results: [] });
      if (req.path === '/account-info/v3/details') return ok({ portalId: 1, timeZone: 'Europe/Warsaw' });
      if (/^\/crm\/v3\/properties\/\w+$/.test(req.path))
        return ok({ results: propertyNames.map((name) => ({ name, label: name, type: 'string', fieldType: 'text', groupName: 'custom' })) });
      if (/^\/crm\/v3\/pipelines\//.test(req.path) || req.path === '/crm/v3/owners' || req.path === '/settings/v3/users') return ok({ results: [] });
      if ((m = /^\/crm\/v3\/objects\/(\w+)$/.exec(req.path)) && req.method === 'GET') {
        if (req.query?.archived === 'true') return ok({ results: [{ id: '999', properties: {}, createdAt: stamp, updatedAt: stamp, archived: true }] });
        return ok({ results: recordsOf(m[1] ?? '').map((r) => only(r, String(req.query?.properties ?? '').split(','))) });
      }
      if ((m = /^\/crm\/v3\/objects\/(\w+)\/search$/.exec(req.path))) {
        const records = recordsOf(m[1] ?? '').map((r) => only(r, body.properties));
        return ok({ total: records.length, results: records.slice(0, body.limit) });
      }
      if ((m = /^\/crm\/v3\/objects\/(\w+)\/batch\/read$/.exec(req.path))) {
        if (body.idProperty) return ok({ status: 'COMPLETE', results: [] });
        const byId = new Map(recordsOf(m[1] ?? '').map((r) => [r.id, r]));
        return ok({ status: 'COMPLETE', results: (body.inputs ?? []).flatMap((i) => byId.get(i.id) ?? []).map((r) => only(r, body.properties)) });
      }
      if (/\/batch\/update$/.test(req.path))
        return ok({
          status: 'COMPLETE',
          results: (body.inputs ?? []).map((i) => ({ id: i.id, properties: i.properties, createdAt: stamp, updatedAt: stamp, archived: false })),
        });
      if (/\/batch\/(upsert|create)$/.test(req.path)) {
        if (++upserts === 1) return { ok: false, error: { code: 'NETWORK', message: 'lost on the way' } };
        return ok({
          status: 'COMPLETE',
          results: (body.inputs ?? []).map((i, k) => ({ id: `50${k}`, properties: i.properties, createdAt: stamp, updatedAt: stamp, archived: false })),
        });
      }
      if (/^\/crm\/v4\/objects\/\w+\/\w+\/associations\/\w+$/.test(req.path)) return ok({ results: [] });
      if (/^\/crm\/v4\/associations\/\w+\/\w+\/batch\/read$/.test(req.path)) return ok({ status: 'COMPLETE', results: [] });
      if (/^\/crm\/v4\/associations\/\w+\/\w+\/batch\/associate\/default$/.test(req.path)) return ok({ status: 'COMPLETE', results: [] });
      if (/^\/crm\/v4\/associations\/\w+\/\w+\/batch\/archive$/.test(req.path)) return ok(null, 204);
      throw new Error(`unexpected request ${req.method} ${req.path}`);
    },
  };
  return { port, log };
}

describe('request size', () => {
  it(`no request the engine makes is longer than ${MAX_REQUEST_LINE} bytes of path and query with ${PROPERTY_COUNT} properties per type`, async () => {
    const db = new CsDatabase(`request-size-${Math.random()}`, { indexedDB, IDBKeyRange });
    const crm = recordingCrm();
    let clock = TEST_NOW;
    const timers = { setTimeout: () => 0, clearTimeout: () => {} };
    const sync = createSyncCoordinator({ crm: crm.port, store: createDexieStore(db), timers, now: () => clock, referenceEveryMs: 0, sweepEveryMs: 0 });

    // A workspace whose views name every one of the 800 properties: all of them are used
    // (synced), the worst case for request size.
    await db.meta.put({ key: 'views:1', value: SYNCED_TYPES.map((objectType) => ({ id: `all-${objectType}`, objectType, columns: propertyNames })) });
    await sync.runOnce(); // reference data, bootstrap of every type, archived sweep
    await applyEdit(db, { kind: 'update', objectType: 'deals', recordId: '301', desired: { dealname: 'Renamed' } });
    await applyEdit(db, {
      kind: 'create',
      objectType: 'tasks',
      properties: { hs_task_subject: 'Call back' },
      associations: [{ toType: 'companies', toId: '101' }],
    });
    await applyEdit(db, { kind: 'associate', fromType: 'deals', fromId: '301', toType: 'companies', toId: '102' });
    await applyEdit(db, { kind: 'dissociate', fromType: 'deals', fromId: '302', toType: 'companies', toId: '101' });
    clock += 60_000;
    await sync.runOnce(); // the upsert is lost: a transient failure ends the pass
    clock += 60_000;
    await sync.runOnce(); // looks the create up by its key, sends it, then incremental pulls
    expect(await db.outbox.count()).toBe(0);
    expect(await db.conflicts.count()).toBe(0);

    const lines = crm.log.map((r) => ({ r, line: requestLine(r) }));
    const tooLong = lines.filter((l) => Buffer.byteLength(l.line) > MAX_REQUEST_LINE).map((l) => `${l.r.method} ${l.line.slice(0, 120)}… (${l.line.length})`);
    expect(tooLong).toEqual([]);

    // Every kind of request happened, so the bound above covers them all.
    const seen = (method: string, pattern: RegExp, pred: (r: CrmRequest) => boolean = () => true) =>
      crm.log.some((r) => r.method === method && pattern.test(r.path) && pred(r));
    const withAll = (r: CrmRequest) => propertyNames.every((p) => ((r.body as { properties?: string[] }).properties ?? []).includes(p));
    for (const type of SYNCED_TYPES) {
      expect(seen('GET', new RegExp(`^/crm/v3/properties/${type}$`)), `properties of ${type}`).toBe(true);
      expect(
        seen('GET', new RegExp(`^/crm/v3/objects/${type}$`), (r) => r.query?.archived === 'false'),
        `bootstrap list of ${type}`,
      ).toBe(true);
      expect(seen('POST', new RegExp(`^/crm/v3/objects/${type}/batch/read$`), withAll), `bootstrap read of ${type} with every property`).toBe(true);
      expect(
        seen('POST', new RegExp(`^/crm/v3/objects/${type}/search$`), (r) => JSON.stringify(r.body).includes('"GTE"') && withAll(r)),
        `incremental search of ${type}`,
      ).toBe(true);
      expect(
        seen('GET', new RegExp(`^/crm/v3/objects/${type}$`), (r) => r.query?.archived === 'true'),
        `archived sweep of ${type}`,
      ).toBe(true);
    }
    expect(seen('GET', /^\/crm\/v3\/pipelines\/deals$/)).toBe(true);
    expect(seen('GET', /^\/crm\/v3\/owners$/)).toBe(true);
    expect(seen('GET', /^\/settings\/v3\/users$/)).toBe(true);
    expect(seen('POST', /^\/crm\/v4\/associations\/deals\/companies\/batch\/read$/)).toBe(true);
    expect(seen('POST', /^\/crm\/v3\/objects\/deals\/batch\/read$/, (r) => 'propertiesWithHistory' in (r.body as object))).toBe(true);
    expect(seen('POST', /^\/crm\/v3\/objects\/deals\/batch\/update$/)).toBe(true);
    // An engagement create (no unique property possible): batch/create, an uncertain one resolved through its parent's associations.
    expect(seen('GET', /^\/crm\/v4\/objects\/\w+\/\w+\/associations\/tasks$/)).toBe(true);
    expect(seen('POST', /^\/crm\/v3\/objects\/tasks\/batch\/create$/)).toBe(true);
    expect(seen('POST', /\/batch\/associate\/default$/)).toBe(true);
    expect(seen('POST', /\/batch\/archive$/)).toBe(true);
    db.close();
  });
});
