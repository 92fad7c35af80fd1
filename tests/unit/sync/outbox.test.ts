import { describe, expect, it } from 'vitest';
import { foldOverlay, newEntry, sendableHeads, tempIdFor, type Intent, type StoredEntry } from '../../../shared/sync';

// (Gn) in test names: the guarantee proved, as numbered in docs/sync-guarantees.md.

let seq = 0;
const entry = (intent: Intent, status: 'pending' | 'attention' = 'pending'): StoredEntry => ({ ...newEntry(intent, 0), seq: ++seq, status });
const update = (id: string, desired: Record<string, string>): Intent => ({
  kind: 'update',
  label: 'property-edit',
  objectType: 'deals',
  recordId: id,
  base: {},
  desired,
});

describe('sendableHeads (per-record order)', () => {
  it('sends only the first pending entry of each record', () => {
    const a1 = entry(update('1', { dealstage: 'b' }));
    const a2 = entry(update('1', { dealstage: 'c' }));
    const b1 = entry(update('2', { amount: '5' }));
    expect(sendableHeads([a2, b1, a1]).map((e) => e.seq)).toEqual([a1.seq, b1.seq]);
  });

  it('lets entries behind one that needs attention through (G13)', () => {
    const a1 = entry(update('1', { dealstage: 'b' }), 'attention');
    const a2 = entry(update('1', { amount: '7' }));
    expect(sendableHeads([a1, a2]).map((e) => e.seq)).toEqual([a2.seq]);
  });

  it('holds an association until the create of its temporary side is confirmed', () => {
    const tmp = tempIdFor('c1');
    const create = entry({ kind: 'create', label: 'create-note', objectType: 'notes', recordId: tmp, clientId: 'c1', properties: {} });
    const assoc = entry({ kind: 'associate', label: 'associate', fromType: 'notes', fromId: tmp, toType: 'companies', toId: '9' });
    const other = entry({ kind: 'associate', label: 'associate', fromType: 'companies', fromId: '9', toType: 'notes', toId: tmp });
    expect(sendableHeads([create, assoc, other]).map((e) => e.seq)).toEqual([create.seq]);
    // The create was discarded: its dependents surface (to be sent to attention), not hide.
    expect(sendableHeads([assoc, other]).map((e) => e.seq)).toEqual([assoc.seq]);
  });
});

describe('foldOverlay', () => {
  it('is the pending intents of a record applied in order; attention rows do not show', () => {
    const a = entry(update('1', { dealstage: 'b', amount: '1' }));
    const b = entry(update('1', { dealstage: 'c' }));
    const c = entry(update('1', { dealname: 'rejected' }), 'attention');
    expect(foldOverlay([b, c, a])?.properties).toEqual({ dealstage: 'c', amount: '1' });
    expect(foldOverlay([c])).toBeUndefined();
  });
});
