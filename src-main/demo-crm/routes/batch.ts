import { HttpError, validation } from '../http/errors';
import type { Req, Router } from '../http/router';
import type { ObjectType } from '../schema/object-types';
import { propertiesOf } from '../schema/registry';
import type { CrmRecord } from '../store/types';
import { writeSource, type Ctx } from './context';
import { OBJECTS } from './objects';
import { recordJson } from './serialize';
import { asObject, checkIdProperty, commitCreate, prepareCreate, prepareUpdate, type PreparedCreate } from './writes';

const stamp = (startedAt: string): Record<string, string> => ({ status: 'COMPLETE', startedAt, completedAt: new Date().toISOString() });

function inputsOf(body: unknown, max: number): Record<string, unknown>[] {
  const inputs = asObject(body).inputs;
  if (!Array.isArray(inputs)) throw validation('Invalid input JSON: "inputs" must be an array');
  if (inputs.length > max) {
    throw validation(`Too many inputs: ${inputs.length}. The maximum number of inputs supported in a batch request is ${max}.`, undefined, {
      maxInputs: [String(max)],
    });
  }
  return inputs.map((i) => asObject(i));
}

const notFoundError = (type: ObjectType, ids: string[]): Record<string, unknown> => ({
  status: 'error',
  category: 'OBJECT_NOT_FOUND',
  message: `Could not get some ${type.singular.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`,
  context: { ids },
  errors: [],
});

/**
 * Batch endpoints. Validation errors reject the whole batch (400, nothing written) — except
 * batch create inputs that carry an `objectWriteTraceId`, which HubSpot handles one by one
 * (207). Unknown ids in read/update become per-item errors (207), the rest is applied.
 */
export function batchRoutes(router: Router, ctx: Ctx): void {
  const path = (op: string): RegExp => new RegExp(`^${OBJECTS}/([^/]+)/batch/${op}$`);
  const shapeOf = (r: CrmRecord): { properties: string[] } => ({ properties: Object.keys(r.props) });

  router.on('POST', path('read'), (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const body = asObject(req.body);
    const withHistory = Array.isArray(body.propertiesWithHistory) ? (body.propertiesWithHistory as string[]) : [];
    const inputs = inputsOf(req.body, withHistory.length > 0 ? 50 : 100);
    const started = new Date().toISOString();
    const archived = req.query.get('archived') === 'true';
    const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
    if (idProperty) checkIdProperty(type, idProperty);
    if (archived) ctx.store.purgeExpired(ctx.now());
    const found: CrmRecord[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const id = String(input.id ?? '');
      // A merged-away id answers as the survivor, under the survivor's id.
      const r = idProperty
        ? ctx.store.findByUnique(type.name, idProperty, id)
        : (ctx.store.get(type.name, id) ?? (archived ? undefined : ctx.store.mergedInto(type.name, id)));
      if (r && r.archived === archived) {
        if (!found.includes(r)) found.push(r);
      } else missing.push(id);
    }
    const shape = { properties: Array.isArray(body.properties) ? (body.properties as string[]) : undefined, withHistory };
    const results = found.map((r) => recordJson(ctx.store, r, shape));
    if (missing.length === 0) return { status: 200, body: { ...stamp(started), results } };
    return { status: 207, body: { ...stamp(started), results, numErrors: 1, errors: [notFoundError(type, missing)] } };
  });

  router.on('POST', path('create'), (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const inputs = inputsOf(req.body, 100);
    const started = new Date().toISOString();
    const prepared: (PreparedCreate | HttpError)[] = inputs.map((input) => {
      try {
        return prepareCreate(ctx, type, input);
      } catch (e) {
        if (e instanceof HttpError && typeof input.objectWriteTraceId === 'string') return e;
        throw e;
      }
    });
    assertNoDuplicateUnique(type, prepared);
    const results: Record<string, unknown>[] = [];
    const errors: Record<string, unknown>[] = [];
    prepared.forEach((p, i) => {
      if (p instanceof HttpError) errors.push({ ...p.body(), context: { objectWriteTraceId: [String(inputs[i]?.objectWriteTraceId)] } });
      else {
        const trace = inputs[i]?.objectWriteTraceId;
        const json = recordJson(ctx.store, commitCreate(ctx, type, req, p), { properties: Object.keys(p.props) });
        results.push(typeof trace === 'string' ? { ...json, objectWriteTraceId: trace } : json);
      }
    });
    return { status: errors.length > 0 ? 207 : 201, body: { ...stamp(started), results, ...(errors.length ? { numErrors: errors.length, errors } : {}) } };
  });

  router.on('POST', path('update'), (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const inputs = inputsOf(req.body, 100);
    const started = new Date().toISOString();
    const ids = inputs.map((i) => String(i.id ?? ''));
    if (new Set(ids).size !== ids.length) throw validation('Duplicate IDs found in batch input: ' + ids.filter((x, i) => ids.indexOf(x) !== i).join(', '));
    const missing: string[] = [];
    const planned: [CrmRecord, Record<string, string>][] = [];
    for (const input of inputs) {
      const id = String(input.id ?? '');
      const idProperty = typeof input.idProperty === 'string' ? input.idProperty : undefined;
      if (idProperty) checkIdProperty(type, idProperty);
      const r = idProperty ? ctx.store.findByUnique(type.name, idProperty, id) : ctx.store.get(type.name, id);
      if (!r || r.archived) missing.push(id);
      else planned.push([r, prepareUpdate(ctx, type, r, input.properties)]);
    }
    const results = planned.map(([r, changes]) => recordJson(ctx.store, ctx.store.update(r, changes, writeSource(req), ctx.now()), shapeOf(r)));
    if (missing.length === 0) return { status: 200, body: { ...stamp(started), results } };
    return { status: 207, body: { ...stamp(started), results, numErrors: 1, errors: [notFoundError(type, missing)] } };
  });

  router.on('POST', path('upsert'), (req, [t = '']) => upsert(ctx, req, t));

  router.on('POST', path('archive'), (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const inputs = inputsOf(req.body, 100);
    for (const input of inputs) {
      const r = ctx.store.get(type.name, String(input.id ?? ''));
      if (r) ctx.store.archive(r, ctx.now());
    }
    return { status: 204 };
  });
}

/** Batch upsert by a unique `idProperty` (the app sends `cs_client_id` for idempotent creates). */
function upsert(ctx: Ctx, req: Req, t: string): { status: number; body: unknown } {
  const type = ctx.store.schema.resolveType(t);
  const inputs = inputsOf(req.body, 100);
  const started = new Date().toISOString();
  const plan = inputs.map((input) => {
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : 'hs_object_id';
    const id = String(input.id ?? '');
    checkIdProperty(type, idProperty);
    const existing = ctx.store.findByUnique(type.name, idProperty, id);
    if (existing && !existing.archived) return { existing, changes: prepareUpdate(ctx, type, existing, input.properties) };
    if (idProperty === 'hs_object_id') throw validation(`No ${type.singular} with ID ${id} exists to upsert`);
    const props = { ...asObject(input.properties ?? {}), [idProperty]: id };
    return { created: prepareCreate(ctx, type, { properties: props }) };
  });
  assertNoDuplicateUnique(
    type,
    plan.flatMap((p) => (p.created ? [p.created] : [])),
  );
  const results = plan.map((p) => {
    if (p.existing)
      return {
        ...recordJson(ctx.store, ctx.store.update(p.existing, p.changes, writeSource(req), ctx.now()), { properties: Object.keys(p.existing.props) }),
        new: false,
      };
    const r = commitCreate(ctx, type, req, p.created);
    return { ...recordJson(ctx.store, r, { properties: Object.keys(r.props) }), new: true };
  });
  return { status: 200, body: { ...stamp(started), results } };
}

/** Two inputs of one batch must not claim the same unique value. */
function assertNoDuplicateUnique(type: ObjectType, prepared: (PreparedCreate | HttpError)[]): void {
  const seen = new Set<string>();
  for (const p of prepared) {
    if (p instanceof HttpError) continue;
    for (const [name, value] of Object.entries(p.props)) {
      if (!value || !propertiesOf(type).get(name)?.unique) continue;
      if (seen.has(`${name}=${value}`)) throw validation(`Duplicate value "${value}" for unique property ${name} in batch input`);
      seen.add(`${name}=${value}`);
    }
  }
}
