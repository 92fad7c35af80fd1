import { createRng } from './prng';
import { findUser } from './schema/users';
import type { Store } from './store/store';

/**
 * "New activity" for the feed: for accounts of the signed-in user, a contact opens an email,
 * replies with an incoming email, or converts on a form. Records change through the store,
 * so their modified dates move and a sync picks them up.
 */
export function produceActivity(store: Store, userId: string, count: number, now: number): { created: Record<string, number> } {
  const ownerId = findUser(userId)?.ownerId ?? '';
  const rng = createRng(now % 2 ** 31);
  const companies = [...store.all('companies')].filter((c) => !c.archived && c.props.csm_owner === ownerId);
  const created: Record<string, number> = { emails: 0, contacts: 0 };
  const source = { sourceType: 'EMAIL_INTEGRATION' };
  for (let i = 0; i < count && companies.length > 0; i++) {
    const company = companies[Math.floor(rng() * companies.length)];
    if (!company) continue;
    const contactId = store.assoc.list('companies', company.id, 'contacts')[0]?.[0];
    const contact = contactId ? store.get('contacts', contactId) : undefined;
    const iso = new Date(now).toISOString();
    if (contact) {
      const field = rng() < 0.5 ? 'hs_email_last_open_date' : 'hs_email_last_reply_date';
      store.update(contact, { [field]: iso }, source, now);
      created.contacts = (created.contacts ?? 0) + 1;
    }
    const email = store.create(
      'emails',
      {
        hs_timestamp: iso,
        hs_email_subject: 'Re: following up',
        hs_email_text: 'Thanks, let us talk next week.',
        hs_email_direction: 'INCOMING_EMAIL',
        hs_email_status: 'SENT',
        hubspot_owner_id: ownerId,
      },
      source,
      now,
    );
    store.assoc.add('emails', email.id, 'companies', company.id, [186]);
    if (contact) store.assoc.add('emails', email.id, 'contacts', contact.id, [198]);
    created.emails = (created.emails ?? 0) + 1;
  }
  return { created };
}
