import type { FeedSources, SourceContact, SourceEngagement } from '../../../shared/feed';
import type { SyncedRecord } from '../../../shared/sync';
import { incrementalCursor } from '../../support/local-db';

/** Fri 2026-11-27 09:00 Europe/Warsaw, the e2e clock too. */
export const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();

export function contact(id: string, props: Record<string, string>, companyIds: string[] = ['c1']): SourceContact {
  return { record: { id, properties: { firstname: `First${id}`, lastname: 'Last', ...props }, createdAt: iso(NOW - 100 * DAY) }, companyIds };
}

export function engagement(
  type: SourceEngagement['type'],
  id: string,
  props: Record<string, string>,
  contactIds: string[],
  createdAt = NOW - 5 * DAY,
): SourceEngagement {
  return { type, record: { id, properties: props, createdAt: iso(createdAt) }, contactIds, companyIds: [] };
}

export function sources(contacts: SourceContact[], engagements: SourceEngagement[] = [], accountIds = ['c1']): FeedSources {
  return { accountIds, contacts, engagements };
}

/** A record as the sync pulls it for the feed's store tests: created a month ago, updated at `updatedAt`. */
export const rec = (id: string, properties: Record<string, string>, updatedAt = NOW - DAY): SyncedRecord => ({
  id,
  properties,
  createdAt: iso(NOW - 30 * DAY),
  updatedAt: iso(updatedAt),
  archived: false,
});

/** The cursor of an incremental page pulled at NOW. */
export const cursor = (objectType: string) => incrementalCursor(objectType, NOW);
