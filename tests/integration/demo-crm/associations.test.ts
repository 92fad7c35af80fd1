import { Client } from '@hubspot/api-client';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';

const ALEX_OWNER = '60000001';

let crm: TestDemoCrm;
let client: Client;
let heavy: string;
beforeAll(async () => {
  crm = await startTestDemoCrm();
  client = new Client({ accessToken: crm.token, basePath: crm.url });
  // The heavy account: the one company whose emails do not fit one page.
  const first = await client.crm.companies.basicApi.getPage(100);
  const rest = await client.crm.companies.basicApi.getPage(100, first.paging?.next?.after);
  const ids = [...first.results, ...rest.results].map((c) => c.id);
  const read = await client.crm.associations.v4.batchApi.getPage('companies', 'emails', { inputs: ids.map((id) => ({ id })) });
  const paged = read.results.filter((r) => r.paging?.next?.after);
  expect(paged).toHaveLength(1);
  heavy = paged[0]!._from.id;
});
afterAll(() => crm.stop());

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

/** Every id a record is associated with, following the single-record list's paging. */
async function listAll(type: string, id: string, toType: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | undefined;
  do {
    const page = await client.crm.associations.v4.basicApi.getPage(type, id, toType, after, 500);
    expect(page.results.length).toBeLessThanOrEqual(500);
    out.push(...page.results.map((r) => String(r.toObjectId)));
    after = page.paging?.next?.after;
  } while (after);
  return out;
}

describe('associations v4 paging', () => {
  it('a heavy account of another CSM has over 1,000 engagements; batch read answers ≤ 500 per input and pages each input', async () => {
    const company = await client.crm.companies.basicApi.getById(heavy, ['csm_owner']);
    expect(company.properties.csm_owner).not.toBe(ALEX_OWNER);
    const all = {
      emails: await listAll('companies', heavy, 'emails'),
      notes: await listAll('companies', heavy, 'notes'),
      calls: await listAll('companies', heavy, 'calls'),
    };
    expect(all.emails.length + all.notes.length + all.calls.length).toBeGreaterThan(1_000);

    const light = (await client.crm.companies.basicApi.getPage(1)).results[0]!.id;
    const seen: string[] = [];
    let input: { id: string; after?: string } = { id: heavy };
    let rounds = 0;
    for (;;) {
      const res = await client.crm.associations.v4.batchApi.getPage('companies', 'emails', { inputs: [input, { id: light }] });
      const mine = res.results.find((r) => r._from.id === heavy);
      // The light input is answered in full each time, without paging.
      expect(res.results.find((r) => r._from.id === light)?.paging).toBeUndefined();
      expect(mine!.to.length).toBeLessThanOrEqual(500);
      seen.push(...mine!.to.map((t) => String(t.toObjectId)));
      rounds++;
      const after = mine!.paging?.next?.after;
      if (!after) break;
      input = { id: heavy, after };
    }
    expect(rounds).toBe(Math.ceil(all.emails.length / 500));
    expect(seen).toEqual(all.emails);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('caps the single-record list at 500 and refuses bad paging input', async () => {
    const page = await json<{ results: unknown[]; paging?: { next?: { after?: string; link?: string } } }>(
      await crm.api(`/crm/v4/objects/companies/${heavy}/associations/emails?limit=1000`),
    );
    expect(page.results).toHaveLength(500);
    expect(page.paging?.next?.after).toMatch(/^\d+$/);
    for (const path of [`/crm/v4/objects/companies/${heavy}/associations/emails?limit=0`, `/crm/v4/objects/companies/${heavy}/associations/emails?after=abc`]) {
      const res = await crm.api(path);
      expect(res.status, path).toBe(400);
      expect(await json<{ category: string }>(res)).toMatchObject({ category: 'VALIDATION_ERROR' });
    }
    for (const inputs of [[{ id: heavy, after: 'abc' }], [{ id: heavy, after: { x: 1 } }], [{ after: '1' }]]) {
      const res = await crm.api('/crm/v4/associations/companies/emails/batch/read', { body: { inputs } });
      expect(res.status, JSON.stringify(inputs)).toBe(400);
    }
  });
});

describe('association changes touch no timestamp', () => {
  const stamps = async (type: string, id: string): Promise<{ updatedAt: string; modified: string | null | undefined }> => {
    const prop = type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
    const r = await json<{ updatedAt: string; properties: Record<string, string | null> }>(await crm.api(`/crm/v3/objects/${type}/${id}?properties=${prop}`));
    return { updatedAt: r.updatedAt, modified: r.properties[prop] };
  };
  const advance = () => crm.api('/__demo/clock', { body: { advanceMs: 3_600_000 } });

  it('creating and removing associations (single, labelled, batch) moves neither side’s modified date', async () => {
    const [company, other] = (await client.crm.companies.basicApi.getPage(2, undefined, ['name'])).results.map((c) => c.id);
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!.id;
    const note = (await client.crm.objects.notes.basicApi.getPage(1)).results[0]!.id;
    const records: Array<[string, string]> = [
      ['companies', company!],
      ['companies', other!],
      ['contacts', contact],
      ['notes', note],
    ];
    const before = await Promise.all(records.map(([t, id]) => stamps(t, id)));
    await advance();

    await client.crm.associations.v4.basicApi.createDefault('notes', note, 'companies', company!);
    await client.crm.associations.v4.basicApi.create('contacts', contact, 'companies', other!, [
      { associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId: 1 },
    ]);
    await client.crm.associations.v4.batchApi.createDefault('notes', 'contacts', { inputs: [{ _from: { id: note }, to: { id: contact } }] });
    expect(await listAll('notes', note, 'companies')).toContain(company);
    await advance();
    await client.crm.associations.v4.basicApi.archive('notes', note, 'companies', company!);
    await client.crm.associations.v4.batchApi.archive('notes', 'contacts', { inputs: [{ _from: { id: note }, to: [{ id: contact }] }] });
    await client.crm.associations.v4.basicApi.archive('contacts', contact, 'companies', other!);
    expect(await listAll('notes', note, 'companies')).not.toContain(company);

    expect(await Promise.all(records.map(([t, id]) => stamps(t, id)))).toEqual(before);
  });

  it('POST /__demo/reassociate moves the oldest engagements to another account without touching a timestamp', async () => {
    const target = (await client.crm.companies.basicApi.getPage(1)).results[0]!.id;
    const emailsBefore = await listAll('companies', heavy, 'emails');
    const engagementIds = [...emailsBefore, ...(await listAll('companies', heavy, 'notes')), ...(await listAll('companies', heavy, 'calls'))];
    const read = await client.crm.objects.emails.batchApi.read({
      inputs: emailsBefore.slice(0, 3).map((id) => ({ id })),
      properties: ['hs_lastmodifieddate'],
      propertiesWithHistory: [],
    });
    const stampsBefore = { heavy: await stamps('companies', heavy), target: await stamps('companies', target) };
    await advance();
    const clock = Date.parse((await json<{ now: string }>(await crm.api('/__demo/clock'))).now);

    const res = await crm.api('/__demo/reassociate', { body: { fromType: 'companies', fromId: heavy, toType: 'companies', toId: target, count: 5 } });
    expect(res.status).toBe(200);
    const { moved } = await json<{ moved: Array<{ type: string; id: string }> }>(res);
    expect(moved).toHaveLength(5);
    for (const m of moved) {
      expect(engagementIds).toContain(m.id);
      expect(await listAll(m.type, m.id, 'companies')).toEqual([target]);
      // Still the dataset's old dates: a bump would read the (advanced) clock.
      const e = await stamps(m.type, m.id);
      expect(Date.parse(e.updatedAt)).toBeLessThan(clock);
      expect(Date.parse(e.modified ?? '')).toBeLessThan(clock);
    }
    expect(await stamps('companies', heavy)).toEqual(stampsBefore.heavy);
    expect(await stamps('companies', target)).toEqual(stampsBefore.target);
    const after = await client.crm.objects.emails.batchApi.read({
      inputs: emailsBefore.slice(0, 3).map((id) => ({ id })),
      properties: ['hs_lastmodifieddate'],
      propertiesWithHistory: [],
    });
    expect(after.results.map((r) => r.updatedAt)).toEqual(read.results.map((r) => r.updatedAt));

    // Bad input: a clear error, nothing moved.
    const total =
      (await listAll('companies', target, 'emails')).length +
      (await listAll('companies', target, 'notes')).length +
      (await listAll('companies', target, 'calls')).length;
    for (const [body, status] of [
      [{ fromType: 'companies', fromId: heavy, toType: 'unicorns', toId: target }, 400],
      [{ fromType: 'companies', fromId: heavy, toType: 'companies', toId: '999999999' }, 404],
      [{ fromType: 'companies', fromId: heavy, toType: 'companies', toId: target, count: 0 }, 400],
      [{ fromType: 'companies', fromId: heavy, toType: 'companies', toId: heavy }, 400],
      [{ fromType: 'companies', fromId: heavy, toType: 'companies', toId: target, extra: 1 }, 400],
    ] as const) {
      const r = await crm.api('/__demo/reassociate', { body });
      expect(r.status, JSON.stringify(body)).toBe(status);
    }
    const totalAfter =
      (await listAll('companies', target, 'emails')).length +
      (await listAll('companies', target, 'notes')).length +
      (await listAll('companies', target, 'calls')).length;
    expect(totalAfter).toBe(total);
  });
});
