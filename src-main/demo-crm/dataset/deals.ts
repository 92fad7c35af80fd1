import { intBetween, pick } from '../prng';
import { PIPELINES } from '../schema/pipelines';
import type { CrmRecord } from '../store/types';
import type { Gen } from './context';
import * as W from './words';

/** A renewal deal per account, sometimes an expansion deal, tickets and a subscription. */
export function generateDeals(g: Gen, company: CrmRecord, contacts: CrmRecord[]): void {
  const { rng, store } = g;
  const owner = company.props.csm_owner ?? '';
  const name = company.props.name ?? 'Account';
  const pipelines = [PIPELINES.deals[1], ...(rng() < 0.4 ? [PIPELINES.deals[0]] : [])];
  for (const pipeline of pipelines) {
    if (!pipeline) continue;
    const stage = pick(rng, pipeline.stages);
    const closed = stage.metadata.isClosed === 'true';
    const props: Record<string, string> = {
      dealname: `${name} – ${pipeline.id === 'default' ? 'Expansion' : 'Renewal'}`,
      amount: String(intBetween(rng, 20, 400) * 100),
      closedate: g.iso(closed ? g.around(-60, -1) : g.around(5, 120)),
      pipeline: pipeline.id,
      dealstage: stage.id,
      dealtype: pipeline.id === 'default' ? 'newbusiness' : 'existingbusiness',
      hubspot_owner_id: owner,
      hs_deal_stage_probability: stage.metadata.probability ?? '0',
      hs_v2_date_entered_current_stage: g.iso(g.around(-30, -1)),
    };
    if (stage.metadata.probability === '0.0') props.closed_lost_reason = 'Budget cuts';
    const createdAt = g.around(-200, -31);
    const deal = store.insertGenerated('deals', props, createdAt, g.around(-30, -1));
    store.assoc.add('deals', deal.id, 'companies', company.id, [5]);
    const contact = contacts[0];
    if (contact) store.assoc.add('deals', deal.id, 'contacts', contact.id, []);
  }
  const tickets = rng() < 0.5 ? 1 : rng() < 0.3 ? 2 : 0;
  for (let i = 0; i < tickets; i++) {
    const pipeline = pick(rng, PIPELINES.tickets);
    const stage = pick(rng, pipeline.stages);
    const closed = stage.metadata.ticketState === 'CLOSED';
    const createdAt = g.around(-60, -1);
    const props: Record<string, string> = {
      subject: pipeline.id === '0' ? pick(rng, W.TICKET_SUBJECTS) : `Onboarding: ${name}`,
      content: 'Customer reported the issue through the support portal.',
      hs_pipeline: pipeline.id,
      hs_pipeline_stage: stage.id,
      hs_ticket_priority: pick(rng, ['LOW', 'MEDIUM', 'HIGH', 'URGENT']),
      hs_ticket_category: pick(rng, ['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY']),
      hubspot_owner_id: owner,
      ...(closed ? { hs_resolution: 'ISSUE_FIXED', closed_date: g.iso(createdAt + 3 * 86_400_000) } : {}),
    };
    const ticket = store.insertGenerated('tickets', props, createdAt, Math.max(createdAt, g.around(-10, 0)));
    store.assoc.add('tickets', ticket.id, 'companies', company.id, [26]);
    const contact = contacts[i % Math.max(1, contacts.length)];
    if (contact) store.assoc.add('tickets', ticket.id, 'contacts', contact.id, []);
  }
  const start = g.around(-700, -30);
  const sub = store.insertGenerated(
    'subscriptions',
    {
      subscription_name: `${name} – ${company.props.plan ?? 'Core'}`,
      product: pick(rng, ['Core', 'Analytics', 'Automation', 'Support Plus']),
      mrr: String(Math.round(Number(company.props.arr ?? '0') / 12)),
      status: pick(rng, ['Active', 'Active', 'Active', 'Paused', 'Cancelled']),
      start_date: new Date(Math.floor(start / 86_400_000) * 86_400_000).toISOString().slice(0, 10),
      end_date: company.props.renewal_date ?? '',
      hubspot_owner_id: owner,
    },
    start,
  );
  store.assoc.add('subscriptions', sub.id, 'companies', company.id, []);
}
