import MiniSearch, { type SearchResult } from 'minisearch';
import type { SearchDoc } from './documents';
import { groupHits, type SearchGroup, type SearchHit } from './group';

/** Shorter queries list nothing: one letter matches most of a large book and helps nobody. */
export const MIN_QUERY_LENGTH = 2;
export const HITS_PER_TYPE = 5;
/** The word being typed matches as a prefix from this many letters; shorter, as a whole word. */
export const PREFIX_FROM = 3;

type Stored = Pick<SearchDoc, 'type' | 'recordId' | 'title' | 'detail'>;

/**
 * The full-text index of the local store (MiniSearch): title, detail and body, the title
 * weighing most. All words must match; the last one, being typed, by prefix ("acme cor"
 * finds "Acme Corp").
 * Updates are incremental: `upsert` replaces a record's document, `remove` drops it.
 */
export class SearchIndex {
  private readonly mini = SearchIndex.create();

  private static create(): MiniSearch<SearchDoc> {
    return new MiniSearch<SearchDoc>({
      fields: ['title', 'detail', 'text'],
      storeFields: ['type', 'recordId', 'title', 'detail'],
      searchOptions: {
        boost: { title: 3, detail: 2 },
        combineWith: 'AND',
        // Only the word being typed (the last) matches by prefix, and from its third letter: a
        // two-letter prefix reaches a large share of a big book's words, and words already
        // typed are whole. No typo tolerance: it costs more per keystroke than the 50 ms budget.
        prefix: (term, i, terms) => i === terms.length - 1 && term.length >= PREFIX_FROM,
      },
    });
  }

  get size(): number {
    return this.mini.documentCount;
  }

  has(id: string): boolean {
    return this.mini.has(id);
  }

  /** Adds or replaces documents. */
  upsert(docs: Iterable<SearchDoc>): void {
    for (const d of docs) {
      if (this.mini.has(d.id)) this.mini.replace(d);
      else this.mini.add(d);
    }
  }

  /** Removes documents by id; an id not indexed is ignored. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) if (this.mini.has(id)) this.mini.discard(id);
  }

  clear(): void {
    this.mini.removeAll();
  }

  /** The best hits of each type for what the user typed, grouped (group.ts). */
  search(query: string, perType = HITS_PER_TYPE): SearchGroup[] {
    const q = query.trim();
    if (q.length < MIN_QUERY_LENGTH) return [];
    const results = this.mini.search(q) as Array<SearchResult & Stored>;
    return groupHits(results.map(toHit), perType);
  }
}

const toHit = (r: SearchResult & Stored): SearchHit => ({
  type: r.type,
  recordId: r.recordId,
  title: r.title,
  detail: r.detail,
  score: r.score,
});
