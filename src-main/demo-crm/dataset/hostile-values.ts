import { pick, type Rng } from '../prng';
import type { Store } from '../store/store';

/**
 * The values of the hostile dataset (hostile.ts): what a real portal can hold and a client must
 * survive, named so that tests can look for them, and the seeded sprinkling of them over the
 * ordinary records.
 */

/** What every script in this dataset would set; a test checks that it stays undefined. */
export const PWNED = 'window.__pwned=1';

/** Markup and template payloads: each would run `PWNED` if a screen treated the value as HTML or as a template. */
export const MARKUP = [
  `<img src=x onerror="${PWNED}">`,
  `<script>${PWNED}</script>`,
  `<svg/onload=${PWNED}>`,
  `"><iframe srcdoc="<script>parent.__pwned=1</script>">`,
  `<a href="javascript:${PWNED}">click</a>`,
  `{{ constructor.constructor('${PWNED}')() }}`,
  '<b>bold</b> &amp; <i>&lt;escaped&gt;</i>',
  '${7*7} {{7*7}} <%= 7*7 %>',
] as const;

/** A link that runs script if a screen puts it in an href or hands it to window.open. */
export const JS_URL = `javascript:${PWNED}`;

/** Right-to-left override, zero-width joiners and spaces, emoji sequences, combining marks, RTL scripts. */
export const UNICODE = ['\u202Egnp.exe\u202C', 'zero\u200Bwidth\u200C\u200D\uFEFFjoin', '👩‍👩‍👧‍👦 🏳️‍🌈 🇵🇱', 'Z̷̢̛a̸̡l̶̨g̵o̴', 'שלום עולם مرحبا بالعالم'] as const;

/** HubSpot refuses string values over 65,536 characters; these stay just under. */
export const LONG_LENGTH = 65_000;

/** Dates that do not parse, or parse to nothing a calendar shows. */
export const BAD_DATES = ['2026-13-45', '-99999', '9999999999999999', '', 'yesterday', '2026-02-30T25:61:00Z'] as const;
/** Numbers as text. */
export const BAD_NUMBERS = ['NaN', '1e309', '-Infinity', '12,5', '１２３', ''] as const;

/** An owner that was deleted from the portal: records still name it. */
export const DELETED_OWNER_ID = '60009999';
/** A deal stage and a pipeline that were removed from the portal's settings. */
export const UNKNOWN_DEAL_STAGE = 'removed-stage-7731';
export const UNKNOWN_DEAL_PIPELINE = 'removed-pipeline-42';
export const UNKNOWN_TICKET_STAGE = '99999';

/** Recognisable starts of the hostile records' names, so a test can find them on screen. */
export const HOSTILE_NAMES = {
  company: 'Hostile markup',
  longCompany: 'Hostile long',
  unicodeCompany: 'Hostile unicode',
  contact: 'Hostile',
  deal: 'Hostile deal',
  longDeal: 'Hostile long deal',
  ticket: 'Hostile ticket',
  task: 'Hostile task',
  meeting: 'Hostile meeting',
  email: 'Hostile email',
} as const;

export const ALL_MARKUP = MARKUP.join(' ');

/** A value of exactly LONG_LENGTH characters starting with `start`, markup included on the way. */
export function longText(start: string): string {
  const filler = ` lorem ipsum ${ALL_MARKUP} ${UNICODE.join(' ')} dolor sit amet`;
  let s = start;
  while (s.length < LONG_LENGTH) s += filler;
  return s.slice(0, LONG_LENGTH);
}

const TEXT_FIELDS: Record<string, string[]> = {
  companies: ['description', 'city', 'country'],
  contacts: ['jobtitle', 'lastname'],
  deals: ['description', 'closed_lost_reason'],
  tickets: ['content'],
  tasks: ['hs_task_body'],
  notes: ['hs_note_body'],
  meetings: ['hs_meeting_body', 'hs_meeting_location'],
  calls: ['hs_call_body'],
  emails: ['hs_email_text'],
};
const DATE_FIELDS: Record<string, string[]> = {
  companies: ['renewal_date', 'notes_last_contacted'],
  contacts: ['hs_email_last_open_date', 'hs_analytics_last_visit_timestamp'],
  deals: ['closedate'],
};
const NUMBER_FIELDS: Record<string, string[]> = { companies: ['arr', 'nps_score', 'numberofemployees'], deals: ['amount'] };

/** One hostile value in about every tenth other record, by a seeded draw. */
export function sprinkle(store: Store, rng: Rng, me: string, skip: ReadonlySet<string>): void {
  for (const [type, fields] of Object.entries(TEXT_FIELDS)) {
    for (const r of store.all(type)) {
      if (rng() >= 0.1 || (type === 'companies' && skip.has(r.id))) continue;
      const roll = rng();
      const dates = DATE_FIELDS[type];
      const numbers = NUMBER_FIELDS[type];
      if (roll < 0.4) r.props[pick(rng, fields)] = `${pick(rng, MARKUP)} ${pick(rng, UNICODE)}`;
      else if (roll < 0.55 && dates) r.props[pick(rng, dates)] = pick(rng, BAD_DATES);
      else if (roll < 0.7 && numbers) r.props[pick(rng, numbers)] = pick(rng, BAD_NUMBERS);
      else if (roll < 0.8 && r.props.hubspot_owner_id && r.props.hubspot_owner_id !== me) r.props.hubspot_owner_id = DELETED_OWNER_ID;
      else if (roll < 0.85 && type === 'companies' && r.props.csm_owner !== me) r.props.csm_owner = DELETED_OWNER_ID;
      else r.props[pick(rng, fields)] = pick(rng, UNICODE);
    }
  }
}
