import { describe, expect, it } from 'vitest';
import { crmCategory, crmMessage, hubspot, send, type CrmPort, type CrmResult } from '../../../shared/hubspot';

const answering = (result: CrmResult): CrmPort => ({ request: async () => result });
const ok = (status: number, body: unknown): CrmResult => ({ ok: true, data: { status, headers: {}, body } });

describe('send: one HubSpot call, its answer parsed or a plain error', () => {
  it('keeps fields HubSpot adds and turns numeric association ids into strings', async () => {
    const body = { results: [{ toObjectId: 42, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: null }], somethingNew: true }], extra: 1 };
    const sent = await send(answering(ok(200, body)), hubspot.associations.ofRecord('companies', '1', 'contacts', { limit: 500 }));
    expect(sent).toMatchObject({ ok: true, value: { results: [{ toObjectId: '42', somethingNew: true }], extra: 1 } });
  });

  it('an answer without what we read is malformed, and says where', async () => {
    const sent = await send(
      answering(ok(200, { results: [{ properties: {}, createdAt: 'x', updatedAt: 'x' }] })),
      hubspot.objects.batchRead('deals', ['1'], ['dealname']),
    );
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    expect(sent.error.kind).toBe('malformed');
    expect(sent.error.message).toContain('results.0.id');
    expect(sent.error.message).toContain('reading deals');
  });

  it('a refusal carries HubSpot’s message, details and category', async () => {
    const refusal = {
      status: 'error',
      category: 'MISSING_SCOPES',
      message: 'This app hasn’t been granted all required scopes',
      errors: [{ message: 'crm.objects.deals.read' }],
    };
    const sent = await send(answering(ok(403, refusal)), hubspot.pipelines.list('deals'));
    expect(sent).toMatchObject({
      ok: false,
      error: { kind: 'refused', status: 403, code: 'MISSING_SCOPES', message: 'This app hasn’t been granted all required scopes (crm.objects.deals.read)' },
    });
  });

  it('a refusal whose body is not HubSpot’s error says the status and has no category', async () => {
    const sent = await send(answering(ok(502, '<html>Bad gateway</html>')), hubspot.account.details());
    expect(sent.ok).toBe(false);
    if (sent.ok) return;
    expect(sent.error).toEqual({ kind: 'refused', status: 502, message: 'The CRM answered 502.' });
  });

  it('crmMessage and crmCategory read the same refusal as send does', () => {
    const res = {
      status: 400,
      headers: {},
      body: {
        category: 'VALIDATION_ERROR',
        message: 'Property values were not valid',
        errors: [{ message: 'dealstage' }, { message: 'Property values were not valid' }],
      },
    };
    expect(crmMessage(res)).toBe('Property values were not valid (dealstage)');
    expect(crmCategory(res)).toBe('VALIDATION_ERROR');
    expect(crmCategory({ status: 400, headers: {}, body: { message: 'no category' } })).toBeUndefined();
    expect(crmCategory({ status: 400, headers: {}, body: null })).toBeUndefined();
  });

  it('no answer at all is unreachable; other host errors are refusals', async () => {
    expect(await send(answering({ ok: false, error: { code: 'NETWORK', message: 'offline' } }), hubspot.account.details())).toMatchObject({
      ok: false,
      error: { kind: 'unreachable' },
    });
    expect(await send(answering({ ok: false, error: { code: 'NOT_CONNECTED', message: 'no CRM' } }), hubspot.account.details())).toMatchObject({
      ok: false,
      error: { kind: 'refused', code: 'NOT_CONNECTED' },
    });
  });
});

describe('the request builders', () => {
  it('put property lists in the body of reads and searches, and encode path segments', () => {
    const names = Array.from({ length: 800 }, (_, i) => `property_${i}`);
    const read = hubspot.objects.batchRead('p_cs/docs', ['1'], names).request;
    expect(read.path).toBe('/crm/v3/objects/p_cs%2Fdocs/batch/read');
    expect(read.query).toBeUndefined();
    expect(read.body).toMatchObject({ properties: names, inputs: [{ id: '1' }] });
    const search = hubspot.objects.search('deals', { filterGroups: [], properties: names, limit: 100 }).request;
    expect(search).toMatchObject({ method: 'POST', bucket: 'search', body: { properties: names } });
  });

  it('list names few properties in the query and leaves out what is not asked', () => {
    expect(hubspot.objects.list('tasks', { limit: 100 }).request.query).toEqual({ limit: '100' });
    expect(hubspot.objects.list('tasks', { limit: 100, after: 'abc', properties: ['hs_lastmodifieddate'], archived: true }).request.query).toEqual({
      limit: '100',
      after: 'abc',
      properties: 'hs_lastmodifieddate',
      archived: 'true',
    });
  });
});
