// The one table of `npm run bench`: every target of tests/bench/targets.json with the figures
// the benchmarks recorded for it (tests/bench/targets.ts), and a "not measured" row for a
// target no benchmark reported in this run. A miss says by how much (the figure over the limit it
// breaks) and why: the catalogue's `why` for that target, pointing to the profile in
// docs/performance.md. Plain functions, no I/O: scripts/bench.mjs reads and writes the files.

/** `P1` owns `P1`, `P1a`, `P1-small`…, never `P10`. */
function belongsTo(entryId, targetId) {
  return entryId === targetId || (entryId.startsWith(targetId) && !/^\d/.test(entryId.slice(targetId.length)));
}

/**
 * @param {{ id: string, what: string, target: string, why?: string }[]} catalogue
 * @param {{ id: string, what: string, value: number | null, unit: string, floor: number | null, ratio: number | null, target: string, pass: boolean, missBy?: number | null }[]} entries
 */
export function summarize(catalogue, entries) {
  const rows = [];
  const used = new Set();
  for (const t of catalogue) {
    const mine = entries.filter((e) => belongsTo(e.id, t.id));
    mine.forEach((e) => used.add(e));
    if (mine.length === 0) {
      rows.push({ id: t.id, what: t.what, value: null, unit: '', floor: null, ratio: null, target: t.target, pass: false, note: 'not measured in this run' });
    } else rows.push(...mine.map((e) => (e.pass ? e : { ...e, why: t.why ?? null })));
  }
  // A figure under an id the catalogue does not know is still shown, last.
  rows.push(...entries.filter((e) => !used.has(e)));
  return rows;
}

function cell(v) {
  return v === null || v === undefined ? '–' : String(v).replace(/\|/g, '\\|');
}

/** pass, not measured, or miss with how far: "miss (3.56× the limit)". */
export function result(r) {
  if (r.note) return r.note;
  if (r.pass) return 'pass';
  return typeof r.missBy === 'number' ? `miss (${r.missBy}× the limit)` : 'miss';
}

/** The table as Markdown, with the machine it was measured on. */
export function toMarkdown(rows, { date, machine }) {
  const lines = [
    `Measured ${date} on ${machine}.`,
    '',
    '| id | what | value | floor | ratio | target | result | why it misses |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.id} | ${cell(r.what)} | ${r.value === null ? '–' : `${r.value} ${r.unit}`.trim()} | ${cell(r.floor)} | ${r.ratio === null ? '–' : `${r.ratio}×`} | ${cell(r.target)} | ${result(r)} | ${cell(r.why)} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
