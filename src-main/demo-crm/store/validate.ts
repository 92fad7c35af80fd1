import { HttpError, propertyValidationError, validation, type PropertyProblem } from '../http/errors';
import { findObjectType } from '../schema/object-types';
import { PROPERTIES, type PropertyDef } from '../schema/properties';
import { REQUIRED_PROPERTIES_KEY, STAGE_PROPERTIES, findStage } from '../schema/pipelines';
import { normalizeValue } from './values';

/**
 * Validates the `properties` of a create or update against the type's property definitions
 * and, when enforced, the stage rules. Returns the normalized changes or throws a 400 —
 * so a rejected request writes nothing.
 */
export function validateWrite(
  type: string,
  current: Record<string, string> | undefined,
  input: unknown,
  enforceStageRules: boolean,
  /** The portal's definitions (created properties included); default the built-in catalogue. */
  defs: Map<string, PropertyDef> | undefined = PROPERTIES[type],
): Record<string, string> {
  if (input === undefined && current) return {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw validation('Invalid input JSON: "properties" must be an object of string values.');
  }
  if (!defs) throw validation(`Unknown object type ${type}`);
  const problems: PropertyProblem[] = [];
  const changes: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input as Record<string, unknown>)) {
    const def = defs.get(name);
    if (!def) {
      problems.push({ name, error: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (def.readOnly) {
      problems.push({ name, error: 'READ_ONLY_VALUE', message: `"${name}" is a read only property; its value cannot be set.` });
      continue;
    }
    const n = normalizeValue(def, raw);
    if (n.ok) changes[name] = n.value;
    else problems.push({ name, error: n.error, message: n.message });
  }
  if (problems.length === 0) problems.push(...stageProblems(type, current ?? {}, changes, enforceStageRules));
  if (problems.length > 0) throw propertyValidationError(problems);
  requireProperties(type, current, changes);
  return changes;
}

/** Properties a record of the type cannot exist without (HubSpot: engagements need `hs_timestamp`). */
const REQUIRED: Record<string, string[]> = {
  tasks: ['hs_timestamp'],
  notes: ['hs_timestamp'],
  calls: ['hs_timestamp'],
  emails: ['hs_timestamp'],
  meetings: ['hs_timestamp'],
};

function requireProperties(type: string, current: Record<string, string> | undefined, changes: Record<string, string>): void {
  const required = REQUIRED[type];
  if (!required) return;
  // A meeting's time defaults to its start time.
  if (!current && type === 'meetings' && !changes.hs_timestamp && changes.hs_meeting_start_time) {
    changes.hs_timestamp = changes.hs_meeting_start_time;
  }
  if (current) {
    const cleared = required.filter((p) => changes[p] === '');
    if (cleared.length > 0) {
      throw propertyValidationError(cleared.map((p) => ({ name: p, error: 'REQUIRED_PROPERTY', message: `${p} is required and cannot be cleared.` })));
    }
    return;
  }
  const missing = required.filter((p) => !changes[p]);
  if (missing.length === 0) return;
  // The body HubSpot answers (recorded by API users): a top-level context, no errors[].
  const singular = (findObjectType(type)?.singular ?? type).toUpperCase();
  throw new HttpError(400, 'VALIDATION_ERROR', `Error creating ${singular}. Some required properties were not set.`, { context: { properties: missing } });
}

/** A stage must belong to its pipeline; entering a stage with required properties needs them set. */
function stageProblems(type: string, current: Record<string, string>, changes: Record<string, string>, enforce: boolean): PropertyProblem[] {
  const conf = STAGE_PROPERTIES[type];
  if (!conf) return [];
  const stageId = changes[conf.stage] ?? current[conf.stage];
  if (!stageId) return [];
  const found = findStage(type, stageId);
  const pipelineId = changes[conf.pipeline] ?? current[conf.pipeline];
  if (!found) return [];
  if (pipelineId && found.pipeline.id !== pipelineId) {
    return [{ name: conf.stage, error: 'INVALID_OPTION', message: `${stageId} is not a valid stage of pipeline ${pipelineId}.` }];
  }
  if (!pipelineId) changes[conf.pipeline] = found.pipeline.id;
  const moving = conf.stage in changes && changes[conf.stage] !== current[conf.stage];
  const required = found.stage.metadata[REQUIRED_PROPERTIES_KEY];
  if (!enforce || !moving || !required) return [];
  const merged = { ...current, ...changes };
  return required
    .split(',')
    .filter((p) => !merged[p])
    .map((p) => ({
      name: p,
      error: 'REQUIRED_STAGE_PROPERTY_MISSING',
      message: `Property "${p}" is required to move into stage "${found.stage.label}" (${found.stage.id}).`,
    }));
}
