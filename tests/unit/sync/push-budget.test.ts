import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchesByBytes, jsonBytes } from '../../../shared/sync/send-bisecting';

const request = (items: readonly string[]) => ({
  method: 'POST' as const,
  path: '/crm/v3/objects/notes/batch/create',
  body: { inputs: items.map((t) => ({ properties: { hs_note_body: t } })) },
});
const wire = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('push batches by bytes', () => {
  it('measures JSON as UTF-8 on the wire (accents, CJK, emoji, escapes)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => jsonBytes(v) === wire(v)));
    expect(jsonBytes({ a: 'zażółć 漢字 😀 "\n' })).toBe(wire({ a: 'zażółć 漢字 😀 "\n' }));
  });

  it('keeps every batch within the budget and the item cap, in order, never empty', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 400 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 200, max: 3000 }),
        (items, max, budget) => {
          const batches = batchesByBytes(items, request, max, budget);
          expect(batches.flat()).toEqual(items);
          for (const b of batches) {
            expect(b.length).toBeGreaterThan(0);
            expect(b.length).toBeLessThanOrEqual(max);
            // Only an item too big on its own may go over, and then alone.
            if (b.length > 1) expect(wire(request(b).body)).toBeLessThanOrEqual(budget);
          }
        },
      ),
    );
  });
});
