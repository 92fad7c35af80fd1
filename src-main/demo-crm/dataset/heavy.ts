import { createRng, intBetween, pick } from '../prng';
import { DEFAULT_USER_ID, findUser } from '../schema/users';
import type { CrmRecord } from '../store/types';
import { DAY, type Gen } from './context';
import type { DatasetSize } from './generate';
import * as W from './words';

/** Accounts with a long history: more than 1,000 engagements each, so association reads page. */
export const HEAVY_ACCOUNTS: Record<DatasetSize, number> = { tiny: 0, small: 1, medium: 5, large: 20 };
/** Per heavy account: more than 500 of one type, so even one type needs a second page. */
export const HEAVY_ENGAGEMENTS = { emails: 560, notes: 300, calls: 200 } as const;

const TO_COMPANY: Record<string, number> = { notes: 190, calls: 182, emails: 186 };
const TO_CONTACT: Record<string, number> = { notes: 202, calls: 194, emails: 198 };

/**
 * Years of logged emails, notes and calls on a few accounts of CSMs other than the default
 * user, dated 4–24 months back so no screen's "recent" window of that user changes. Drawn
 * from their own PRNG and created after everything else, so the rest of the dataset (values
 * and ids) is what it was without them.
 */
export function generateHeavyAccounts(g: Gen, companies: CrmRecord[], size: DatasetSize, seed: number): void {
  const rng = createRng((seed ^ 0x4ea7_1e55) >>> 0);
  const me = findUser(DEFAULT_USER_ID)?.ownerId;
  const others = companies.filter((c) => c.props.csm_owner !== me);
  const heavy = others.filter((_, i) => i % Math.max(1, Math.floor(others.length / HEAVY_ACCOUNTS[size])) === 0).slice(0, HEAVY_ACCOUNTS[size]);
  for (const company of heavy) {
    const owner = company.props.csm_owner ?? '';
    const contacts = g.store.assoc
      .list('companies', company.id, 'contacts')
      .map(([id]) => g.store.get('contacts', id))
      .filter((c): c is CrmRecord => !!c);
    for (const [type, count] of Object.entries(HEAVY_ENGAGEMENTS)) {
      for (let i = 0; i < count; i++) {
        const at = Math.round(g.now - (120 + rng() * 600) * DAY);
        const contact = contacts.length ? pick(rng, contacts) : undefined;
        const props: Record<string, string> =
          type === 'emails'
            ? {
                hs_email_subject: pick(rng, W.EMAIL_SUBJECTS),
                hs_email_text: 'Hi, following up on our last conversation. Best regards',
                hs_email_direction: pick(rng, ['EMAIL', 'INCOMING_EMAIL']),
                hs_email_status: 'SENT',
                hs_email_headers: JSON.stringify({ to: [{ email: contact?.props.email ?? '' }] }),
              }
            : type === 'notes'
              ? { hs_note_body: `<p>${pick(rng, W.TASK_SUBJECTS)}: notes from the account review.</p>` }
              : {
                  hs_call_title: `Call with ${company.props.name ?? ''}`,
                  hs_call_body: 'Weekly check-in.',
                  hs_call_direction: pick(rng, ['INBOUND', 'OUTBOUND']),
                  hs_call_duration: String(intBetween(rng, 60, 2400) * 1000),
                  hs_call_status: 'COMPLETED',
                };
        const r = g.store.insertGenerated(type, { ...props, hubspot_owner_id: owner, hs_timestamp: g.iso(at) }, at, at);
        g.store.assoc.add(type, r.id, 'companies', company.id, [TO_COMPANY[type] ?? 0]);
        if (contact) g.store.assoc.add(type, r.id, 'contacts', contact.id, [TO_CONTACT[type] ?? 0]);
      }
    }
  }
}
