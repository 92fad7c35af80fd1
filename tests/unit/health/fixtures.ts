import type { HealthContext, HealthScore } from '../../../shared/health';
import type { ViewRecord } from '../../../shared/views';

/** The e2e clock: Fri 2026-11-27 09:00 in Warsaw (08:00Z, UTC+1). */
export const NOW = Date.parse('2026-11-27T08:00:00Z');
export const DAY = 86_400_000;
export const ZONE = 'Europe/Warsaw';

export const TICKET_STATES = { open1: 'OPEN', open2: 'OPEN', closed1: 'CLOSED' } as const;

export const CTX: HealthContext = {
  now: NOW,
  timeZone: ZONE,
  accountObject: 'companies',
  propertyTypes: {
    companies: { name: 'string', csm_sentiment: 'enumeration', nps_score: 'number', plan: 'enumeration', renewal_date: 'date' },
    meetings: { hs_timestamp: 'datetime', hs_meeting_start_time: 'datetime', hs_meeting_outcome: 'enumeration' },
    calls: { hs_timestamp: 'datetime', hs_call_status: 'enumeration' },
    emails: { hs_timestamp: 'datetime' },
    notes: { hs_timestamp: 'datetime' },
    tasks: { hs_timestamp: 'datetime', hs_task_status: 'enumeration', hs_task_priority: 'enumeration' },
    tickets: { createdate: 'datetime', hs_pipeline_stage: 'enumeration', hs_ticket_priority: 'enumeration', closed_date: 'datetime' },
    deals: { dealname: 'string', amount: 'number' },
  },
  ticketStageStates: TICKET_STATES,
};

export const rec = (id: string, properties: Record<string, string | null>): ViewRecord => ({ id, properties });
export const iso = (ms: number): string => new Date(ms).toISOString();

export function oneGroup(criteria: HealthScore['groups'][number]['criteria'], maxPoints = 100): HealthScore {
  return { id: 's', name: 'S', thresholds: { healthy: 70, atRisk: 40 }, segments: [], groups: [{ id: 'g', name: 'G', maxPoints, criteria }] };
}

/** A synced company row as a pull stores it (created and modified on 1 January 2026). */
export const companyRow = (id: string, properties: Record<string, string>) => ({
  id,
  properties,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  archived: false,
});
