import { findStage, STAGE_PROPERTIES } from '../schema/pipelines';

/** Calculated properties HubSpot maintains on writes (stage probability, completion dates). */
export function deriveProperties(type: string, current: Record<string, string>, changes: Record<string, string>, at: number): Record<string, string> {
  const out: Record<string, string> = {};
  const iso = new Date(at).toISOString();
  const conf = STAGE_PROPERTIES[type];
  const stage = conf ? changes[conf.stage] : undefined;
  if (conf && stage && stage !== current[conf.stage]) {
    const found = findStage(type, stage);
    if (type === 'deals') {
      out.hs_deal_stage_probability = found?.stage.metadata.probability ?? '';
      out.hs_v2_date_entered_current_stage = iso;
    }
    if (type === 'tickets') out.closed_date = found?.stage.metadata.ticketState === 'CLOSED' ? iso : '';
  }
  const status = changes.hs_task_status;
  if (type === 'tasks' && status !== undefined && status !== current.hs_task_status) {
    out.hs_task_completion_date = status === 'COMPLETED' ? iso : '';
  }
  return out;
}
