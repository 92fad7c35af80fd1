import { describe, expect, it } from 'vitest';
import { deriveFeed, filterFeed, groupByDay, isUnread, MAX_CLOCK_SKEW_MS, seenThrough, windowStart, type FeedItem } from '../../../shared/feed';
import { contact, DAY, engagement, HOUR, iso, NOW, sources } from './sources';

const only = (items: FeedItem[]) => {
  expect(items).toHaveLength(1);
  return items[0] as FeedItem;
};

describe('feed items from contact properties', () => {
  it.each([
    ['email_opened', 'hs_email_last_open_date', 'open'],
    ['email_clicked', 'hs_email_last_click_date', 'click'],
    ['email_replied', 'hs_email_last_reply_date', 'reply'],
  ] as const)('%s from %s, named by the last email', (type, prop, key) => {
    const at = NOW - 2 * HOUR;
    const item = only(deriveFeed(sources([contact('7', { [prop]: iso(at), hs_email_last_email_name: 'Renewal offer' })])));
    expect(item).toEqual({ id: `${key}:7:${at}`, type, at, contactId: '7', accountId: 'c1', subject: 'Renewal offer', enrolled: false });
  });

  it('form submitted from recent_conversion_date with the form name', () => {
    const at = NOW - DAY;
    const item = only(deriveFeed(sources([contact('7', { recent_conversion_date: iso(at), recent_conversion_event_name: 'Webinar signup' })])));
    expect(item).toMatchObject({ id: `form:7:${at}`, type: 'form_submitted', at, subject: 'Webinar signup' });
  });

  it('website visit from hs_analytics_last_visit_timestamp (epoch ms accepted too)', () => {
    const at = NOW - 3 * HOUR;
    const item = only(deriveFeed(sources([contact('7', { hs_analytics_last_visit_timestamp: String(at) })])));
    expect(item).toMatchObject({ id: `visit:7:${at}`, type: 'website_visit', at });
  });

  it('sequence enrolled / unenrolled / finished from the latest-sequence properties', () => {
    const enrolledAt = NOW - 5 * DAY;
    const enrolled = deriveFeed(
      sources([
        contact('7', { hs_sequences_is_enrolled: 'true', hs_latest_sequence_enrolled: 'Renewal nurture', hs_latest_sequence_enrolled_date: iso(enrolledAt) }),
      ]),
    );
    expect(only(enrolled)).toMatchObject({
      id: `seq-enrolled:7:${enrolledAt}`,
      type: 'sequence_enrolled',
      at: enrolledAt,
      sequence: 'Renewal nurture',
      enrolled: true,
    });

    const left = deriveFeed(
      sources([
        contact('8', {
          hs_sequences_is_enrolled: 'false',
          hs_latest_sequence_enrolled: 'Onboarding sequence',
          hs_latest_sequence_enrolled_date: iso(NOW - 9 * DAY),
          hs_latest_sequence_unenrolled_date: iso(NOW - 2 * DAY),
          hs_latest_sequence_finished_date: iso(NOW - 1 * DAY),
        }),
      ]),
    );
    expect(left.map((i) => [i.type, i.at, i.sequence, i.enrolled])).toEqual([
      ['sequence_finished', NOW - DAY, 'Onboarding sequence', false],
      ['sequence_unenrolled', NOW - 2 * DAY, 'Onboarding sequence', false],
      ['sequence_enrolled', NOW - 9 * DAY, 'Onboarding sequence', false],
    ]);
  });

  it('skips contacts that are not on one of the user’s accounts, and empty values', () => {
    const items = deriveFeed(sources([contact('7', { hs_email_last_open_date: iso(NOW) }, ['other']), contact('8', { hs_email_last_open_date: '' })]));
    expect(items).toEqual([]);
  });
});

describe('feed items from engagements and tickets', () => {
  const people = [contact('7', { hs_sequences_is_enrolled: 'true', hs_latest_sequence_enrolled: 'Adoption boost' })];

  it('email replied from an incoming email; outgoing emails are not the contact’s activity', () => {
    const at = NOW - HOUR;
    const items = deriveFeed(
      sources(people, [
        engagement('emails', 'e1', { hs_timestamp: iso(at), hs_email_direction: 'INCOMING_EMAIL', hs_email_subject: 'Re: pricing' }, ['7']),
        engagement('emails', 'e2', { hs_timestamp: iso(at), hs_email_direction: 'EMAIL', hs_email_subject: 'Pricing' }, ['7']),
      ]),
    );
    expect(only(items)).toEqual({
      id: `reply:7:${at}`,
      type: 'email_replied',
      at,
      contactId: '7',
      accountId: 'c1',
      subject: 'Re: pricing',
      enrolled: true,
      sequence: 'Adoption boost',
    });
  });

  it('a reply seen both as the contact property and as the incoming email is one item, with the subject', () => {
    const at = NOW - HOUR;
    const c = contact('7', { hs_email_last_reply_date: iso(at) });
    const items = deriveFeed(
      sources([c], [engagement('emails', 'e1', { hs_timestamp: iso(at), hs_email_direction: 'INCOMING_EMAIL', hs_email_subject: 'Re: following up' }, ['7'])]),
    );
    expect(only(items)).toMatchObject({ id: `reply:7:${at}`, subject: 'Re: following up' });
  });

  it('meeting booked at the meeting’s creation, not its start; cancelled meetings are left out', () => {
    const created = NOW - 3 * DAY;
    const items = deriveFeed(
      sources(people, [
        engagement('meetings', 'm1', { hs_timestamp: iso(NOW + 2 * DAY), hs_meeting_title: 'QBR', hs_meeting_outcome: 'SCHEDULED' }, ['7'], created),
        engagement('meetings', 'm2', { hs_timestamp: iso(NOW + 2 * DAY), hs_meeting_title: 'Old', hs_meeting_outcome: 'CANCELED' }, ['7'], created),
      ]),
    );
    expect(only(items)).toMatchObject({ id: 'meeting:m1:7', type: 'meeting_booked', at: created, subject: 'QBR' });
  });

  it('call logged at hs_timestamp, ticket opened at createdate; one item per associated contact of the user', () => {
    const two = [...people, contact('8', {})];
    const items = deriveFeed(
      sources(two, [
        engagement('calls', 'k1', { hs_timestamp: iso(NOW - 4 * HOUR), hs_call_title: 'Check-in' }, ['7', '8', 'stranger']),
        engagement('tickets', 't1', { createdate: iso(NOW - 6 * HOUR), subject: 'Login fails' }, ['8']),
      ]),
    );
    expect(items.map((i) => [i.id, i.type, i.at, i.subject])).toEqual([
      ['call:k1:7', 'call_logged', NOW - 4 * HOUR, 'Check-in'],
      ['call:k1:8', 'call_logged', NOW - 4 * HOUR, 'Check-in'],
      ['ticket:t1:8', 'ticket_opened', NOW - 6 * HOUR, 'Login fails'],
    ]);
  });
});

describe('one item per source, newest first, in the window', () => {
  const c = contact('7', { hs_email_last_open_date: iso(NOW - HOUR), hs_analytics_last_visit_timestamp: iso(NOW - 20 * DAY) });
  const call = engagement('calls', 'k1', { hs_timestamp: iso(NOW - 2 * HOUR), hs_call_title: 'Check-in' }, ['7']);

  it('the same source synced twice (listed twice, or derived again) gives the same single items', () => {
    const once = deriveFeed(sources([c], [call]));
    const twice = deriveFeed(sources([c, c], [call, call]));
    expect(twice).toEqual(once);
    expect(deriveFeed(sources([c], [call]))).toEqual(once);
    expect(new Set(once.map((i) => i.id)).size).toBe(once.length);
    expect(once.map((i) => i.at)).toEqual([NOW - HOUR, NOW - 2 * HOUR, NOW - 20 * DAY]);
  });

  it('"Load older" windows: 14 days, then 28', () => {
    expect(deriveFeed(sources([c], [call]), { since: windowStart(NOW, 1) }).map((i) => i.type)).toEqual(['email_opened', 'call_logged']);
    expect(deriveFeed(sources([c], [call]), { since: windowStart(NOW, 2) })).toHaveLength(3);
  });

  it('dismissed items stay dismissed when the sources are synced again, a newer occurrence is a new item', () => {
    const first = deriveFeed(sources([c], [call]));
    const dismissed = new Set([first[0]?.id ?? '']);
    const resynced = deriveFeed(sources([c], [call]), { dismissed });
    expect(resynced.map((i) => i.id)).not.toContain(first[0]?.id);
    const opensAgain = contact('7', { hs_email_last_open_date: iso(NOW), hs_analytics_last_visit_timestamp: iso(NOW - 20 * DAY) });
    expect(deriveFeed(sources([opensAgain], [call]), { dismissed })[0]).toMatchObject({ id: `open:7:${NOW}`, type: 'email_opened' });
  });
});

describe('search, filters, day groups, unread', () => {
  const items = deriveFeed(
    sources(
      [
        contact('7', {
          firstname: 'Zoë',
          lastname: 'Łukasik',
          hs_email_last_open_date: iso(NOW - HOUR),
          hs_email_last_email_name: 'Renewal offer',
          hs_sequences_is_enrolled: 'true',
          hs_latest_sequence_enrolled: 'Renewal nurture',
          hs_latest_sequence_enrolled_date: iso(NOW - 30 * HOUR),
        }),
        contact('8', { firstname: 'Ann', hs_analytics_last_visit_timestamp: iso(NOW - 10 * HOUR) }, ['c2']),
      ],
      [],
      ['c1', 'c2'],
    ),
  );
  const names = { contact: (id: string) => (id === '7' ? 'Zoë Łukasik' : 'Ann Last'), account: (id: string) => (id === 'c1' ? 'Acme Rail' : 'Nord Bank') };
  const ids = (f: Partial<Parameters<typeof filterFeed>[1]>) =>
    filterFeed(items, { query: '', types: [], sequence: { kind: 'any' }, ...f }, names).map((i) => i.id);

  it('searches contact, account and subject, ignoring case and accents', () => {
    expect(ids({ query: 'zoe lukasik' })).toHaveLength(2);
    expect(ids({ query: 'nord' })).toEqual([`visit:8:${NOW - 10 * HOUR}`]);
    expect(ids({ query: 'RENEWAL offer' })).toEqual([`open:7:${NOW - HOUR}`]);
  });

  it('finds an item by a name that changed since the last search (the folded text is kept per item, not for ever)', () => {
    expect(ids({ query: 'zoe' })).toHaveLength(2);
    const renamed = { ...names, contact: (id: string) => (id === '7' ? 'Zofia Nowak' : 'Ann Last') };
    const search = (query: string) => filterFeed(items, { query, types: [], sequence: { kind: 'any' } }, renamed).map((i) => i.id);
    expect(search('zoe')).toEqual([]);
    expect(search('zofia')).toHaveLength(2);
  });

  it('reads the names again for a new list, with the same names object (the store’s reads its current feed)', () => {
    const current = new Map([['7', 'Zoë Łukasik']]);
    const live = { ...names, contact: (id: string) => current.get(id) ?? 'Ann Last' };
    const search = (list: FeedItem[]) => filterFeed(list, { query: 'zofia', types: [], sequence: { kind: 'any' } }, live).map((i) => i.id);
    expect(search(items)).toEqual([]);
    current.set('7', 'Zofia Nowak');
    expect(search([...items])).toHaveLength(2);
  });

  it('filters by several types and by enrollment', () => {
    expect(ids({ types: ['website_visit', 'sequence_enrolled'] })).toEqual([`visit:8:${NOW - 10 * HOUR}`, `seq-enrolled:7:${NOW - 30 * HOUR}`]);
    expect(ids({ sequence: { kind: 'enrolled' } })).toHaveLength(2);
    expect(ids({ sequence: { kind: 'not-enrolled' } })).toEqual([`visit:8:${NOW - 10 * HOUR}`]);
    expect(ids({ sequence: { kind: 'sequence', name: 'Renewal nurture' } })).toHaveLength(2);
    expect(ids({ sequence: { kind: 'sequence', name: 'Adoption boost' } })).toEqual([]);
  });

  it('groups by civil day in the workspace zone', () => {
    const rows = groupByDay(items, 'Europe/Warsaw');
    // 08:00 today and 23:00 yesterday (Warsaw) are different days; in Tokyo (UTC+9) they are 16:00 and 07:00 of one day.
    expect(rows.map((r) => r.kind)).toEqual(['day', 'item', 'day', 'item', 'item']);
    expect(groupByDay(items, 'Asia/Tokyo').map((r) => r.kind)).toEqual(['day', 'item', 'item', 'day', 'item']);
  });

  it('groups the days around a change of clock by their civil day, once each', () => {
    // Warsaw leaves summer time on Sunday 25 October 2026 at 03:00 (UTC+2 → UTC+1): that day lasts 25 hours.
    const at = (utc: string) => Date.parse(utc);
    const list = [
      at('2026-10-25T23:10:00Z'), // Monday 26th, 00:10
      at('2026-10-25T22:50:00Z'), // Sunday 25th, 23:50
      at('2026-10-25T01:30:00Z'), // 02:30, summer time ended an hour ago
      at('2026-10-25T00:30:00Z'), // 02:30 in summer time
      at('2026-10-24T22:10:00Z'), // Sunday 25th, 00:10
      at('2026-10-24T21:50:00Z'), // Saturday 24th, 23:50
    ].map((ms, i) => ({ ...(items[0] as FeedItem), id: `i${i}`, at: ms }));
    const rows = groupByDay(list, 'Europe/Warsaw');
    expect(rows.map((r) => (r.kind === 'day' ? new Date(r.dayStart).toISOString() : r.key))).toEqual([
      '2026-10-25T23:00:00.000Z',
      'i0',
      '2026-10-24T22:00:00.000Z',
      'i1',
      'i2',
      'i3',
      'i4',
      '2026-10-23T22:00:00.000Z',
      'i5',
    ]);
  });

  it('marks as unread what happened after the previous visit; nothing on a first visit', () => {
    expect(isUnread(NOW, NOW - 1)).toBe(true);
    expect(isUnread(NOW - 2, NOW - 1)).toBe(false);
    expect(isUnread(NOW, null)).toBe(false);
  });

  it('a visit has seen up to now, or up to the newest item on screen when the CRM clock is ahead', () => {
    expect(seenThrough(NOW, [{ at: NOW - HOUR }])).toBe(NOW);
    expect(seenThrough(NOW, [{ at: NOW - HOUR }, { at: NOW + 5000 }])).toBe(NOW + 5000);
    // A call logged for tomorrow does not hide today's new activity.
    expect(seenThrough(NOW, [{ at: NOW + MAX_CLOCK_SKEW_MS + 1 }, { at: NOW + 1000 }])).toBe(NOW + 1000);
    expect(seenThrough(NOW, [])).toBe(NOW);
    // Activity seen at NOW + 5 s (CRM time) is not unread after the visit; what comes later is.
    const seen = seenThrough(NOW, [{ at: NOW + 5000 }]);
    expect(isUnread(NOW + 5000, seen)).toBe(false);
    expect(isUnread(NOW + 6000, seen)).toBe(true);
  });
});
