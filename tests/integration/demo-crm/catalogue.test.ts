import type { Client } from '@hubspot/api-client';
import { describe, expect, it } from 'vitest';
import { FILL_SHARE, fillCatalogue } from '../../../src-main/demo-crm/dataset/fill';
import { PROPERTIES } from '../../../src-main/demo-crm/schema/properties';
import type { Store } from '../../../src-main/demo-crm/store/store';
import type { CrmRecord } from '../../../src-main/demo-crm/store/types';
import { TEST_NOW, type TestDemoCrm } from '../../support/demo-crm';
import { demoCrmWithClient } from '../../support/demo-crm-client';

let crm: TestDemoCrm;
let client: Client;
demoCrmWithClient((c, cl) => ((crm = c), (client = cl)));

interface Prop {
  name: string;
  type: string;
  fieldType: string;
  groupName: string;
  hubspotDefined?: boolean;
  options: { value: string; label?: string }[];
  modificationMetadata?: { readOnlyValue: boolean };
}

const catalogue = async (type: string): Promise<Prop[]> => (await client.crm.properties.coreApi.getAll(type)).results;

// Thresholds of a real portal, and HubSpot default names each type must carry.
const EXPECTED: Record<string, { min: number; defaults: string[] }> = {
  companies: {
    min: 250,
    defaults: [
      'domain',
      'industry',
      'annualrevenue',
      'numberofemployees',
      'city',
      'state',
      'country',
      'zip',
      'phone',
      'website',
      'lifecyclestage',
      'hs_lead_status',
      'founded_year',
      'is_public',
      'timezone',
      'linkedin_company_page',
      'hs_analytics_source',
      'hs_num_open_deals',
      'notes_last_contacted',
    ],
  },
  contacts: {
    min: 350,
    defaults: [
      'firstname',
      'lastname',
      'email',
      'jobtitle',
      'mobilephone',
      'hs_persona',
      'hs_language',
      'hs_lead_status',
      'hs_analytics_source',
      'hs_email_optout',
      'lifecyclestage',
    ],
  },
  deals: {
    min: 200,
    defaults: [
      'dealname',
      'amount',
      'closedate',
      'pipeline',
      'dealstage',
      'hs_forecast_category',
      'hs_is_closed_won',
      'hs_date_entered_closedwon',
      'hs_next_step',
    ],
  },
  tickets: {
    min: 150,
    defaults: ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'source_type', 'time_to_close', 'first_agent_reply_date'],
  },
  tasks: { min: 60, defaults: ['hs_timestamp', 'hs_task_subject', 'hs_task_status', 'hs_task_is_all_day', 'hs_task_completion_count'] },
  notes: { min: 60, defaults: ['hs_timestamp', 'hs_note_body', 'hs_attachment_ids', 'hs_body_preview'] },
  calls: { min: 60, defaults: ['hs_timestamp', 'hs_call_title', 'hs_call_duration', 'hs_call_recording_url', 'hs_call_to_number'] },
  emails: { min: 60, defaults: ['hs_timestamp', 'hs_email_subject', 'hs_email_direction', 'hs_email_to_email', 'hs_email_thread_id'] },
  meetings: { min: 60, defaults: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_outcome', 'hs_meeting_is_recurring', 'hs_meeting_source'] },
};

describe('demo CRM property catalogues', () => {
  it.each(Object.entries(EXPECTED))('%s carries a real portal’s catalogue', async (type, { min, defaults }) => {
    const props = await catalogue(type);
    expect(props.length).toBeGreaterThanOrEqual(min);
    const byName = new Map(props.map((p) => [p.name, p]));
    expect(byName.size).toBe(props.length);
    for (const name of defaults) expect(byName.get(name), name).toMatchObject({ hubspotDefined: true });
    // A portal's own properties next to HubSpot's, and every kind of field.
    expect(props.filter((p) => p.hubspotDefined === false).length).toBeGreaterThan(0);
    const kinds = new Set(props.map((p) => `${p.type}/${p.fieldType}`));
    for (const k of ['string/text', 'number/number', 'datetime/date', 'enumeration/select', 'bool/booleancheckbox']) expect(kinds, k).toContain(k);
    for (const p of props) {
      expect(p.groupName).toMatch(/^[a-z_]+$/);
      if (p.type === 'enumeration' && p.name !== 'hubspot_owner_id') expect(p.options.length, p.name).toBeGreaterThan(0);
    }
  });

  it('has textareas, radios, multiple checkboxes and dates where a portal has them', async () => {
    const companies = new Map((await catalogue('companies')).map((p) => [p.name, p]));
    expect(companies.get('cs_segment')).toMatchObject({ type: 'enumeration', fieldType: 'select', hubspotDefined: false });
    expect(companies.get('contract_tier')).toMatchObject({ type: 'enumeration', fieldType: 'radio' });
    expect(companies.get('web_technologies')).toMatchObject({ type: 'enumeration', fieldType: 'checkbox' });
    expect(companies.get('about_us')).toMatchObject({ type: 'string', fieldType: 'textarea' });
    expect(companies.get('contract_start_date')).toMatchObject({ type: 'date', fieldType: 'date' });
    expect(companies.get('is_public')).toMatchObject({ type: 'bool', options: [{ value: 'true' }, { value: 'false' }] });
    // What the app relies on is unchanged.
    expect(companies.get('csm_owner')).toMatchObject({ type: 'enumeration', referencedObjectType: 'OWNER', hubspotDefined: false });
    expect(companies.get('renewal_date')).toMatchObject({ type: 'date', hubspotDefined: false });
  });

  it("lists every pipeline's stages, with their labels, as the options of the stage and pipeline properties, as HubSpot does", async () => {
    const deals = new Map((await catalogue('deals')).map((p) => [p.name, p]));
    expect(deals.get('dealstage')?.options).toContainEqual(expect.objectContaining({ label: 'Opportunity identified', value: 'appointmentscheduled' }));
    expect(deals.get('dealstage')?.options).toContainEqual(expect.objectContaining({ label: 'Renewal upcoming', value: '1001001' }));
    expect(deals.get('pipeline')?.options).toContainEqual(expect.objectContaining({ label: 'Renewals', value: '1001' }));
    const tickets = new Map((await catalogue('tickets')).map((p) => [p.name, p]));
    expect(tickets.get('hs_pipeline_stage')?.options.every((o) => 'label' in o && o.label !== o.value)).toBe(true);
  });

  it('accepts several options of a multiple-checkbox property and refuses an unknown one', async () => {
    const created = await client.crm.companies.basicApi.create({
      properties: { name: 'Checkbox Co', web_technologies: 'hubspot;wordpress' },
      associations: [],
    });
    expect(created.properties.web_technologies).toBe('hubspot;wordpress');
    const res = await crm.api(`/crm/v3/objects/companies/${created.id}`, { method: 'PATCH', body: { properties: { web_technologies: 'hubspot;cobol' } } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      category: 'VALIDATION_ERROR',
      errors: [{ code: 'INVALID_OPTION', context: { propertyName: ['web_technologies'] } }],
    });
  });
});

describe('generated records fill a share of the catalogue', () => {
  it.each(['companies', 'contacts', 'deals', 'tickets', 'tasks', 'emails'])('%s in the small dataset', async (type) => {
    const names = (await catalogue(type)).map((p) => p.name);
    const page = (await (await crm.api(`/crm/v3/objects/${type}?limit=20`)).json()) as { results: { id: string }[] };
    const read = (await (
      await crm.api(`/crm/v3/objects/${type}/batch/read`, { body: { inputs: page.results.map((r) => ({ id: r.id })), properties: names } })
    ).json()) as {
      results: { properties: Record<string, string | null> }[];
    };
    expect(read.results).toHaveLength(20);
    const defs = new Map((await catalogue(type)).map((p) => [p.name, p]));
    for (const r of read.results) {
      const set = Object.entries(r.properties).filter(([, v]) => v !== null && v !== '');
      // The generator's own values plus the fill: at least the small dataset's share.
      expect(set.length / names.length).toBeGreaterThanOrEqual(FILL_SHARE.small.min - 0.01);
      expect(set.length / names.length).toBeLessThanOrEqual(0.4);
      for (const [name, value] of set) {
        const def = defs.get(name);
        if (!def || value === null) continue;
        if (def.type === 'number') expect(value, name).toMatch(/^-?\d+(\.\d+)?$/);
        if (def.type === 'date') expect(value, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (def.type === 'datetime') expect(Number.isNaN(Date.parse(value)), name).toBe(false);
        if (def.type === 'enumeration' && def.fieldType !== 'checkbox' && def.options.length > 0)
          expect(
            def.options.map((o) => o.value),
            name,
          ).toContain(value);
      }
    }
  });

  it('medium and large datasets fill 10-25 %, the same for a seed', () => {
    const make = (): Record<string, CrmRecord[]> => ({
      contacts: Array.from({ length: 50 }, (_, i) => ({
        id: String(i + 1),
        type: 'contacts',
        props: { firstname: 'A' },
        history: {},
        createdAt: 0,
        updatedAt: 0,
        archived: false,
      })),
    });
    const fill = (seed: number): Record<string, CrmRecord[]> => {
      const recs = make();
      fillCatalogue({ all: (t: string) => (recs[t] ?? []).values() } as unknown as Store, 'medium', seed, TEST_NOW);
      return recs;
    };
    const a = fill(7);
    expect(fill(7)).toEqual(a);
    expect(fill(8)).not.toEqual(a);
    const shares = (a.contacts ?? []).map((r) => Object.keys(r.props).length / (PROPERTIES.contacts?.size ?? 1));
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.095);
    expect(Math.max(...shares)).toBeLessThanOrEqual(0.255);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.05);
  });
});
