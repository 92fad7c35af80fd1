/**
 * What the offline search indexes of a record: its title (name, subject), a detail line
 * (domain, e-mail address) and a body trimmed to a sane length, so half a million
 * engagements stay a few hundred megabytes at most in the search worker. Pure: the search
 * worker feeds it merged records (synced ⊕ overlay), the benchmark synthesized ones.
 */

/** The types the search box finds, in the order their groups are shown when scores tie. */
export const SEARCH_TYPES = ['companies', 'contacts', 'deals', 'tickets', 'tasks', 'notes', 'emails', 'meetings', 'calls'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const isSearchType = (t: string): t is SearchType => (SEARCH_TYPES as readonly string[]).includes(t);

/** One indexed record; `id` is `<type>:<recordId>`, unique across types. */
export interface SearchDoc {
  id: string;
  type: SearchType;
  recordId: string;
  title: string;
  detail: string;
  text: string;
}

/** The record as the index reads it (a merged record, a synced row). */
export interface SearchSource {
  id: string;
  properties: Record<string, string | null | undefined>;
  archived?: boolean;
}

interface Fields {
  title: readonly string[];
  detail: readonly string[];
  body: readonly string[];
}

/** Which properties feed each part; every one is in WORKSPACE_PROPERTIES, so the sync keeps it. */
export const SEARCH_FIELDS: Readonly<Record<SearchType, Fields>> = {
  companies: { title: ['name'], detail: ['domain'], body: ['city', 'country', 'industry'] },
  contacts: { title: ['firstname', 'lastname'], detail: ['email'], body: ['company', 'jobtitle', 'phone'] },
  deals: { title: ['dealname'], detail: [], body: [] },
  tickets: { title: ['subject'], detail: [], body: ['content'] },
  tasks: { title: ['hs_task_subject'], detail: [], body: ['hs_task_body'] },
  notes: { title: [], detail: [], body: ['hs_note_body'] },
  emails: { title: ['hs_email_subject'], detail: [], body: ['hs_email_text'] },
  meetings: { title: ['hs_meeting_title'], detail: ['hs_meeting_location'], body: ['hs_meeting_body'] },
  calls: { title: ['hs_call_title'], detail: [], body: ['hs_call_body'] },
};

export const TITLE_LIMIT = 160;
export const DETAIL_LIMIT = 160;
export const BODY_LIMIT = 240;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of a CRM value: HubSpot keeps note and e-mail bodies as HTML, so tags become
 * spaces (scripts and styles go with their content) and the common entities their characters. The result is shown as text, never markup.
 */
export function plainText(value: string): string {
  return value
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#\d{1,6});/g, (_, e: string) =>
      e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1)) || 32) : (ENTITIES[e] ?? ' '),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts at a word boundary when one is near, so a trimmed body never ends mid-word if it can help it. */
export function trimText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return (space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd();
}

function join(source: SearchSource, names: readonly string[], limit: number): string {
  const parts: string[] = [];
  for (const n of names) {
    const v = source.properties[n];
    if (typeof v === 'string' && v.trim()) parts.push(plainText(v));
  }
  return trimText(parts.join(' '), limit);
}

/** The indexed document of a record; null for an archived record or one with nothing to find. */
export function searchDocument(type: SearchType, source: SearchSource): SearchDoc | null {
  if (source.archived) return null;
  const f = SEARCH_FIELDS[type];
  const text = join(source, f.body, BODY_LIMIT);
  const detail = join(source, f.detail, DETAIL_LIMIT);
  // A note has no subject: its first words stand for one.
  const title = join(source, f.title, TITLE_LIMIT) || trimText(text, 80);
  if (!title && !detail && !text) return null;
  return { id: searchDocId(type, source.id), type, recordId: source.id, title, detail, text };
}

export const searchDocId = (type: string, recordId: string): string => `${type}:${recordId}`;
