import { DEEP_LINK_RECORD_TYPES, recordFromQuery } from '../contract/deep-link';
import type { SearchType } from './documents';

/** A record an engagement is associated with (an `associations` row seen from the engagement). */
export interface LinkedRecord {
  toType: string;
  toId: string;
}

/** Which associated record an engagement opens: the account first, as the timeline is read there. */
const PREFERRED: readonly string[] = ['companies', 'contacts', 'deals', 'tickets'];

const previewRoute = (type: string, id: string): string | null => {
  const value = `${type}/${id}`;
  // The same check the Portfolio tab applies to `?record=`; a temporary id (a record created
  // offline and not yet in the CRM) has no preview route yet.
  return recordFromQuery(value) ? `/portfolio?record=${value}` : null;
};

/**
 * The workspace route a search hit opens: a company, contact, deal or ticket opens its record
 * preview (`/portfolio?record=`), a task its row in the Tasks tab (`/tasks?task=`), a note, an
 * e-mail, a meeting or a call the preview of the record it is logged on, where its timeline
 * shows it. Null when there is nowhere to go (an engagement on no record).
 */
export function searchHitRoute(type: SearchType, recordId: string, linked: readonly LinkedRecord[] = []): string | null {
  if ((DEEP_LINK_RECORD_TYPES as readonly string[]).includes(type)) return previewRoute(type, recordId);
  if (type === 'tasks') return `/tasks?task=${encodeURIComponent(recordId)}`;
  const ordered = [...linked].sort((a, b) => rank(a.toType) - rank(b.toType));
  for (const l of ordered) {
    const route = rank(l.toType) < PREFERRED.length ? previewRoute(l.toType, l.toId) : null;
    if (route) return route;
  }
  return null;
}

const rank = (t: string) => {
  const i = PREFERRED.indexOf(t);
  return i < 0 ? PREFERRED.length : i;
};
