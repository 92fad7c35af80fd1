import type { TripNeeds } from './plan';

/**
 * The readiness card's content (docs/product.md §9, "Prepare for a trip"): per part, how many
 * records the trip needs and how many of that kind are on this computer, the local size, when
 * the data was last refreshed, and what could not be fetched, as codes the page words.
 */

export const TRIP_PARTS = ['accounts', 'contacts', 'meetings', 'tasks', 'renewals', 'atRisk', 'activities'] as const;
export type TripPart = (typeof TRIP_PARTS)[number];

/** Why something could not be fetched: no connection, the CRM refused it, its rate limit, anything else. */
export type ProblemKind = 'offline' | 'refused' | 'rateLimited' | 'failed';

export interface TripProblem {
  kind: ProblemKind;
  /** What it concerns: an object type, `refresh` (the sync pass) or `allProperties`. */
  subject: string;
  /** The CRM's own words, when it gave any (shown as text, never markup). */
  message?: string;
}

/** What stays online-only even after the preparation (said in the card, never hidden). */
export const NOT_OFFLINE = ['propertyHistory'] as const;

export interface Readiness {
  at: number;
  days: number;
  from: number;
  to: number;
  /** Whether the sync pass ran to its end before the card was made. */
  refreshed: boolean;
  /** When every type last synced (the sync status), or null when never this session. */
  lastSyncedAt: number | null;
  /** Bytes the browser reports this app's storage uses, when it can tell. */
  sizeBytes: number | null;
  parts: Array<{ part: TripPart; trip: number; local: number }>;
  /** The first meetings of the window (up to 10), for the card. */
  meetings: Array<{ id: string; title: string; start: number }>;
  /** Accounts whose full property list is kept for the trip ("All properties" offline). */
  allPropertiesSaved: number;
  problems: TripProblem[];
  notOffline: string[];
  /** False when no health score is set up: no account can be At risk (absent in cards of earlier builds). */
  healthScored?: boolean;
}

export function classifyError(message: string): ProblemKind {
  if (/\b429\b|rate.?limit|too many requests|ten_secondly|daily limit/i.test(message)) return 'rateLimited';
  if (/unreachable|offline|network|failed to fetch|ECONNREFUSED/i.test(message)) return 'offline';
  if (/\b40[13]\b|scope|forbidden|unauthori[sz]ed|refused|permission/i.test(message)) return 'refused';
  return 'failed';
}

export interface ReadinessInput {
  at: number;
  days: number;
  needs: TripNeeds;
  /** Records of each kind on this computer (the whole book). */
  local: Record<'accounts' | 'contacts' | 'meetings' | 'tasks' | 'activities', number>;
  /** Activities (notes, emails, calls) on the accounts the trip touches. */
  tripActivities: number;
  refreshed: boolean;
  lastSyncedAt: number | null;
  sizeBytes: number | null;
  allPropertiesSaved: number;
  problems: readonly TripProblem[];
  healthScored: boolean;
}

export function summarizeReadiness(input: ReadinessInput): Readiness {
  const { needs, local } = input;
  const parts: Readiness['parts'] = [
    { part: 'accounts', trip: needs.accounts.length, local: local.accounts },
    { part: 'contacts', trip: needs.contacts.length, local: local.contacts },
    { part: 'meetings', trip: needs.meetings.length, local: local.meetings },
    { part: 'tasks', trip: needs.tasksDue.length + needs.tasksOverdue.length, local: local.tasks },
    { part: 'renewals', trip: needs.renewals.length, local: needs.renewals.length },
    { part: 'atRisk', trip: needs.atRisk.length, local: needs.atRisk.length },
    { part: 'activities', trip: input.tripActivities, local: local.activities },
  ];
  // One line per subject and kind: a rate limit hit on three batches is said once.
  const seen = new Set<string>();
  const problems = input.problems.filter((p) => {
    const k = `${p.kind}:${p.subject}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  return {
    at: input.at,
    days: input.days,
    from: needs.from,
    to: needs.to,
    refreshed: input.refreshed,
    lastSyncedAt: input.lastSyncedAt,
    sizeBytes: input.sizeBytes,
    parts,
    meetings: needs.meetings.slice(0, 10),
    allPropertiesSaved: input.allPropertiesSaved,
    problems,
    notOffline: [...NOT_OFFLINE],
    healthScored: input.healthScored,
  };
}

/** Ready: refreshed with nothing missing; partial: something could not be fetched; stale: local data only. */
export function readinessLevel(r: Pick<Readiness, 'refreshed' | 'problems'>): 'ready' | 'partial' | 'stale' {
  if (!r.refreshed) return 'stale';
  return r.problems.length > 0 ? 'partial' : 'ready';
}
