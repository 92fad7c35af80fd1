/** How a stage ends a record's journey, from the pipeline metadata (docs/hubspot-api.md §6). */
export type StageOutcome = 'open' | 'won' | 'lost' | 'closed';

export function stageOutcome(objectType: string, metadata: Record<string, string>): StageOutcome {
  if (objectType === 'tickets') return metadata.ticketState === 'CLOSED' ? 'closed' : 'open';
  if (metadata.isClosed !== 'true') return 'open';
  // Closed won = isClosed and probability 1.0; closed lost = 0.0 (HubSpot pipelines guide).
  const p = Number(metadata.probability);
  if (p >= 1) return 'won';
  if (p <= 0) return 'lost';
  return 'closed';
}
