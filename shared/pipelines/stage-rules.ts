/**
 * Stage rules: the properties a record needs before it may enter a stage. HubSpot keeps
 * them in pipeline settings its API does not serve (docs/hubspot-api.md §6), the demo CRM serves
 * them as `metadata["x-demo-requiredProperties"]`, and the workspace can define them
 * locally for a CRM that serves none. The app asks for both, united, before a move.
 */
import { parseCommaList } from '../views/comma-list';

export const REQUIRED_PROPERTIES_KEY = 'x-demo-requiredProperties';

/** Local rules, keyed by `stageRuleKey`. */
export type LocalStageRules = Readonly<Record<string, readonly string[]>>;

export function stageRuleKey(objectType: string, pipelineId: string, stageId: string): string {
  return `${objectType}:${pipelineId}:${stageId}`;
}

export function requiredProperties(
  objectType: string,
  pipelineId: string,
  stage: { id: string; metadata: Record<string, string> },
  local: LocalStageRules,
): string[] {
  const served = parseCommaList(stage.metadata[REQUIRED_PROPERTIES_KEY]);
  const mine = local[stageRuleKey(objectType, pipelineId, stage.id)] ?? [];
  return [...new Set([...served, ...mine])];
}

/** A value is missing as the CRM sees it: absent, null or blank. */
export function isMissing(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

export function missingProperties(required: readonly string[], properties: Record<string, string | null | undefined>): string[] {
  return required.filter((p) => isMissing(properties[p]));
}
