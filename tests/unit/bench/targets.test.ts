import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarize, toMarkdown } from '../../../scripts/bench-summary.mjs';
import { checkTarget } from '../../bench/targets';

const catalogue = JSON.parse(readFileSync('tests/bench/targets.json', 'utf8')) as Array<{ id: string; what: string; target: string; why?: string }>;

describe("npm run bench's targets", () => {
  it('passes a figure only when every limit holds, the ratio being value ÷ floor', () => {
    const p4 = { id: 'P4b', what: 'filter p95', value: 90, unit: 'ms', floor: 30, below: 100, ratioAtMost: 2 };
    expect(checkTarget(p4)).toMatchObject({ ratio: 3, target: '< 100 ms and ≤ 2× floor', pass: false });
    expect(checkTarget({ ...p4, floor: 50 })).toMatchObject({ ratio: 1.8, pass: true });
    expect(checkTarget({ id: 'P2', what: 'apply', value: 182, unit: 'records/s', floor: 10_553, ratioAtLeast: 0.7 })).toMatchObject({
      ratio: 0.017,
      pass: false,
    });
  });

  it('says by how much a miss misses: the figure over the limit it breaks worst', () => {
    expect(checkTarget({ id: 'P6', what: 'drop', value: 57, unit: 'ms', below: 16 })).toMatchObject({ pass: false, missBy: 3.56 });
    expect(checkTarget({ id: 'P2', what: 'apply', value: 588, unit: 'records/s', floor: 13_600, ratioAtLeast: 0.7 })).toMatchObject({ missBy: 16.19 });
    expect(checkTarget({ id: 'P4b', what: 'filter p95', value: 120, unit: 'ms', floor: 20, below: 100, ratioAtMost: 2 })).toMatchObject({ missBy: 3 });
    expect(checkTarget({ id: 'P6', what: 'drop', value: 8, unit: 'ms', below: 16 })).toMatchObject({ pass: true, missBy: null });
  });

  it('never passes a figure that is not a number, nor a check without a limit', () => {
    expect(checkTarget({ id: 'P6', what: 'drop', value: NaN, unit: 'ms', below: 16 })).toMatchObject({ value: null, pass: false });
    expect(() => checkTarget({ id: 'P6', what: 'drop', value: 1, unit: 'ms' })).toThrow(/names no limit/);
  });

  it('lists every target P1–P11 and S1 (search, issue 21) once in the catalogue', () => {
    expect(catalogue.map((t) => t.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11', 'S1']);
  });

  it('puts each figure under its target (P1 is not P10), and says which targets were not measured', () => {
    const p10 = checkTarget({ id: 'P10a', what: 'feed render', value: 150, unit: 'ms', below: 200 });
    const p1 = checkTarget({ id: 'P1', what: 'first sync', value: 70, unit: 's', floor: 62, ratioAtMost: 1.15 });
    const rows = summarize(catalogue, [p10, p1]);
    expect(rows.map((r) => r.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10a', 'P11', 'S1']);
    expect(rows.find((r) => r.id === 'P2')).toMatchObject({ value: null, pass: false, note: 'not measured in this run' });
    const md = toMarkdown(rows, { date: '2026-12-05', machine: '2 cores' });
    expect(md).toContain('| P1 | first sync | 70 s | 62 | 1.129× | ≤ 1.15× floor | pass | – |');
    expect(md).toContain('| P2 | applying pulled pages against raw IndexedDB bulk puts | – | – | – | ≥ 0.7× floor | not measured in this run | – |');
  });

  it('gives a miss its factor and its target’s reason, which points to docs/performance.md', () => {
    const p6 = checkTarget({ id: 'P6', what: 'drop', value: 57, unit: 'ms', below: 16 });
    const row = summarize(catalogue, [p6]).find((r) => r.id === 'P6');
    expect(row).toMatchObject({ why: catalogue.find((t) => t.id === 'P6')?.why });
    expect(toMarkdown([row!], { date: '2026-12-06', machine: '2 cores' })).toMatch(
      /\| P6 \| drop \| 57 ms \| – \| – \| < 16 ms \| miss \(3\.56× the limit\) \| .*docs\/performance\.md, P6 \|/,
    );
    // Every reason names the section of docs/performance.md it points to, and that section exists.
    const doc = readFileSync('docs/performance.md', 'utf8');
    for (const t of catalogue.filter((c) => c.why)) {
      expect(t.why, t.id).toContain('docs/performance.md');
      expect(doc, t.id).toContain(`## ${t.id} — `);
    }
  });
});
