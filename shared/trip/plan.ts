import { toMillis } from '../sync';
import { DAY_MS, type Zone } from '../views/zone';

/**
 * What a trip of the next N days needs from the local store (docs/product.md §9, "Prepare for
 * a trip"), worked out from given rows: no Dexie, no clock of its own.
 */

/** A record as the plan reads it: its id and merged properties (synced ⊕ pending edits). */
export interface TripRecord {
  id: string;
  properties: Record<string, string | null>;
}

export const TRIP_DAYS = { min: 1, max: 30, default: 7 } as const;
/** Renewals within this many days count for the trip, whatever its length. */
export const RENEWAL_DAYS = 90;

export interface TripInput {
  now: number;
  days: number;
  zone: Zone;
  /** The user's meetings (any time; the plan keeps those in the window). */
  meetings: readonly TripRecord[];
  /** Per meeting: the contacts and accounts it is associated with. */
  meetingLinks: ReadonlyMap<string, { contacts: readonly string[]; accounts: readonly string[] }>;
  /** The user's tasks (any status). */
  tasks: readonly TripRecord[];
  /** Per task: the accounts it is associated with. */
  taskAccounts: ReadonlyMap<string, readonly string[]>;
  /** Per contact: the accounts it is associated with. */
  contactAccounts: ReadonlyMap<string, readonly string[]>;
  /** The user's accounts (the Portfolio's "Owned by me"). */
  accounts: readonly TripRecord[];
  renewalProperty: string | null;
  /** An account's health status from the local engine (null when not scored). */
  healthStatus: (accountId: string) => string | null;
}

export interface TripNeeds {
  /** The window: from the start of today to the end of the N-th day, in the user's zone. */
  from: number;
  to: number;
  /** Meetings in the window, by start time. */
  meetings: Array<{ id: string; title: string; start: number }>;
  contacts: string[];
  /** Every account the trip touches: meetings, their attendees, tasks, renewals, at-risk. */
  accounts: string[];
  tasksDue: string[];
  tasksOverdue: string[];
  renewals: string[];
  atRisk: string[];
}

/** A number of days in the allowed range (a bad value gives the default). */
export function clampDays(days: number): number {
  if (!Number.isFinite(days)) return TRIP_DAYS.default;
  return Math.min(TRIP_DAYS.max, Math.max(TRIP_DAYS.min, Math.round(days)));
}

export function tripWindow(now: number, days: number, zone: Zone): { from: number; to: number } {
  const today = zone.dayOf(now);
  return { from: zone.startOfDay(today), to: zone.startOfDay(today + clampDays(days)) };
}

/** The civil day of a date value: a plain date (YYYY-MM-DD, or midnight UTC ms) is that day anywhere; a datetime is its day in the zone. */
function dayOfValue(v: string | null | undefined, zone: Zone): number | undefined {
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Math.floor(Date.parse(v) / DAY_MS);
  const ms = toMillis(v);
  if (ms === undefined) return undefined;
  return ms % DAY_MS === 0 ? ms / DAY_MS : zone.dayOf(ms);
}

const isOpen = (t: TripRecord) => (t.properties.hs_task_status ?? 'NOT_STARTED') !== 'COMPLETED';

export function tripNeeds(input: TripInput): TripNeeds {
  const { zone, now } = input;
  const { from, to } = tripWindow(now, input.days, zone);
  const accounts = new Set<string>();
  const contacts = new Set<string>();

  const meetings = input.meetings
    .map((m) => ({
      id: m.id,
      title: m.properties.hs_meeting_title ?? '',
      start: toMillis(m.properties.hs_meeting_start_time) ?? toMillis(m.properties.hs_timestamp),
    }))
    .filter((m): m is { id: string; title: string; start: number } => m.start !== undefined && m.start >= from && m.start < to)
    .sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  for (const m of meetings) {
    const links = input.meetingLinks.get(m.id);
    for (const c of links?.contacts ?? []) contacts.add(c);
    for (const a of links?.accounts ?? []) accounts.add(a);
  }
  for (const c of contacts) for (const a of input.contactAccounts.get(c) ?? []) accounts.add(a);

  const tasksDue: string[] = [];
  const tasksOverdue: string[] = [];
  for (const t of input.tasks.filter(isOpen)) {
    const due = toMillis(t.properties.hs_timestamp);
    if (due === undefined || due >= to) continue;
    (due < now ? tasksOverdue : tasksDue).push(t.id);
    for (const a of input.taskAccounts.get(t.id) ?? []) accounts.add(a);
  }

  const today = zone.dayOf(now);
  const renewals: string[] = [];
  const atRisk: string[] = [];
  for (const a of input.accounts) {
    const day = input.renewalProperty ? dayOfValue(a.properties[input.renewalProperty], zone) : undefined;
    if (day !== undefined && day >= today && day < today + RENEWAL_DAYS) renewals.push(a.id);
    if (input.healthStatus(a.id) === 'atRisk') atRisk.push(a.id);
  }
  for (const id of [...renewals, ...atRisk]) accounts.add(id);

  return {
    from,
    to,
    meetings,
    contacts: [...contacts].sort(),
    accounts: [...accounts].sort(),
    tasksDue,
    tasksOverdue,
    renewals,
    atRisk,
  };
}
