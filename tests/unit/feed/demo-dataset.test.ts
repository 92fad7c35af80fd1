import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveFeed, FEED_TYPES, windowStart, type EngagementType, type FeedSources, type SourceEngagement } from '../../../shared/feed';
import { generateDataset } from '../../../src-main/demo-crm/dataset/generate';
import { DEFAULT_USER_ID, findUser } from '../../../src-main/demo-crm/schema/users';
import { Persistence } from '../../../src-main/demo-crm/store/persist';
import { Store } from '../../../src-main/demo-crm/store/store';
import type { CrmRecord } from '../../../src-main/demo-crm/store/types';
import { produceActivity } from '../../../src-main/demo-crm/tick';
import { DAY, HOUR, NOW } from './sources';

/**
 * The demo CRM's dataset feeds every item type of the Feed tab, spread over the recent weeks,
 * and its "tick" adds new activity — derived by the same function the app uses, from the
 * records as the CRM holds them (fixed clock: Fri 27 Nov 2026 09:00 Warsaw).
 */
const OWNER = findUser(DEFAULT_USER_ID)?.ownerId ?? '';
let dir: string;
let persistence: Persistence;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'feed-demo-'));
  persistence = await Persistence.open(dir);
  store = new Store(persistence, { now: () => NOW, mono: () => 0 }, 1e9);
  generateDataset(store, { size: 'small', seed: 1, now: NOW, zone: 'Europe/Warsaw' });
});
afterAll(() => {
  persistence.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = (r: CrmRecord) => ({ id: r.id, properties: r.props, createdAt: new Date(r.createdAt).toISOString() });

/** The default user's feed sources as a sync would store them. */
function sources(): FeedSources {
  const accounts = [...store.all('companies')].filter((c) => !c.archived && c.props.csm_owner === OWNER);
  const companiesOf = new Map<string, string[]>();
  for (const a of accounts) for (const [id] of store.assoc.list('companies', a.id, 'contacts')) companiesOf.set(id, [...(companiesOf.get(id) ?? []), a.id]);
  const contacts = [...companiesOf].map(([id, companyIds]) => ({ record: record(store.get('contacts', id) as CrmRecord), companyIds }));
  const engagements: SourceEngagement[] = [];
  for (const type of ['emails', 'meetings', 'calls', 'tickets'] as EngagementType[]) {
    const contactsOf = new Map<string, string[]>();
    for (const c of contacts)
      for (const [id] of store.assoc.list('contacts', c.record.id, type)) contactsOf.set(id, [...(contactsOf.get(id) ?? []), c.record.id]);
    for (const [id, contactIds] of contactsOf) engagements.push({ type, record: record(store.get(type, id) as CrmRecord), contactIds, companyIds: [] });
  }
  return { accountIds: accounts.map((a) => a.id), contacts, engagements };
}

describe('the demo CRM dataset in the feed', () => {
  it('gives the default user every item type over the last four weeks, on many days, sequence endings too', () => {
    const items = deriveFeed(sources(), { since: windowStart(NOW, 2) });
    const byType = new Map(FEED_TYPES.map((t) => [t, items.filter((i) => i.type === t).length]));
    for (const [type, n] of byType) expect(n, type).toBeGreaterThan(0);
    expect(items.every((i) => i.at <= NOW)).toBe(true);
    const days = new Set(items.map((i) => Math.floor((NOW - i.at) / DAY)));
    expect(days.size).toBeGreaterThanOrEqual(21);
    // The last 14 days (the first page of the tab) show contacts leaving sequences too.
    const recent = deriveFeed(sources(), { since: windowStart(NOW, 1) });
    expect(recent.filter((i) => i.type === 'sequence_unenrolled').length).toBeGreaterThan(0);
    expect(recent.filter((i) => i.type === 'sequence_finished').length).toBeGreaterThan(0);
    // A contact who left a sequence is not enrolled; its items name the sequence it left.
    const left = items.find((i) => i.type === 'sequence_finished');
    expect(left).toMatchObject({ enrolled: false, sequence: expect.any(String) });
  });

  it('keeps its sequence dates consistent: enrolled before it ended, ended before now', () => {
    for (const c of store.all('contacts')) {
      const p = c.props;
      const ended = p.hs_latest_sequence_unenrolled_date ?? p.hs_latest_sequence_finished_date;
      if (!ended) continue;
      expect(p.hs_sequences_is_enrolled).toBe('false');
      expect(p.hs_latest_sequence_ended_date).toBe(ended);
      expect(Date.parse(p.hs_latest_sequence_enrolled_date ?? '')).toBeLessThan(Date.parse(ended));
      expect(Date.parse(ended)).toBeLessThanOrEqual(NOW);
    }
  });

  it('changes over time: a tick brings new items of every type, once each however often derived', () => {
    const before = new Set(deriveFeed(sources()).map((i) => i.id));
    const later = NOW + 2 * HOUR;
    const { created } = produceActivity(store, DEFAULT_USER_ID, 2 * FEED_TYPES.length, later);
    expect(Object.values(created).reduce((a, b) => a + b, 0)).toBe(2 * FEED_TYPES.length);
    const after = deriveFeed(sources());
    const fresh = after.filter((i) => !before.has(i.id));
    expect(new Set(fresh.map((i) => i.type))).toEqual(new Set(FEED_TYPES));
    expect(fresh.every((i) => i.at === later)).toBe(true);
    // "Synced twice": deriving again from the same records gives the same items, no duplicates.
    expect(deriveFeed(sources())).toEqual(after);
    expect(new Set(after.map((i) => i.id)).size).toBe(after.length);
  });
});
