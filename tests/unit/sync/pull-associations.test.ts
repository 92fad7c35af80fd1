import { describe, expect, it } from 'vitest';
import type { SyncContext } from '../../../shared/sync/context';
import type { CrmRequest } from '../../../shared/sync/ports';
import { readAssociations } from '../../../shared/sync/pull-associations';

/**
 * A v4 batch read as HubSpot answers it: at most 500 associations per input, the rest behind
 * that input's own `paging.next.after`; inputs without associations come back as a 207 error.
 */
function fakeCrm(held: Record<string, number>) {
  const log: CrmRequest[] = [];
  const crm = {
    request: async (req: CrmRequest) => {
      log.push(req);
      const inputs = (req.body as { inputs: Array<{ id: string; after?: string }> }).inputs;
      const results = inputs.flatMap(({ id, after }) => {
        const all = Array.from({ length: held[id] ?? 0 }, (_, i) => 10_000 + i);
        const page = all.filter((x) => x > Number(after ?? 0)).slice(0, 500);
        if (!page.length) return [];
        const last = page[page.length - 1]!;
        const more = last < all[all.length - 1]!;
        return [
          {
            from: { id },
            to: page.map((toObjectId) => ({ toObjectId, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 186, label: null }] })),
            ...(more ? { paging: { next: { after: String(last), link: '' } } } : {}),
          },
        ];
      });
      const missing = inputs.filter((i) => !results.some((r) => r.from.id === i.id)).map((i) => i.id);
      const body = {
        status: 'COMPLETE',
        results,
        ...(missing.length ? { numErrors: 1, errors: [{ category: 'OBJECT_NOT_FOUND', context: { fromObjectId: missing } }] } : {}),
      };
      return { ok: true as const, data: { status: missing.length ? 207 : 200, headers: {}, body } };
    },
  };
  return { log, ctx: { crm, now: () => 0 } as unknown as SyncContext };
}

describe('readAssociations (v4 batch read)', () => {
  it('follows each input’s paging until every association is read, asking again only for the inputs with more', async () => {
    const { log, ctx } = fakeCrm({ heavy: 1_234, light: 3, other: 500 });
    const batch = await readAssociations(ctx, 'companies', 'emails', ['heavy', 'light', 'none', 'other']);

    const byFrom = (id: string) => batch.rows.filter((r) => r.fromId === id).map((r) => Number(r.toId));
    expect(byFrom('heavy')).toEqual(Array.from({ length: 1_234 }, (_, i) => 10_000 + i));
    expect(byFrom('light')).toHaveLength(3);
    expect(byFrom('other')).toHaveLength(500);
    expect(byFrom('none')).toEqual([]);
    expect(batch.rows.every((r) => r.fromType === 'companies' && r.toType === 'emails' && r.typeIds[0] === 186)).toBe(true);
    expect(batch.ids).toEqual(['heavy', 'light', 'none', 'other']);
    // First call: every id; then only the heavy one, continuing where its last page ended.
    expect(log.map((r) => (r.body as { inputs: unknown[] }).inputs)).toEqual([
      [{ id: 'heavy' }, { id: 'light' }, { id: 'none' }, { id: 'other' }],
      [{ id: 'heavy', after: '10499' }],
      [{ id: 'heavy', after: '10999' }],
    ]);
  });
});
