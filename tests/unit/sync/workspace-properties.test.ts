import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORKSPACE_PROPERTIES } from '../../../shared/records/workspace-properties';
import { PROPERTIES } from '../../../src-main/demo-crm/schema/properties';

/**
 * The sync fetches only the properties the workspace uses (WORKSPACE_PROPERTIES plus those
 * its configuration names). A property name the app's code reads but the list lacks would
 * be empty on screen after a sync, with no error anywhere: this test finds such names as
 * string literals in the renderer and the shared domain code, for every type whose
 * definitions (the demo CRM's HubSpot defaults) include them.
 */
const SOURCES = ['src-renderer', 'shared/feed', 'shared/health', 'shared/views', 'shared/records', 'shared/domain', 'shared/notify'];
/** Literals that are property names on some type but mean something else where the code uses them. */
const NOT_PROPERTIES = new Set(['description', 'status', 'type', 'message', 'state', 'product', 'timezone', 'seniority', 'address']);

function literals(): Set<string> {
  const files = execFileSync('git', ['ls-files', ...SOURCES], { encoding: 'utf8' })
    .split('\n')
    // Not the list itself: its names would vouch for themselves, on every type.
    .filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('workspace-properties.ts'));
  const out = new Set<string>();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    // Quoted names, and property reads such as `p.hs_sequences_is_enrolled` or `properties.email`.
    for (const m of text.matchAll(/['"`]([a-z][a-z0-9_]{2,})['"`]/g)) out.add(m[1]!);
    for (const m of text.matchAll(/\b(?:p|props|properties|values)\??\.([a-z][a-z0-9_]{2,})\b/g)) out.add(m[1]!);
  }
  return out;
}

describe('the properties the workspace uses', () => {
  it('lists every property name the code reads, for each type that defines it', () => {
    const missing: string[] = [];
    const found = literals();
    for (const [type, defs] of Object.entries(PROPERTIES)) {
      const listed = WORKSPACE_PROPERTIES[type];
      if (!listed) continue;
      for (const name of found) if (defs.has(name) && !NOT_PROPERTIES.has(name) && !listed.includes(name)) missing.push(`${type}.${name}`);
    }
    expect(missing).toEqual([]);
  });
});
