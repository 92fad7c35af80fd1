import { intBetween, pick } from '../prng';
import { DEFAULT_USER_ID, findUser } from '../schema/users';
import type { CrmRecord } from '../store/types';
import type { Gen } from './context';
import * as W from './words';

const ENGAGEMENT_TO_COMPANY: Record<string, number> = { tasks: 192, notes: 190, meetings: 188, calls: 182, emails: 186 };
const ENGAGEMENT_TO_CONTACT: Record<string, number> = { tasks: 204, notes: 202, meetings: 200, calls: 194, emails: 198 };

function engagement(g: Gen, type: string, props: Record<string, string>, at: number, company: CrmRecord, contact?: CrmRecord): CrmRecord {
  const createdAt = Math.min(at, g.now) - intBetween(g.rng, 1, 10) * 86_400_000;
  // Last modified when it took place, or, if that is still to come, when it was created: HubSpot
  // stamps the last write, not the due date, so a task due next week was not modified "now".
  const updatedAt = at <= g.now ? Math.max(createdAt, at) : createdAt;
  const r = g.store.insertGenerated(type, { ...props, hs_timestamp: g.iso(at) }, createdAt, updatedAt);
  g.store.assoc.add(type, r.id, 'companies', company.id, [ENGAGEMENT_TO_COMPANY[type] ?? 0]);
  if (contact) g.store.assoc.add(type, r.id, 'contacts', contact.id, [ENGAGEMENT_TO_CONTACT[type] ?? 0]);
  return r;
}

/** About ten engagements per account, spread over the past weeks and the coming ones. */
export function generateEngagements(g: Gen, company: CrmRecord, contacts: CrmRecord[]): void {
  const { rng } = g;
  const owner = company.props.csm_owner ?? '';
  const contact = (): CrmRecord | undefined => (contacts.length ? pick(rng, contacts) : undefined);
  for (let i = 0; i < 2; i++) {
    const at = g.around(-30, 30);
    const done = at < g.now && rng() < 0.6;
    engagement(g, 'tasks', taskProps(g, owner, done), at, company, contact());
  }
  for (let i = 0; i < 2; i++) {
    engagement(
      g,
      'notes',
      { hs_note_body: `<p>${pick(rng, W.TASK_SUBJECTS)}: discussed next steps with the customer.</p>`, hubspot_owner_id: owner },
      g.around(-60, 0),
      company,
      contact(),
    );
  }
  const meetings = rng() < 0.5 ? 2 : 1;
  for (let i = 0; i < meetings; i++) {
    const start = g.around(-30, 21);
    engagement(g, 'meetings', meetingProps(g, owner, start), start, company, contact());
  }
  for (let i = 0; i < 2; i++) {
    engagement(
      g,
      'calls',
      {
        hs_call_title: `Call with ${company.props.name ?? ''}`,
        hs_call_body: 'Talked through adoption and open questions.',
        hs_call_direction: pick(rng, ['INBOUND', 'OUTBOUND']),
        hs_call_duration: String(intBetween(rng, 60, 2400) * 1000),
        hs_call_status: 'COMPLETED',
        hubspot_owner_id: owner,
      },
      g.around(-45, 0),
      company,
      contact(),
    );
  }
  for (let i = 0; i < 3; i++) {
    const c = contact();
    engagement(
      g,
      'emails',
      {
        hs_email_subject: pick(rng, W.EMAIL_SUBJECTS),
        hs_email_text: 'Hi, following up on our last conversation. Best regards',
        hs_email_direction: pick(rng, ['EMAIL', 'INCOMING_EMAIL']),
        hs_email_status: 'SENT',
        hs_email_headers: JSON.stringify({ to: [{ email: c?.props.email ?? '' }] }),
        hubspot_owner_id: owner,
      },
      g.around(-30, 0),
      company,
      c,
    );
  }
}

function taskProps(g: Gen, owner: string, done: boolean, subject?: string, reminder?: number): Record<string, string> {
  const props: Record<string, string> = {
    hs_task_subject: subject ?? pick(g.rng, W.TASK_SUBJECTS),
    hs_task_body: 'Created by the demo CRM.',
    hs_task_status: done ? 'COMPLETED' : pick(g.rng, ['NOT_STARTED', 'NOT_STARTED', 'IN_PROGRESS', 'WAITING']),
    hs_task_priority: pick(g.rng, ['NONE', 'LOW', 'MEDIUM', 'HIGH']),
    hs_task_type: pick(g.rng, ['EMAIL', 'CALL', 'TODO']),
    hubspot_owner_id: owner,
  };
  if (done) props.hs_task_completion_date = g.iso(g.now - intBetween(g.rng, 1, 10) * 86_400_000);
  if (reminder !== undefined) props.hs_task_reminders = String(reminder);
  return props;
}

function meetingProps(g: Gen, owner: string, start: number, title?: string): Record<string, string> {
  const end = start + pick(g.rng, [30, 45, 60]) * 60_000;
  return {
    hs_meeting_title: title ?? pick(g.rng, W.MEETING_TITLES),
    hs_meeting_body: 'Agenda: adoption, roadmap, open tickets.',
    hs_meeting_external_url: `https://meet.example.com/${Math.floor(g.rng() * 1e9).toString(36)}`,
    hs_meeting_location: 'Video call',
    hs_meeting_start_time: g.iso(start),
    hs_meeting_end_time: g.iso(end),
    hs_meeting_outcome: start < g.now ? 'COMPLETED' : 'SCHEDULED',
    hs_activity_type: 'Customer call',
    hubspot_owner_id: owner,
  };
}

/**
 * The default user's agenda relative to "today" in the dataset zone: overdue, today's,
 * tomorrow's, later and completed tasks (some with reminders) and meetings today.
 */
export function generateDefaultUserAgenda(g: Gen, accounts: CrmRecord[]): void {
  const owner = findUser(DEFAULT_USER_ID)?.ownerId ?? '';
  if (accounts.length === 0) return;
  const account = (i: number): CrmRecord => accounts[i % accounts.length] as CrmRecord;
  const plan: [days: number, hour: number, done: boolean][] = [
    [-6, 10, false],
    [-3, 9, false],
    [-1, 14, false],
    [-1, 16, false],
    [0, 9, false],
    [0, 13, false],
    [0, 17, false],
    [1, 10, false],
    [1, 11, false],
    [1, 15, false],
    [3, 10, false],
    [7, 9, false],
    [14, 12, false],
    [30, 10, false],
    [-2, 10, true],
    [-1, 11, true],
    [0, 8, true],
    [-5, 15, true],
  ];
  plan.forEach(([days, hour, done], i) => {
    const at = g.localDay(days, hour);
    const reminder = i % 3 === 0 && !done ? at - 30 * 60_000 : undefined;
    engagement(g, 'tasks', taskProps(g, owner, done, W.TASK_SUBJECTS[i % W.TASK_SUBJECTS.length], reminder), at, account(i));
  });
  [
    [10, 0],
    [13, 30],
    [16, 0],
  ].forEach(([hour = 10, minute = 0], i) => {
    const start = g.localDay(0, hour, minute);
    engagement(g, 'meetings', meetingProps(g, owner, start, W.MEETING_TITLES[i]), start, account(i + 3));
  });
  engagement(g, 'meetings', meetingProps(g, owner, g.localDay(1, 11), 'Renewal discussion'), g.localDay(1, 11), account(7));
}
