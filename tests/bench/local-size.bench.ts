import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { WORKSPACE_PROPERTIES } from '../../shared/records/workspace-properties';
import { MERGEABLE_TYPES, MERGED_IDS_PROPERTY, SYNCED_TYPES, TYPE_INFO } from '../../shared/sync';
import { generateDataset, type DatasetSize } from '../../src-main/demo-crm/dataset/generate';
import { Persistence } from '../../src-main/demo-crm/store/persist';
import { Store } from '../../src-main/demo-crm/store/store';
import { report } from './stats';

/**
 * The local store's record data for a dataset (`BENCH_SIZE`, default medium: 5,000 companies;
 * `BENCH_SIZE=large NODE_OPTIONS=--max-old-space-size=16000` for 50,000), as the sync stores it: every property the portal defines (how the app synced
 * before issue 15 §2; HubSpot answers each requested property, null when unset) against the
 * properties the workspace uses (its code's set; a configuration adds a few). Bytes of the
 * stored `properties` JSON per type; IndexedDB's own overhead comes on top of both alike.
 */
const SIZE = (process.env.BENCH_SIZE ?? 'medium') as DatasetSize;

it(`local record data of the ${SIZE} dataset: every property vs the used ones`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cs-bench-size-'));
  try {
    const t0 = performance.now();
    // Nothing is written to disk: only the generated records are measured (the flush never comes).
    const store = new Store(await Persistence.open(dir), { now: () => Date.parse('2026-11-27T08:00:00Z'), mono: () => performance.now() }, 2 ** 31 - 1);
    generateDataset(store, { size: SIZE, seed: 1, now: Date.parse('2026-11-27T08:00:00Z'), zone: 'Europe/Warsaw' });
    const generateMs = performance.now() - t0;
    let allBytes = 0;
    let usedBytes = 0;
    let records = 0;
    const perType: Record<string, string> = {};
    for (const type of SYNCED_TYPES) {
      if (!TYPE_INFO[type] || type === 'p_cs_workspace_docs') continue;
      const defined = [...store.schema.properties(type).keys()];
      const used = new Set((WORKSPACE_PROPERTIES[type] ?? []).filter((p) => defined.includes(p)));
      used.add(TYPE_INFO[type].cursorProperty);
      if (MERGEABLE_TYPES.includes(type)) used.add(MERGED_IDS_PROPERTY);
      let all = 0;
      let mine = 0;
      let n = 0;
      for (const r of store.all(type)) {
        const shape = (names: Iterable<string>) => JSON.stringify(Object.fromEntries([...names].map((p) => [p, r.props[p] ?? null]))).length;
        all += shape(defined);
        mine += shape(used);
        n++;
      }
      allBytes += all;
      usedBytes += mine;
      records += n;
      perType[type] = `${n} records, ${defined.length}→${used.size} properties, ${(all / 1e6).toFixed(1)}→${(mine / 1e6).toFixed(1)} MB`;
    }
    report(`local size (${SIZE})`, [
      {
        name: 'generate (ms); record properties every defined → used (MB)',
        samplesMs: [generateMs],
        extra: { records, everyMB: +(allBytes / 1e6).toFixed(1), usedMB: +(usedBytes / 1e6).toFixed(1), ratio: +(allBytes / usedBytes).toFixed(1) },
      },
    ]);
    for (const [type, line] of Object.entries(perType)) console.info(`  ${type}: ${line}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
