import { SEARCH_TYPES, type SearchType } from './documents';

/** One found record as the search box shows it (text from the CRM: shown as text, never markup). */
export interface SearchHit {
  type: SearchType;
  recordId: string;
  title: string;
  detail: string;
  score: number;
}

export interface SearchGroup {
  type: SearchType;
  hits: SearchHit[];
  /** How many matched in all, of which `hits` are the best. */
  total: number;
  /** Set when a very common word was counted only so far (search-index.ts, WORD_CAP): `total` is a lower bound. */
  totalAtLeast?: boolean;
}

/**
 * Groups ranked hits by type: the best `perType` of each, groups ordered by their best hit
 * (ties in the order of SEARCH_TYPES, companies first), hits by score, then title, then id, so
 * the same query always lists the same rows in the same order.
 */
export function groupHits(hits: readonly SearchHit[], perType: number): SearchGroup[] {
  const byType = new Map<SearchType, SearchHit[]>();
  for (const h of hits) {
    const list = byType.get(h.type);
    if (list) list.push(h);
    else byType.set(h.type, [h]);
  }
  const order = (h: SearchHit, k: SearchHit) => k.score - h.score || h.title.localeCompare(k.title) || h.recordId.localeCompare(k.recordId);
  const groups: SearchGroup[] = [];
  for (const [type, list] of byType) {
    list.sort(order);
    groups.push({ type, hits: list.slice(0, perType), total: list.length });
  }
  const rank = (t: SearchType) => SEARCH_TYPES.indexOf(t);
  return groups.sort((a, b) => (b.hits[0]?.score ?? 0) - (a.hits[0]?.score ?? 0) || rank(a.type) - rank(b.type));
}

/** The hits of the groups in the order the list shows them (arrow keys walk this). */
export const flatHits = (groups: readonly SearchGroup[]): SearchHit[] => groups.flatMap((g) => g.hits);
