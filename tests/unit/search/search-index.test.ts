import { describe, expect, it } from 'vitest';
import {
  flatHits,
  groupHits,
  plainText,
  SearchIndex,
  searchDocument,
  searchHitRoute,
  trimText,
  BODY_LIMIT,
  WORD_CAP,
  type SearchHit,
} from '../../../shared/search';

const company = (id: string, name: string, domain = '') => searchDocument('companies', { id, properties: { name, domain } });

describe('search documents', () => {
  it('takes titles, details and bodies from the CRM properties, as plain text', () => {
    expect(searchDocument('contacts', { id: '7', properties: { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com', jobtitle: 'CTO' } })).toEqual({
      id: 'contacts:7',
      type: 'contacts',
      recordId: '7',
      title: 'Ada Lovelace',
      detail: 'ada@example.com',
      text: 'CTO',
    });
    const note = searchDocument('notes', { id: '9', properties: { hs_note_body: '<p>Call <b>Acme</b> &amp; plan <script>x</script></p>' } });
    expect(note?.text).toBe('Call Acme & plan');
    expect(note?.title).toBe('Call Acme & plan');
  });

  it('trims long bodies at a word boundary and leaves archived or empty records out', () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const doc = searchDocument('emails', { id: '1', properties: { hs_email_subject: 'Renewal', hs_email_text: long } });
    expect(doc?.text.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(doc?.text.endsWith(' ')).toBe(false);
    expect(long.startsWith(doc?.text ?? 'x')).toBe(true);
    expect(trimText('abc', 10)).toBe('abc');
    expect(searchDocument('companies', { id: '1', properties: { name: 'Gone' }, archived: true })).toBeNull();
    expect(searchDocument('deals', { id: '1', properties: { dealname: '  ' } })).toBeNull();
    expect(plainText('a&#65;b&nbsp;c')).toBe('aAb c');
  });
});

describe('the search index', () => {
  it('finds records by every word typed, the last by its prefix, title matches first', () => {
    const idx = new SearchIndex();
    idx.upsert(
      [
        company('1', 'Acme Corp', 'acme.com'),
        company('2', 'Corporate Bank'),
        searchDocument('notes', { id: '5', properties: { hs_note_body: 'Acme asked about the corp plan' } })!,
      ].flatMap((d) => (d ? [d] : [])),
    );
    const groups = idx.search('acme cor');
    expect(groups.map((g) => g.type)).toEqual(['companies', 'notes']);
    expect(flatHits(groups).map((h) => h.recordId)).toEqual(['1', '5']);
    expect(idx.search('acme.com')[0]?.hits[0]?.recordId).toBe('1');
    expect(idx.search('a')).toEqual([]);
    // Words before the last are whole words; two letters match a whole word only.
    expect(idx.search('acm corp')).toEqual([]);
    expect(idx.search('ac')).toEqual([]);
    expect(idx.search('corpo')[0]?.hits.map((h) => h.recordId)).toEqual(['2']);
  });

  it('completes a single word in titles and details; a body matches it whole', () => {
    const idx = new SearchIndex();
    const note = (id: string, body: string) => searchDocument('notes', { id, properties: { hs_note_body: body } })!;
    idx.upsert([company('1', 'Budget Corp')!, { ...note('5', 'x'), title: 'Kickoff', text: 'The budget review went well' }]);
    expect(flatHits(idx.search('budg')).map((h) => h.recordId)).toEqual(['1']);
    expect(flatHits(idx.search('budget')).map((h) => `${h.type}:${h.recordId}`)).toEqual(['companies:1', 'notes:5']);
  });

  it('keeps the matches of the words before a last word too short to complete', () => {
    const idx = new SearchIndex();
    idx.upsert([company('1', 'Acme Systems')!, company('2', 'Acme Labs')!, company('3', 'Globex Systems')!]);
    expect(
      flatHits(idx.search('acme s'))
        .map((h) => h.recordId)
        .sort(),
    ).toEqual(['1', '2']);
    expect(flatHits(idx.search('acme sys')).map((h) => h.recordId)).toEqual(['1']);
    expect(idx.search('acme xyz')).toEqual([]);
  });

  it('narrows a broad first word through the index the same way as through the candidates', () => {
    const idx = new SearchIndex();
    const many = Array.from({ length: 5_200 }, (_, i) => company(String(i + 10), `Renewal ${i % 2 ? 'Partners' : 'Group'} ${i}`)!);
    idx.upsert([...many, company('1', 'Renewal Paragon')!]);
    const found = idx.search('renewal para', 3);
    expect(found[0]?.hits[0]?.recordId).toBe('1');
    expect(found[0]?.total).toBe(1);
    expect(idx.search('renewal part', 3)[0]?.total).toBe(2_600);
  });

  it('counts a very common completion only so far, and a rare one still ranks first', () => {
    const idx = new SearchIndex();
    idx.upsert([...Array.from({ length: WORD_CAP + 50 }, (_, i) => company(String(i + 10), `Zed${i} Partners`)!), company('1', 'Parike')!]);
    const [group] = idx.search('par');
    expect(group?.hits[0]?.recordId).toBe('1');
    expect(group?.total).toBe(WORD_CAP + 1);
    expect(group?.totalAtLeast).toBe(true);
    expect(idx.search('parike')[0]).toMatchObject({ total: 1 });
    expect(idx.search('parike')[0]?.totalAtLeast).toBeUndefined();
  });

  it('updates incrementally: a renamed record is found under its new name only, a removed one not at all', () => {
    const idx = new SearchIndex();
    idx.upsert([company('1', 'Acme Corp')!, company('2', 'Globex')!]);
    idx.upsert([company('1', 'Initech')!]);
    expect(idx.size).toBe(2);
    expect(idx.search('acme')).toEqual([]);
    expect(idx.search('initech')[0]?.hits[0]).toMatchObject({ recordId: '1', title: 'Initech' });
    idx.remove(['companies:2', 'companies:404']);
    expect(idx.search('globex')).toEqual([]);
    expect(idx.size).toBe(1);
  });
});

describe('grouping and routes', () => {
  const hit = (type: SearchHit['type'], recordId: string, score: number): SearchHit => ({ type, recordId, title: recordId, detail: '', score });

  it('keeps the best hits of each type, groups ordered by their best hit', () => {
    const groups = groupHits([hit('notes', 'n1', 9), hit('companies', 'c1', 5), hit('notes', 'n2', 3), hit('notes', 'n3', 8), hit('deals', 'd1', 5)], 2);
    expect(groups.map((g) => [g.type, g.total, g.hits.map((h) => h.recordId)])).toEqual([
      ['notes', 3, ['n1', 'n3']],
      ['companies', 1, ['c1']],
      ['deals', 1, ['d1']],
    ]);
  });

  it('opens records in their preview, tasks in the Tasks tab, engagements on the record they are logged on', () => {
    expect(searchHitRoute('companies', '12')).toBe('/portfolio?record=companies/12');
    expect(searchHitRoute('tasks', '31')).toBe('/tasks?task=31');
    expect(
      searchHitRoute('notes', '5', [
        { toType: 'contacts', toId: '3' },
        { toType: 'companies', toId: '8' },
      ]),
    ).toBe('/portfolio?record=companies/8');
    expect(searchHitRoute('meetings', '5', [{ toType: 'tasks', toId: '3' }])).toBeNull();
    expect(searchHitRoute('contacts', 'tmp-1')).toBeNull();
  });
});
