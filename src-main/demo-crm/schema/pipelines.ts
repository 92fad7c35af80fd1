/**
 * Two pipelines each for deals and tickets. Stage rules (properties a record needs before it
 * may enter a stage) live in HubSpot's pipeline settings, which the public API does not
 * serve; the demo CRM exposes them as the extension `metadata["x-demo-requiredProperties"]`
 * (comma-separated property names) and enforces them when `enforceStageRules` is on.
 */
export const REQUIRED_PROPERTIES_KEY = 'x-demo-requiredProperties';

export interface Stage {
  id: string;
  label: string;
  displayOrder: number;
  metadata: Record<string, string>;
}

export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: Stage[];
}

const deal = (id: string, label: string, order: number, probability: string, required = ''): Stage => ({
  id,
  label,
  displayOrder: order,
  metadata: {
    isClosed: probability === '1.0' || (probability === '0.0' && /lost/i.test(label)) ? 'true' : 'false',
    probability,
    ...(required ? { [REQUIRED_PROPERTIES_KEY]: required } : {}),
  },
});

const ticket = (id: string, label: string, order: number, state: 'OPEN' | 'CLOSED', required = ''): Stage => ({
  id,
  label,
  displayOrder: order,
  metadata: { ticketState: state, ...(required ? { [REQUIRED_PROPERTIES_KEY]: required } : {}) },
});

const pipeline = (id: string, label: string, displayOrder: number, stages: Stage[]): Pipeline => ({ id, label, displayOrder, stages });

export const PIPELINES: Record<'deals' | 'tickets', Pipeline[]> = {
  deals: [
    pipeline('default', 'Expansion pipeline', 0, [
      deal('appointmentscheduled', 'Opportunity identified', 0, '0.2'),
      deal('qualifiedtobuy', 'Qualified', 1, '0.4'),
      deal('contractsent', 'Contract sent', 2, '0.8', 'amount'),
      deal('closedwon', 'Closed won', 3, '1.0', 'amount,closedate'),
      deal('closedlost', 'Closed lost', 4, '0.0', 'closed_lost_reason'),
    ]),
    pipeline('1001', 'Renewals', 1, [
      deal('1001001', 'Renewal upcoming', 0, '0.5'),
      deal('1001002', 'In negotiation', 1, '0.7', 'amount'),
      deal('1001003', 'Renewed', 2, '1.0', 'amount,closedate'),
      deal('1001004', 'Churned (lost)', 3, '0.0', 'closed_lost_reason'),
    ]),
  ],
  tickets: [
    pipeline('0', 'Support pipeline', 0, [
      ticket('1', 'New', 0, 'OPEN'),
      ticket('2', 'Waiting on contact', 1, 'OPEN'),
      ticket('3', 'Waiting on us', 2, 'OPEN'),
      ticket('4', 'Closed', 3, 'CLOSED', 'hs_resolution'),
    ]),
    pipeline('2001', 'Onboarding', 1, [
      ticket('2001001', 'Kickoff', 0, 'OPEN'),
      ticket('2001002', 'Configuration', 1, 'OPEN'),
      ticket('2001003', 'Training', 2, 'OPEN'),
      ticket('2001004', 'Live', 3, 'CLOSED', 'hs_resolution'),
    ]),
  ],
};

/** The pipeline and stage property names of a type that has pipelines. */
export const STAGE_PROPERTIES: Record<string, { pipeline: string; stage: string; pipelines: Pipeline[] }> = {
  deals: { pipeline: 'pipeline', stage: 'dealstage', pipelines: PIPELINES.deals },
  tickets: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage', pipelines: PIPELINES.tickets },
};

export function findStage(objectType: string, stageId: string): { pipeline: Pipeline; stage: Stage } | undefined {
  const conf = STAGE_PROPERTIES[objectType];
  if (!conf) return undefined;
  for (const pipeline of conf.pipelines) {
    const stage = pipeline.stages.find((s) => s.id === stageId);
    if (stage) return { pipeline, stage };
  }
  return undefined;
}

/** Pipeline/stage in HubSpot's wire shape (default pipelines have createdAt = epoch 0). */
export function pipelineJson(p: Pipeline): Record<string, unknown> {
  const epoch = new Date(0).toISOString();
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    archived: false,
    createdAt: epoch,
    updatedAt: epoch,
    stages: p.stages.map((s) => stageJson(s)),
  };
}

export function stageJson(s: Stage): Record<string, unknown> {
  const epoch = new Date(0).toISOString();
  return { ...s, archived: false, createdAt: epoch, updatedAt: epoch, writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT' };
}
