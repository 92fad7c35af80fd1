import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScore, compileScore, compileScores, HealthBook } from '../../../shared/health';
import type { BookChange, HealthSummary } from '../../../shared/health';
import type { ViewRecord } from '../../../shared/views';
import { accountArb, relatedArb, relatedRecordArb, RELATED_TYPES, scoreArb } from './arbitraries';
import { CTX } from './fixtures';
import { referenceScore } from './reference';

describe('health evaluator (property-based, fixed clock and seeds)', () => {
  it('random models are valid', () => {
    fc.assert(
      fc.property(scoreArb, (s) => {
        expect(checkScore(s, CTX)).toMatchObject({ ok: true });
      }),
      { seed: 1001, numRuns: 300 },
    );
  });

  it('equals the reference implementation on random models and accounts', () => {
    fc.assert(
      fc.property(scoreArb, fc.array(fc.tuple(accountArb('a'), relatedArb), { minLength: 1, maxLength: 8 }), (score, accounts) => {
        const compiled = compileScore(score, CTX);
        for (const [account, related] of accounts) {
          const got = compiled.evaluate({ account, related: (t) => related[t] ?? [] });
          const want = referenceScore(score, { account, related });
          expect(compiled.summarize({ account, related: (t) => related[t] ?? [] })).toEqual({ scoreId: score.id, score: want.score, status: want.status });
          expect({ score: got.score, status: got.status, groups: got.groups.map((g) => g.points) }).toEqual(want);
          for (const g of got.groups) {
            expect(g.points).toBeGreaterThanOrEqual(0);
            expect(g.points).toBeLessThanOrEqual(g.maxPoints);
            expect(g.raw).toBe(g.criteria.reduce((s, c) => s + c.points, 0));
          }
        }
      }),
      { seed: 2026, numRuns: 400 },
    );
  });
});

const ACCOUNTS = ['a1', 'a2', 'a3', 'a4'];
const ids = (t: string) => [0, 1, 2].map((i) => `${t}-${i}`);

/** A random edit: an account or related record written or removed, or an association made or removed. */
const changeArb: fc.Arbitrary<BookChange> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...ACCOUNTS)
      .chain((id) =>
        fc
          .oneof({ weight: 5, arbitrary: accountArb(id) }, { weight: 1, arbitrary: fc.constant(null) })
          .map((record) => ({ kind: 'record' as const, objectType: 'companies', id, record })),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...RELATED_TYPES)
      .chain((t) =>
        fc
          .constantFrom(...ids(t))
          .chain((id) =>
            fc
              .oneof({ weight: 4, arbitrary: relatedRecordArb(t, id) }, { weight: 1, arbitrary: fc.constant(null) })
              .map((record) => ({ kind: 'record' as const, objectType: t, id, record })),
          ),
      ),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        accountId: fc.constantFrom(...ACCOUNTS),
        objectType: fc.constantFrom(...RELATED_TYPES),
        i: fc.integer({ min: 0, max: 2 }),
        linked: fc.boolean(),
      })
      .map(({ accountId, objectType, i, linked }) => ({ kind: 'link' as const, accountId, objectType, id: `${objectType}-${i}`, linked })),
  },
);

/** The state a list of changes leaves, in plain maps: accounts, `type:id` → record, `account:type` → linked ids. */
function replay(changes: readonly BookChange[]) {
  const accounts = new Map<string, ViewRecord>();
  const records = new Map<string, ViewRecord>();
  const links = new Map<string, Set<string>>();
  for (const c of changes) {
    if (c.kind === 'link') {
      const key = `${c.accountId}:${c.objectType}`;
      const set = links.get(key) ?? new Set<string>();
      links.set(key, set);
      if (c.linked) set.add(c.id);
      else set.delete(c.id);
    } else if (c.objectType === 'companies') {
      if (c.record) accounts.set(c.id, c.record);
      else accounts.delete(c.id);
    } else if (c.record) records.set(`${c.objectType}:${c.id}`, c.record);
    else records.delete(`${c.objectType}:${c.id}`);
  }
  return { accounts, records, links };
}

const snapshot = (book: HealthBook): Record<string, HealthSummary | null> => Object.fromEntries([...book.allResults()].sort(([a], [b]) => a.localeCompare(b)));

describe('incremental recomputation', () => {
  it('equals a full recomputation after random edits', () => {
    fc.assert(
      fc.property(
        fc.array(scoreArb, { minLength: 1, maxLength: 2 }),
        fc.array(changeArb, { minLength: 20, maxLength: 80 }),
        fc.array(changeArb, { minLength: 1, maxLength: 30 }),
        (scores, initial, edits) => {
          const views = [
            {
              id: 'promoters',
              name: 'P',
              objectType: 'companies',
              columns: [],
              sharing: 'everyone' as const,
              ownerUserId: 'u',
              filterGroups: [{ filters: [{ property: 'nps_score', operator: 'gte' as const, value: '7' }] }],
            },
          ];
          const first = scores[0];
          const model = scores.length > 1 && first ? [{ ...first, segments: ['promoters'] }, ...scores.slice(1)] : scores;
          const evaluator = compileScores(model, views, CTX);
          const live = new HealthBook(evaluator, 'companies');
          live.apply(initial);
          live.computeAll();
          // Compared after every edit, so a missed account cannot hide behind a later edit that recomputes it.
          edits.forEach((e, i) => {
            live.recompute(live.apply([e]));
            const fresh = new HealthBook(evaluator, 'companies');
            fresh.apply([...initial, ...edits.slice(0, i + 1)]);
            fresh.computeAll();
            expect(snapshot(live)).toEqual(snapshot(fresh));
          });
          for (const id of ACCOUNTS) expect(live.explain(id)?.score).toBe(live.result(id)?.score);
          // And the book holds what the changes say: each account evaluated on plain data of the
          // final state (times parsed by the evaluator) as the book evaluated it.
          const final = replay([...initial, ...edits]);
          for (const [id, account] of final.accounts) {
            const related = (t: string) => [...(final.links.get(`${id}:${t}`) ?? [])].flatMap((rid) => final.records.get(`${t}:${rid}`) ?? []);
            expect(live.result(id)).toEqual(evaluator.summarize({ account, related }));
            expect(live.explain(id)).toEqual(evaluator.evaluate({ account, related }));
          }
          expect([...live.allResults().keys()].sort()).toEqual([...final.accounts.keys()].sort());
        },
      ),
      { seed: 77, numRuns: 200 },
    );
  });
});
