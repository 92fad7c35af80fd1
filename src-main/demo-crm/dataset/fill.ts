import { createRng, intBetween, pick, type Rng } from '../prng';
import { CATALOGUE_PROPERTIES, PROPERTIES, type PropertyDef } from '../schema/properties';
import type { Store } from '../store/store';
import { DAY } from './context';
import type { DatasetSize } from './generate';

/**
 * The share of a type's definitions a generated record has a value for, like a real portal.
 * Every end-to-end test syncs the small dataset, so it stays at the low end.
 */
export const FILL_SHARE: Record<DatasetSize, { min: number; max: number }> = {
  tiny: { min: 0.1, max: 0.15 },
  small: { min: 0.1, max: 0.15 },
  medium: { min: 0.1, max: 0.25 },
  large: { min: 0.1, max: 0.25 },
};

/**
 * Catalogue properties the fill leaves alone: names the app reads with a meaning on some type
 * (dates that drive views and the Feed, pipelines, counts) and identity/merge bookkeeping.
 */
const NO_FILL = new Set([
  'city',
  'country',
  'closedate',
  'type',
  'renewal_date',
  'notes_last_contacted',
  'notes_last_updated',
  'num_associated_contacts',
  'recent_conversion_date',
  'recent_conversion_event_name',
  'hs_analytics_last_visit_timestamp',
  'hs_last_sales_activity_timestamp',
  'hs_merged_object_ids',
  'hs_unique_creation_key',
  'hs_read_only',
  'hs_gdpr_deleted',
  'hs_was_imported',
]);

const WORDS = ['alpha', 'northwind', 'q3 review', 'pilot', 'EMEA', 'priority', 'standard', 'legacy', 'webinar', 'partner', 'inbound', 'referral'];
const SENTENCES = [
  'Customer asked for a follow-up next quarter.',
  'Rolled out to the second team; adoption is growing.',
  'Budget confirmed by finance, waiting for legal.',
  'Prefers short calls and written summaries.',
];

function valueFor(def: PropertyDef, r: Rng, now: number): string {
  const n = def.name;
  switch (def.type) {
    case 'number':
      if (/time_in|time_to|duration/.test(n)) return String(intBetween(r, 1, 90) * 3_600_000);
      if (/probability/.test(n)) return String(intBetween(r, 0, 100) / 100);
      if (/amount|revenue|arr|mrr|acv|tcv|value/.test(n)) return String(intBetween(r, 1, 200) * 500);
      if (/_id$|_ids$/.test(n)) return String(intBetween(r, 1_000_000, 9_999_999));
      return String(intBetween(r, 0, 40));
    case 'date':
      return new Date(Math.floor((now + intBetween(r, -400, 400) * DAY) / DAY) * DAY).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(now - intBetween(r, 60, (365 * DAY) / 1000) * 1000).toISOString();
    case 'bool':
      return r() < 0.5 ? 'true' : 'false';
    case 'enumeration': {
      const options = (def.options ?? []).map((o) => o.value);
      if (def.fieldType !== 'checkbox') return pick(r, options);
      const first = pick(r, options);
      const second = pick(r, options);
      return first === second ? first : `${first};${second}`;
    }
    case 'phone_number':
      return `+48 600 ${intBetween(r, 100, 999)} ${intBetween(r, 100, 999)}`;
    default:
      if (def.fieldType === 'textarea') return pick(r, SENTENCES);
      if (def.fieldType === 'html') return `<p>${pick(r, SENTENCES)}</p>`;
      if (/email/.test(n)) return `${pick(r, ['anna', 'john', 'ewa', 'omar'])}@example.com`;
      if (/url|link|page|website/.test(n)) return `https://example.com/${pick(r, WORDS).replace(/\s/g, '-')}`;
      if (/_ids?$/.test(n)) return String(intBetween(r, 1_000_000, 9_999_999));
      return pick(r, WORDS);
  }
}

/**
 * Gives every generated record of a standard type values for `FILL_SHARE` of its type's
 * definitions (counting what the generator already set), drawn from the catalogue's extra
 * properties. A PRNG of its own, so the rest of the dataset is the same as without it.
 */
export function fillCatalogue(store: Store, size: DatasetSize, seed: number, now: number): void {
  const share = FILL_SHARE[size];
  const r = createRng((seed ^ 0xca7a_1095) >>> 0);
  for (const type of Object.keys(PROPERTIES)) {
    const defs = PROPERTIES[type];
    if (!defs) continue;
    const pool = (CATALOGUE_PROPERTIES[type] ?? []).filter((d) => !NO_FILL.has(d.name));
    if (pool.length === 0) continue;
    const order = pool.map((_, i) => i);
    for (const record of store.all(type)) {
      const want = Math.round(defs.size * (share.min + r() * (share.max - share.min)));
      const missing = Math.min(pool.length, want - Object.keys(record.props).length);
      // A partial Fisher–Yates shuffle picks `missing` distinct properties; adding them in
      // catalogue order keeps the records' shapes alike (much faster than random order).
      const chosen: number[] = [];
      for (let i = 0; i < missing; i++) {
        const j = i + Math.floor(r() * (order.length - i));
        const a = order[i] ?? 0;
        const b = order[j] ?? 0;
        order[i] = b;
        order[j] = a;
        chosen.push(b);
      }
      chosen.sort((x, y) => x - y);
      for (const k of chosen) {
        const def = pool[k];
        if (def && record.props[def.name] === undefined) record.props[def.name] = valueFor(def, r, now);
      }
    }
  }
}
