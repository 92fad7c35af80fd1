import { it } from 'vitest';
import { SEARCH_FIELDS, SearchIndex, searchDocument, type SearchDoc, type SearchType } from '../../shared/search';
import { median, p95, report, sample } from './stats';
import { recordTarget } from './targets';
import { seededRandom } from '../support/seeded-random';

/**
 * The offline search (shared/search) over the large dataset in Node: 50,000 companies,
 * 50,000 contacts, 10,000 deals and tickets, and 500,000 engagements (tasks, notes,
 * e-mails, meetings, calls) with bodies of about 30 words. Figures: building the index, and
 * search-as-you-type — every prefix (2 letters and more) of company names, contact names and
 * subject words typed one letter at a time. The floor is one pass over every document's title
 * checking `includes` (what a search without an index would at least cost).
 */
/** SEARCH_BENCH_ENGAGEMENTS lowers it for a quick look; the recorded figure is at 500,000. */
const ENGAGEMENTS = Number(process.env.SEARCH_BENCH_ENGAGEMENTS) || 500_000;
const ENGAGEMENT_TYPES: SearchType[] = ['tasks', 'notes', 'emails', 'meetings', 'calls'];

/** Consonant-vowel syllables (105), so words share prefixes about as often as names do. */
const SYLLABLES = [...'bcdfghjklmnprstvwxyzq'].flatMap((c) => [...'aeiou'].map((v) => c + v));

function dataset(): { docs: SearchDoc[]; typed: string[] } {
  const r = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const word = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => pick(SYLLABLES)).join('');
  const vocabulary = Array.from({ length: 8000 }, word);
  const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(' ');
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const docs: SearchDoc[] = [];
  const add = (type: SearchType, id: string, properties: Record<string, string>) => {
    const d = searchDocument(type, { id, properties });
    if (d) docs.push(d);
  };
  const companies: string[] = [];
  for (let i = 0; i < 50_000; i++) {
    const name = `${cap(word())} ${pick(['Corp', 'Group', 'Labs', 'Systems', 'Partners'])}`;
    companies.push(name);
    add('companies', String(i + 1), { name, domain: `${name.split(' ')[0]?.toLowerCase()}${i}.com`, city: cap(pick(vocabulary)) });
  }
  const people: string[] = [];
  for (let i = 0; i < 50_000; i++) {
    const [first, last] = [cap(word()), cap(word())];
    people.push(`${first} ${last}`);
    add('contacts', String(i + 1), { firstname: first, lastname: last, email: `${first.toLowerCase()}.${last.toLowerCase()}@example.com`, jobtitle: words(2) });
  }
  for (let i = 0; i < 10_000; i++) add('deals', String(i + 1), { dealname: `${pick(companies)} renewal ${2026 + (i % 3)}` });
  for (let i = 0; i < 10_000; i++) add('tickets', String(i + 1), { subject: cap(words(5)), content: words(30) });
  for (let i = 0; i < ENGAGEMENTS; i++) {
    const type = ENGAGEMENT_TYPES[i % ENGAGEMENT_TYPES.length] as SearchType;
    // The properties the index reads a title and a body from (a note has no title).
    const [title] = SEARCH_FIELDS[type].title;
    const [body = ''] = SEARCH_FIELDS[type].body;
    add(type, String(i + 1), { ...(title ? { [title]: `${cap(words(4))} ${pick(companies)}` } : {}), [body]: `<p>${words(30)}</p>` });
  }
  // What a user types: names and subject words, one letter at a time from the second.
  const typed: string[] = [];
  for (let k = 0; k < 60; k++) {
    const target = k % 3 === 0 ? pick(companies) : k % 3 === 1 ? pick(people) : `${pick(vocabulary)} ${pick(vocabulary)}`;
    for (let n = 2; n <= target.length; n++) typed.push(target.slice(0, n));
  }
  return { docs, typed };
}

it('search: index build and search-as-you-type over 500,000 engagements', async () => {
  const t0 = performance.now();
  const { docs, typed } = dataset();
  console.log(`search bench: ${docs.length} documents made in ${Math.round(performance.now() - t0)} ms`);
  const titles = docs.map((d) => d.title.toLowerCase());
  const floor = await sample(5, () => {
    let n = 0;
    for (const t of titles) if (t.includes('zequa')) n++;
    if (n < 0) throw new Error('unreachable');
  });
  const floorMedian = median(floor);

  let index = new SearchIndex();
  const build = await sample(1, () => {
    index = new SearchIndex();
    index.upsert(docs);
  });
  console.log(`search bench: ${docs.length} documents indexed in ${Math.round(build[0] ?? 0)} ms`);
  let found = 0;
  const typing: number[] = [];
  for (const q of typed) {
    const t0 = performance.now();
    found += index.search(q).length;
    typing.push(performance.now() - t0);
  }
  let u = 0;
  const update = await sample(200, () => {
    const d = docs[(u++ * 7919) % docs.length] as SearchDoc;
    index.upsert([{ ...d, title: `${d.title} renamed${u}` }]);
  });
  const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);

  report('search', [
    { name: `build the index of ${docs.length} records`, samplesMs: build, floorMs: floorMedian, extra: { heapMb } },
    { name: `search as you type (${typed.length} queries)`, samplesMs: typing, floorMs: floorMedian, extra: { groupsFound: found } },
    { name: 'incremental: one record renamed', samplesMs: update },
  ]);
  recordTarget({
    id: 'S1a',
    what: `search: index build, ${docs.length} records incl. 500,000 engagements (Node)`,
    value: median(build),
    unit: 'ms',
    atMost: 60_000,
  });
  recordTarget({ id: 'S1b', what: 'search-as-you-type p95 over 500,000 engagements (Node)', value: p95(typing), unit: 'ms', floor: floorMedian, below: 50 });
});
