import type { Criterion, HealthGroup, HealthScore } from './schema';
import { DEFAULT_THRESHOLDS } from './schema';

/**
 * "Take me to setup": HubSpot's health-score groups (1:1 engagement, 1:1 call engagement,
 * supported tickets, CSM sentiment, NPS) mapped to the demo CRM's properties
 * (src-main/demo-crm/schema/properties.ts: `csm_sentiment` Good/Neutral/Bad, `nps_score`,
 * ticket `hs_ticket_priority` LOW…URGENT). Maxima add up to 100.
 */
export function setupTemplate(id: string, name: string, accountObject = 'companies'): HealthScore {
  const group = (gid: string, gname: string, maxPoints: number, criteria: Criterion[]): HealthGroup => ({ id: gid, name: gname, maxPoints, criteria });
  return {
    id,
    name,
    thresholds: { ...DEFAULT_THRESHOLDS },
    segments: [],
    groups: [
      group('engagement', '1:1 engagement', 25, [
        { id: 'meetings-30', kind: 'count', objectType: 'meetings', comparator: 'gte', count: 2, windowDays: 30, points: 15 },
        { id: 'meetings-90', kind: 'count', objectType: 'meetings', comparator: 'gte', count: 1, windowDays: 90, points: 10 },
        { id: 'overdue-task', kind: 'count', objectType: 'tasks', state: 'overdue', comparator: 'gte', count: 1, points: -5 },
      ]),
      group('calls', '1:1 call engagement', 15, [
        { id: 'calls-30', kind: 'count', objectType: 'calls', comparator: 'gte', count: 1, windowDays: 30, points: 10 },
        { id: 'activity-14', kind: 'recency', objectType: 'engagements', withinDays: 14, points: 5 },
      ]),
      group('tickets', 'Supported tickets', 20, [
        {
          id: 'no-urgent-ticket',
          kind: 'count',
          objectType: 'tickets',
          state: 'open',
          comparator: 'eq',
          count: 0,
          points: 20,
          where: [{ property: 'hs_ticket_priority', operator: 'is_any_of', values: ['HIGH', 'URGENT'] }],
        },
        { id: 'many-open-tickets', kind: 'count', objectType: 'tickets', state: 'open', comparator: 'gte', count: 3, points: -10 },
      ]),
      group('sentiment', 'CSM sentiment', 20, [
        {
          id: 'sentiment-good',
          kind: 'property',
          objectType: accountObject,
          filter: { property: 'csm_sentiment', operator: 'is_any_of', values: ['Good'] },
          points: 20,
        },
        {
          id: 'sentiment-neutral',
          kind: 'property',
          objectType: accountObject,
          filter: { property: 'csm_sentiment', operator: 'is_any_of', values: ['Neutral'] },
          points: 10,
        },
      ]),
      group('nps', 'NPS', 20, [
        { id: 'nps-promoter', kind: 'property', objectType: accountObject, filter: { property: 'nps_score', operator: 'gte', value: '9' }, points: 20 },
        {
          id: 'nps-passive',
          kind: 'property',
          objectType: accountObject,
          filter: { property: 'nps_score', operator: 'between', value: '7', highValue: '8' },
          points: 10,
        },
      ]),
    ],
  };
}

/** "Start from scratch": one empty group holding all 100 points, for the user to fill. */
export function scratchScore(id: string, name: string): HealthScore {
  return { id, name, thresholds: { ...DEFAULT_THRESHOLDS }, segments: [], groups: [{ id: 'group-1', name: 'Group 1', maxPoints: 100, criteria: [] }] };
}
