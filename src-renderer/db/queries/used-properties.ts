import { DOC_VALUE_PROPERTY, DOCS_TYPE, SYNCED_TYPES } from '../../../shared/sync';
import { WORKSPACE_PROPERTIES } from '../../../shared/records/workspace-properties';
import type { CsDatabase } from '../database';
import { getMeta, getMetaStartingWith, META } from '../meta';

/**
 * The properties the workspace uses for a type: what its code reads (WORKSPACE_PROPERTIES)
 * plus every property that the user's configuration names — setup, views of every user
 * (private and Everyone: columns, filters, sorts), health scores, reports, stage rules and
 * the CRM's required stage properties. The sync fetches only these (sync README "The
 * properties the workspace uses"); a configuration naming a new one makes the next pass
 * backfill it.
 *
 * The configuration is read as data, not shape by shape: every string in it that is the
 * name of a property the CRM defines for the type counts. A new kind of configuration
 * (stored under one of CONFIG_META_PREFIXES or as a shared document) is covered without
 * teaching this file its shape; a value that happens to equal a property name costs one
 * extra property, never a missing one.
 */

/** Meta keys (exact or prefixes) holding the user's configuration. */
export const CONFIG_META_PREFIXES = ['workspaceSettings', 'views:', 'reports:', 'pipelines.stageRules', 'health:draft:', 'shared-doc:'] as const;

function collectStrings(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 12) return;
  if (typeof value === 'string') {
    out.add(value);
    // Shared documents store JSON text: their strings count too.
    if ((value.startsWith('{') || value.startsWith('[')) && value.length < 1_000_000) {
      try {
        collectStrings(JSON.parse(value) as unknown, out, depth + 1);
      } catch {
        /* plain text that looks like JSON */
      }
    }
    return;
  }
  if (Array.isArray(value)) for (const v of value) collectStrings(v, out, depth + 1);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out, depth + 1);
}

/** Every string of the workspace's configuration (one read of the config rows). */
export async function configStrings(db: CsDatabase): Promise<Set<string>> {
  const out = new Set<string>();
  const metas = await Promise.all(CONFIG_META_PREFIXES.map((p) => getMetaStartingWith(db, p)));
  for (const rows of metas) for (const row of rows) collectStrings(row.value, out);
  for (const doc of await db.records(DOCS_TYPE).toArray()) collectStrings(doc.properties[DOC_VALUE_PROPERTY], out);
  for (const o of await db.overlay.where('objectType').equals(DOCS_TYPE).toArray()) collectStrings(o.properties[DOC_VALUE_PROPERTY], out);
  // Stage metadata (e.g. the properties a stage requires).
  for (const p of await db.pipelines.toArray()) collectStrings(p, out);
  return out;
}

/**
 * The used properties of `objectType` that the CRM defines (all of WORKSPACE_PROPERTIES
 * before any definitions are stored), sorted.
 */
export async function usedProperties(db: CsDatabase, objectType: string, config?: Set<string>): Promise<string[]> {
  const defined = new Set((await db.properties.where('objectType').equals(objectType).toArray()).map((p) => p.name));
  const code = WORKSPACE_PROPERTIES[objectType] ?? [];
  if (!defined.size) return [...new Set(code)].sort();
  const out = new Set(code.filter((n) => defined.has(n)));
  for (const s of config ?? (await configStrings(db))) if (defined.has(s)) out.add(s);
  return [...out].sort();
}

/**
 * Per loaded type, the used properties its rows were not fetched with (meta
 * `syncedProperties:<type>`), one `type:a,b` line each; empty when the sync has no backfill
 * to do. Types still on their first load are left out: that load fetches them anyway.
 *
 * The sync store reads it as a live query, so it runs again after every commit that writes a
 * cursor — every page of a sync. It reads in one transaction (a Dexie read outside one opens
 * its own, and those were most of its main-thread time) and reads the configuration only when
 * a type has finished its first load.
 */
export function pendingBackfill(db: CsDatabase): Promise<string> {
  return db.transaction('r', [db.meta, db.cursors, db.properties, db.pipelines, db.overlay, db.records(DOCS_TYPE)], async () => {
    const cursors = await db.cursors.bulkGet([...SYNCED_TYPES]);
    const loaded = SYNCED_TYPES.filter((_, i) => cursors[i]?.mode === 'incremental');
    if (loaded.length === 0) return '';
    const config = await configStrings(db);
    const lines: string[] = [];
    for (const type of loaded) {
      const held = await getMeta(db, META.syncedProperties(type));
      if (!held) continue;
      const have = new Set(held);
      const missing = (await usedProperties(db, type, config)).filter((p) => !have.has(p));
      if (missing.length) lines.push(`${type}:${missing.join(',')}`);
    }
    return lines.join('\n');
  });
}
