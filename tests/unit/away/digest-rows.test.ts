import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../shared/away';
import { digestRows } from '../../../src-renderer/db/queries/away';
import { localDbPerTest, syncedRecord } from '../../support/local-db';

/** A fixed clock: Friday 27 Nov 2026, 09:00 in Warsaw (the e2e FIXED_NOW). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const ME = '600';
const local = localDbPerTest('away-rows');

const rec = (id: string, properties: Record<string, string>) => syncedRecord(id, properties, NOW);
const entry = (kind: ChangeEntry['kind'], objectType: string, recordId: string, from: string | null = null, to: string | null = null): ChangeEntry => ({
  kind,
  objectType,
  recordId,
  at: NOW,
  from,
  to,
});
const link = (fromType: string, pairs: Array<[string, string]>) => ({
  fromType,
  toType: 'companies',
  ids: pairs.map((p) => p[0]),
  rows: pairs.map(([fromId, toId]) => ({ fromType, fromId, toType: 'companies', toId, typeIds: [26] })),
});

describe('digestRows', () => {
  it('keeps the changes on my accounts and their tickets and deals, and my tasks handed over; with the ARR the ranking reads', async () => {
    const { db, store, cursor } = local.open(NOW);
    await store.applyPage(
      'companies',
      [rec('c1', { name: 'Mine', csm_owner: ME, arr: '24000' }), rec('c2', { name: 'Theirs', csm_owner: '700' })],
      cursor('companies'),
    );
    await store.applyPage('tickets', [rec('t1', { subject: 'On mine' }), rec('t2', { subject: 'On theirs' })], cursor('tickets'), [
      link('tickets', [
        ['t1', 'c1'],
        ['t2', 'c2'],
      ]),
    ]);
    await store.applyPage('deals', [rec('d1', { dealname: 'Upsell', amount: '90000' })], cursor('deals'), [link('deals', [['d1', 'c1']])]);
    await store.applyPage('tasks', [rec('k1', { hs_task_subject: 'Call back' }), rec('k2', { hs_task_subject: 'Not mine' })], cursor('tasks'));

    const rows = await digestRows(
      db,
      [
        entry('ticketCreated', 'tickets', 't1'),
        entry('ticketCreated', 'tickets', 't2'),
        entry('dealStage', 'deals', 'd1', 'a', 'b'),
        entry('renewalChanged', 'companies', 'c1', '2027-01-01', '2027-02-01'),
        entry('renewalChanged', 'companies', 'c2', '2027-01-01', '2027-02-01'),
        entry('taskReassigned', 'tasks', 'k1', '700', ME),
        entry('taskReassigned', 'tasks', 'k2', '700', '800'),
      ],
      { accountObject: 'companies', csmProperty: 'csm_owner' },
      ME,
    );
    expect(rows.map((r) => [r.kind, r.recordId, r.accountId, r.accountArr, r.accountName])).toEqual([
      ['ticketCreated', 't1', 'c1', '24000', 'Mine'],
      ['dealStage', 'd1', 'c1', '24000', 'Mine'],
      ['renewalChanged', 'c1', 'c1', '24000', 'Mine'],
      ['taskReassigned', 'k1', '', null, ''],
    ]);
    expect(rows.find((r) => r.recordId === 'd1')?.dealAmount).toBe('90000');
  });
});
