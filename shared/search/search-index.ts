import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { SearchDoc } from './documents';
import { groupHits, type SearchGroup, type SearchHit } from './group';

/** Shorter queries list nothing: one letter matches most of a large book and helps nobody. */
export const MIN_QUERY_LENGTH = 2;
export const HITS_PER_TYPE = 5;
/**
 * The word being typed matches as a prefix from this many letters; shorter, as a whole word
 * (a two-letter prefix reaches a large share of a big book's words).
 */
export const PREFIX_FROM = 3;

type Stored = Pick<SearchDoc, 'type' | 'recordId' | 'title' | 'detail' | 'text'>;

/**
 * The full-text index of the local store (MiniSearch): title, detail and body, the title
 * weighing most. All words must match; the last one, being typed, by prefix ("acme cor"
 * finds "Acme Corp"). No typo tolerance: it costs more per keystroke than the 50 ms budget.
 * The index keeps each document's text too (its body is at most BODY_LIMIT characters), so a
 * word being typed can be tested on a few candidates instead of looked up (`search`).
 * Updates are incremental: `upsert` replaces a record's document, `remove` drops it.
 */
export class SearchIndex {
  private readonly mini = SearchIndex.create();

  private static create(): MiniSearch<SearchDoc> {
    return new MiniSearch<SearchDoc>({
      fields: ['title', 'detail', 'text'],
      storeFields: ['type', 'recordId', 'title', 'detail', 'text'],
      searchOptions: { boost: BOOST, combineWith: 'AND' },
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

  /**
   * The best hits of each type for what the user typed, grouped (group.ts). All words must
   * match: the words before the last as whole words, the last (being typed) as a prefix from
   * PREFIX_FROM letters. The whole words are looked up first, and the last word is tested only
   * on their matches: MiniSearch alone scores every document of every word, and a prefix such
   * as "syst" reaches a word in a fifth of a big book's titles. A last word too short to
   * complete that matches nothing leaves the matches of the words before it.
   */
  search(query: string, perType = HITS_PER_TYPE): SearchGroup[] {
    const q = query.trim();
    if (q.length < MIN_QUERY_LENGTH) return [];
    const terms = words(q);
    const last = terms.pop();
    if (last === undefined) return [];
    const prefix = last.length >= PREFIX_FROM;
    if (terms.length === 0) {
      const cap = new WordCap();
      const groups = groupHits(this.found(this.mini.search(lastWord(last, prefix), { boostDocument: cap.admit })), perType);
      return groups.map((g) => (cap.reached.has(g.type) ? { ...g, totalAtLeast: true } : g));
    }
    const before = this.mini.search(terms.join(' '), { prefix: false });
    if (before.length === 0) return [];
    const hits = before.length <= TESTED_IN_TEXT ? this.narrowByText(before, last, prefix) : this.narrowByIndex(before, last, prefix);
    return groupHits(hits.length > 0 || prefix ? hits : this.found(before), perType);
  }

  /**
   * The last word tested on each candidate's own stored words (a few thousand tests, where
   * the index would walk every document of the word): it completes words of bodies too, and
   * scores the boost of the best field it is in.
   */
  private narrowByText(before: SearchResult[], last: string, prefix: boolean): SearchHit[] {
    const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(last)}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'iu');
    const hits: SearchHit[] = [];
    for (const r of before) {
      const doc = r as SearchResult & Stored;
      const boost = pattern.test(doc.title) ? BOOST.title : pattern.test(doc.detail) ? BOOST.detail : pattern.test(doc.text) ? BOOST.text : 0;
      if (boost) hits.push({ ...toHit(doc), score: r.score + boost });
    }
    return hits;
  }

  /** The last word looked up in the index, every document but the candidates passed over. */
  private narrowByIndex(before: SearchResult[], last: string, prefix: boolean): SearchHit[] {
    const byId = new Map(before.map((r) => [String(r.id), r]));
    const tail = this.mini.search(lastWord(last, prefix), { boostDocument: (id) => (byId.has(String(id)) ? 1 : 0) });
    return tail.map((r) => {
      const hit = toHit(byId.get(String(r.id)) as SearchResult & Stored);
      return { ...hit, score: hit.score + r.score };
    });
  }

  private found(results: SearchResult[]): SearchHit[] {
    return results.map((r) => toHit(r as SearchResult & Stored));
  }
}

/** Up to this many candidates, the last word is tested on their stored words rather than looked up. */
const TESTED_IN_TEXT = 5_000;
/** A word found in more documents of a type than this counts the first this many (title first). */
export const WORD_CAP = 200;
const BOOST = { title: 3, detail: 2, text: 1 } as const;

/**
 * The word being typed, looked up in the index: it completes words of titles and details,
 * where a few letters name what the user looks for; a body matches it as a whole word, since
 * completing body words would walk the documents of hundreds of words on every keystroke of
 * a big book. (Narrowed to a few candidates by words before it, it completes body words too.)
 */
const lastWord = (word: string, prefix: boolean): Query => ({
  combineWith: 'OR',
  queries: [
    { queries: [word], fields: ['title', 'detail'], prefix },
    { queries: [word], fields: ['text'], prefix: false },
  ],
});

/**
 * Keeps a single typed word cheap when it completes to a word found all over a big book
 * ("par" → "partners"): each completed word admits at most WORD_CAP documents of each type,
 * those it reaches first (titles come first). Its documents score alike; rarer completions
 * keep all theirs, so "Parike" still ranks first while "par" is typed.
 */
class WordCap {
  /** The types some word was cut short in: their totals are lower bounds. */
  readonly reached = new Set<string>();
  private readonly words = new Map<string, { ids: Set<unknown>; perType: Map<string, number> }>();

  readonly admit = (id: unknown, term: string, stored: Record<string, unknown> | undefined): number => {
    let word = this.words.get(term);
    if (!word) this.words.set(term, (word = { ids: new Set(), perType: new Map() }));
    if (word.ids.has(id)) return 1;
    const type = String(stored?.['type']);
    const n = word.perType.get(type) ?? 0;
    if (n >= WORD_CAP) {
      this.reached.add(type);
      return 0;
    }
    word.perType.set(type, n + 1);
    word.ids.add(id);
    return 1;
  };
}

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
const processTerm = MiniSearch.getDefault('processTerm') as (term: string) => string | null | undefined;
/** The words of a query as the index sees them (MiniSearch's own tokenizer and lower-casing). */
const words = (text: string): string[] => tokenize(text).flatMap((w) => processTerm(w) || []);
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const toHit = (r: SearchResult & Stored): SearchHit => ({
  type: r.type,
  recordId: r.recordId,
  title: r.title,
  detail: r.detail,
  score: r.score,
});
