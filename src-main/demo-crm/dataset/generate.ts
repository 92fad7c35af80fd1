import { intBetween, pick } from '../prng';
import { CSM_USERS, DEFAULT_USER_ID, findUser, USERS } from '../schema/users';
import type { Store } from '../store/store';
import type { CrmRecord } from '../store/types';
import { createGen, DAY, type Gen } from './context';
import { generateDefaultUserAgenda, generateEngagements } from './engagements';
import { generateDeals } from './deals';
import { fillCatalogue } from './fill';
import { generateHeavyAccounts } from './heavy';
import { applyHostile } from './hostile';
import * as W from './words';

/** `tiny` (40 accounts): for end-to-end tests whose subject is connecting or switching, not the book. */
export type DatasetSize = 'tiny' | 'small' | 'medium' | 'large';
/** `hostile`: the same book with values a client must survive mixed in (`hostile.ts`). */
export type DatasetKind = 'standard' | 'hostile';
export const COMPANY_COUNT: Record<DatasetSize, number> = { tiny: 40, small: 200, medium: 5_000, large: 50_000 };

const owner = (userId: string): string => findUser(userId)?.ownerId ?? '';
const MANAGER = USERS.find((u) => u.superAdmin && u.seatNames.length > 0);

/**
 * Fills an empty store with a deterministic dataset for `seed`, with dates relative to
 * `now` in `zone`. The default user (a CSM) owns a quarter of the book and gets an agenda
 * of overdue / today / tomorrow tasks and today's meetings.
 */
/**
 * `lean: true` leaves out what makes a portal heavy without changing anything the app's
 * screens show: the catalogue's fill values and the accounts with > 1,000 engagements. For
 * tests that exercise the workspace rather than sync volume (`startDemoCrm({ leanDataset })`).
 */
export function generateDataset(
  store: Store,
  opts: { size: DatasetSize; seed: number; now: number; zone: string; lean?: boolean; dataset?: DatasetKind },
): void {
  const g = createGen(store, opts.seed, opts.now, opts.zone);
  const companies: CrmRecord[] = [];
  for (let i = 0; i < COMPANY_COUNT[opts.size]; i++) {
    const company = generateCompany(g, i);
    companies.push(company);
    const contacts = generateContacts(g, company, intBetween(g.rng, 2, 4));
    generateDeals(g, company, contacts);
    generateEngagements(g, company, contacts);
  }
  generateDefaultUserAgenda(
    g,
    companies.filter((c) => c.props.csm_owner === owner(DEFAULT_USER_ID)),
  );
  if (!opts.lean) {
    generateHeavyAccounts(g, companies, opts.size, opts.seed);
    fillCatalogue(store, opts.size, opts.seed, opts.now);
  }
  const dataset = opts.dataset ?? 'standard';
  if (dataset === 'hostile') applyHostile(store, { seed: opts.seed, now: opts.now, zone: opts.zone });
  store.meta.set(
    'dataset',
    JSON.stringify({ size: opts.size, seed: opts.seed, now: opts.now, zone: opts.zone, ...(dataset === 'standard' ? {} : { dataset }) }),
  );
}

function generateCompany(g: Gen, i: number): CrmRecord {
  const { rng } = g;
  // Every fourth account belongs to the default user, the rest to the other CSMs.
  const csm =
    i % 4 === 0
      ? DEFAULT_USER_ID
      : pick(
          rng,
          CSM_USERS.filter((u) => u.id !== DEFAULT_USER_ID),
        ).id;
  const name = `${pick(rng, W.COMPANY_A)} ${pick(rng, W.COMPANY_B)}${i >= 300 ? ` ${i}` : ''}`;
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example.com`;
  const [city, country] = pick(rng, W.CITIES);
  const createdAt = g.around(-900, -60);
  const renewalDays = pick(rng, [-20, -5, 10, 25, 45, 75, 120, 200, 300]) + intBetween(rng, -4, 4);
  const renewal = new Date(Math.floor((g.now + renewalDays * DAY) / DAY) * DAY).toISOString().slice(0, 10);
  const plan = pick(rng, ['Starter', 'Professional', 'Enterprise']);
  const arr = { Starter: 6_000, Professional: 24_000, Enterprise: 96_000 }[plan] ?? 0;
  const props: Record<string, string> = {
    name,
    domain,
    website: `https://${domain}`,
    phone: `+48 22 ${intBetween(rng, 100, 999)} ${intBetween(rng, 10, 99)} ${intBetween(rng, 10, 99)}`,
    city,
    country,
    industry: pick(rng, W.INDUSTRIES),
    numberofemployees: String(intBetween(rng, 10, 5000)),
    annualrevenue: String(intBetween(rng, 1, 500) * 100_000),
    lifecyclestage: 'customer',
    hubspot_owner_id: owner(csm),
    csm_owner: owner(csm),
    renewal_date: renewal,
    csm_sentiment: pick(rng, ['Good', 'Good', 'Neutral', 'Bad']),
    nps_score: String(intBetween(rng, 0, 10)),
    plan,
    arr: String(Math.round(arr * (0.6 + rng() * 0.9))),
    notes_last_contacted: g.iso(g.around(-40, -1)),
  };
  const history: CrmRecord['history'] = {};
  const assignedAt = g.around(-29, -1);
  // Some of the default user's accounts were handed over within the last 30 days.
  if (csm === DEFAULT_USER_ID && rng() < 0.3) {
    const previous = pick(
      rng,
      CSM_USERS.filter((u) => u.id !== DEFAULT_USER_ID),
    );
    history.csm_owner = [
      { value: owner(csm), timestamp: assignedAt, sourceType: 'CRM_UI', ...(MANAGER ? { updatedByUserId: Number(MANAGER.id) } : {}) },
      { value: owner(previous.id), timestamp: createdAt, sourceType: 'IMPORT' },
    ];
  }
  const updatedAt = history.csm_owner ? assignedAt : g.around(-60, -1);
  return g.store.insertGenerated('companies', props, createdAt, Math.max(createdAt, updatedAt), history);
}

function generateContacts(g: Gen, company: CrmRecord, count: number): CrmRecord[] {
  const { rng } = g;
  const out: CrmRecord[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(rng, W.FIRST);
    const last = pick(rng, W.LAST);
    const maybe = (p: number, from: number, to: number): string | undefined => (rng() < p ? g.iso(g.around(from, to)) : undefined);
    const enrolled = rng() < 0.12;
    const props: Record<string, string | undefined> = {
      firstname: first,
      lastname: last,
      email: `${first}.${last}.${company.id}${i}@${company.props.domain ?? 'example.com'}`
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, ''),
      phone: `+48 600 ${intBetween(rng, 100, 999)} ${intBetween(rng, 100, 999)}`,
      jobtitle: pick(rng, W.TITLES),
      company: company.props.name,
      lifecyclestage: 'customer',
      associatedcompanyid: company.id,
      hubspot_owner_id: company.props.csm_owner,
      hs_email_last_open_date: maybe(0.6, -21, 0),
      hs_email_last_click_date: maybe(0.3, -21, 0),
      hs_email_last_reply_date: maybe(0.2, -21, 0),
      hs_email_last_email_name: pick(rng, W.EMAIL_SUBJECTS),
      hs_analytics_last_visit_timestamp: maybe(0.5, -14, 0),
      hs_sequences_is_enrolled: enrolled ? 'true' : 'false',
      hs_latest_sequence_enrolled: enrolled ? pick(rng, W.SEQUENCES) : undefined,
      hs_latest_sequence_enrolled_date: enrolled ? g.iso(g.around(-14, 0)) : undefined,
    };
    if (rng() < 0.15) {
      props.recent_conversion_date = g.iso(g.around(-21, 0));
      props.recent_conversion_event_name = pick(rng, W.CONVERSIONS);
    }
    if (!enrolled) Object.assign(props, pastSequence(g));
    const clean = Object.fromEntries(Object.entries(props).filter((e): e is [string, string] => e[1] !== undefined));
    const createdAt = company.createdAt + intBetween(rng, 0, 30) * DAY;
    const contact = g.store.insertGenerated('contacts', clean, createdAt, Math.max(createdAt, g.around(-21, 0)));
    g.store.assoc.add('contacts', contact.id, 'companies', company.id, i === 0 ? [1] : []);
    out.push(contact);
  }
  company.props.num_associated_contacts = String(count);
  return out;
}

/**
 * Some contacts not in a sequence now were in one over the past weeks, and left it: they
 * unenrolled (replied, booked a meeting, or were taken out) or finished its last step.
 * HubSpot keeps the latest sequence's name and dates on the contact. Drawn from
 * `activityRng`, so the rest of the dataset is the same as before these were added.
 */
function pastSequence(g: Gen): Record<string, string> {
  const r = g.activityRng;
  if (r() >= 0.25) return {};
  const hour = 3_600_000;
  const enrolledAt = Math.round(g.now - (6 + r() * 30) * DAY);
  const finished = r() < 0.45;
  const sequence = pick(r, W.SEQUENCES);
  const endedAt = Math.min(g.now - hour, Math.round(enrolledAt + (finished ? 4 + r() * 18 : 1 + r() * 12) * DAY));
  return {
    hs_latest_sequence_enrolled: sequence,
    hs_latest_sequence_enrolled_date: g.iso(enrolledAt),
    [finished ? 'hs_latest_sequence_finished_date' : 'hs_latest_sequence_unenrolled_date']: g.iso(endedAt),
    hs_latest_sequence_ended_date: g.iso(endedAt),
  };
}
