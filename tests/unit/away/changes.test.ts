import { describe, expect, it } from 'vitest';
import { collapseEntries, diffRecord, NEW_RECORD_MARGIN_MS, type DiffContext, type RecordVersion } from '../../../shared/away';

/** A fixed clock: Friday 27 Nov 2026, 09:00 in Warsaw (the e2e FIXED_NOW). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const SEEN = NOW - 9 * 3_600_000;
const ctx: DiffContext = { accountObject: 'companies', renewalProperty: 'renewal_date', seenUpToMs: SEEN, at: NOW };
const rec = (id: string, properties: Record<string, string | null>, createdAt = new Date(SEEN - 86_400_000).toISOString()): RecordVersion => ({
  id,
  properties,
  createdAt,
});

describe('diffRecord', () => {
  it('a ticket created since the last pull is new; one only now copied (first load, or created long before) is not', () => {
    const fresh = rec('t1', { hs_ticket_priority: 'HIGH' }, new Date(SEEN + 60_000).toISOString());
    expect(diffRecord('tickets', undefined, fresh, ctx)).toEqual([
      { kind: 'ticketCreated', objectType: 'tickets', recordId: 't1', at: NOW, from: null, to: 'HIGH' },
    ]);
    expect(diffRecord('tickets', undefined, fresh, { ...ctx, seenUpToMs: null })).toEqual([]);
    const old = rec('t2', {}, new Date(SEEN - NEW_RECORD_MARGIN_MS - 1).toISOString());
    expect(diffRecord('tickets', undefined, old, ctx)).toEqual([]);
    // Within the margin (the CRM's search index lags its writes): still new.
    const lagged = rec('t3', {}, new Date(SEEN - NEW_RECORD_MARGIN_MS + 1).toISOString());
    expect(diffRecord('tickets', undefined, lagged, ctx).map((e) => e.kind)).toEqual(['ticketCreated']);
  });

  it('a ticket is escalated only when its priority rises', () => {
    const was = rec('t1', { hs_ticket_priority: 'MEDIUM' });
    expect(diffRecord('tickets', was, rec('t1', { hs_ticket_priority: 'URGENT' }), ctx)).toMatchObject([
      { kind: 'ticketEscalated', from: 'MEDIUM', to: 'URGENT' },
    ]);
    expect(diffRecord('tickets', was, rec('t1', { hs_ticket_priority: 'LOW' }), ctx)).toEqual([]);
    expect(diffRecord('tickets', was, rec('t1', { hs_ticket_priority: 'MEDIUM', subject: 'changed' }), ctx)).toEqual([]);
  });

  it('a deal stage move, a renewal date change and a task owner change are recorded with both values', () => {
    expect(diffRecord('deals', rec('d1', { dealstage: 'a' }), rec('d1', { dealstage: 'b' }), ctx)).toMatchObject([{ kind: 'dealStage', from: 'a', to: 'b' }]);
    expect(diffRecord('companies', rec('c1', { renewal_date: '2027-01-15' }), rec('c1', { renewal_date: '2027-03-01' }), ctx)).toMatchObject([
      { kind: 'renewalChanged', from: '2027-01-15', to: '2027-03-01' },
    ]);
    expect(diffRecord('tasks', rec('k1', { hubspot_owner_id: '1' }), rec('k1', { hubspot_owner_id: '2' }), ctx)).toMatchObject([
      { kind: 'taskReassigned', from: '1', to: '2' },
    ]);
  });

  it('the same renewal day written as a timestamp is no change; another account property is not read', () => {
    const day = String(Date.UTC(2027, 0, 15));
    expect(diffRecord('companies', rec('c1', { renewal_date: '2027-01-15' }), rec('c1', { renewal_date: day }), ctx)).toEqual([]);
    expect(diffRecord('companies', rec('c1', { renewal_date: 'x' }), rec('c1', { renewal_date: 'y' }), { ...ctx, renewalProperty: null })).toEqual([]);
    expect(diffRecord('companies', rec('c1', { name: 'A' }), rec('c1', { name: 'B' }), ctx)).toEqual([]);
  });

  it('a new contact counts; an archived record never does', () => {
    const created = new Date(SEEN + 1).toISOString();
    expect(diffRecord('contacts', undefined, rec('p1', {}, created), ctx).map((e) => e.kind)).toEqual(['contactCreated']);
    expect(diffRecord('contacts', undefined, { ...rec('p1', {}, created), archived: true }, ctx)).toEqual([]);
  });
});

describe('collapseEntries', () => {
  const e = (kind: 'dealStage' | 'ticketCreated', recordId: string, from: string | null, to: string | null, at: number) => ({
    kind,
    objectType: kind === 'dealStage' ? 'deals' : 'tickets',
    recordId,
    from,
    to,
    at,
  });
  it('keeps one item per record and kind, from the first value to the last; a move and back is none', () => {
    const out = collapseEntries([
      e('dealStage', 'd1', 'a', 'b', 1),
      e('dealStage', 'd1', 'b', 'c', 2),
      e('dealStage', 'd2', 'a', 'b', 3),
      e('dealStage', 'd2', 'b', 'a', 4),
    ]);
    expect(out).toEqual([e('dealStage', 'd1', 'a', 'c', 2)]);
    expect(collapseEntries([e('ticketCreated', 't1', null, null, 1)])).toHaveLength(1);
  });
});
