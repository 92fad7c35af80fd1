import { HttpError, notFound, validation } from '../http/errors';
import { intParam, type Req, type Res, type Router } from '../http/router';
import { assocType, defaultAssocType } from '../schema/association-types';
import type { ObjectType } from '../schema/object-types';
import type { Ctx } from './context';
import { asObject } from './writes';

const REC = '/crm/(?:v4/objects|objects/2026-03)';
const BATCH = '/crm/(?:v4/associations|associations/2026-03)';

/** HubSpot answers at most 500 associations per record and call; the rest is behind `paging.next.after`. */
export const ASSOC_PAGE_MAX = 500;

type Assoc = { toObjectId: number; associationTypes: Record<string, unknown>[] };

/**
 * One page of a record's associations (ordered by id) after the cursor `after` (the last id
 * of the previous page; opaque to clients), with HubSpot's `paging.next` when more remain.
 */
function assocPage(
  all: Assoc[],
  after: unknown,
  limit: number,
  link: (after: string) => string,
): { results: Assoc[]; paging?: { next: { after: string; link: string } } } {
  let start = 0;
  if (after !== undefined && after !== null && after !== '') {
    const cursor = Number(after);
    if ((typeof after !== 'string' && typeof after !== 'number') || !Number.isSafeInteger(cursor) || cursor < 0)
      throw validation(`Invalid after: ${JSON.stringify(after)}`);
    start = all.findIndex((x) => x.toObjectId > cursor);
    if (start < 0) start = all.length;
  }
  const results = all.slice(start, start + limit);
  const last = results[results.length - 1];
  if (!last || start + limit >= all.length) return { results };
  const next = String(last.toObjectId);
  return { results, paging: { next: { after: next, link: link(next) } } };
}

interface TypeInput {
  associationCategory?: string;
  associationTypeId?: number;
}

/** Associations v4 (docs/hubspot-api.md §5); both directions are always kept in step. */
export function associationRoutes(router: Router, ctx: Ctx): void {
  const live = (type: ObjectType, id: string): boolean => ctx.store.get(type.name, id)?.archived === false;
  const mustExist = (type: ObjectType, id: string): void => {
    if (!live(type, id)) throw notFound(`No ${type.singular} with ID ${id} exists`);
  };
  const typesJson = (from: ObjectType, to: ObjectType, ids: number[]): Record<string, unknown>[] =>
    ids.map((id) => ({ category: id > 1000 ? 'USER_DEFINED' : 'HUBSPOT_DEFINED', typeId: id, label: assocType(from.name, to.name, id)?.label ?? null }));
  const pairDefault = (from: ObjectType, to: ObjectType): number => {
    const d = defaultAssocType(from.name, to.name);
    if (!d) throw validation(`${from.name} cannot be associated with ${to.name}`);
    return d.id;
  };
  const resolveTypes = (from: ObjectType, to: ObjectType, inputs: unknown): number[] => {
    if (!Array.isArray(inputs) || inputs.length === 0) throw validation('Invalid input JSON: expected an array of association types');
    return (inputs as TypeInput[]).map((t) => {
      const id = Number(t?.associationTypeId);
      if (!assocType(from.name, to.name, id))
        throw validation(`associationTypeId ${String(t?.associationTypeId)} is not valid between ${from.name} and ${to.name}`);
      return id;
    });
  };
  const list = (from: ObjectType, id: string, to: ObjectType): { toObjectId: number; associationTypes: Record<string, unknown>[] }[] =>
    ctx.store.assoc
      .list(from.name, id, to.name)
      .filter(([toId]) => live(to, toId))
      .map(([toId, ids]) => ({ toObjectId: Number(toId), associationTypes: typesJson(from, to, ids) }));

  router.on('GET', new RegExp(`^${REC}/([^/]+)/([^/]+)/associations/([^/]+)$`), (req, [f = '', id = '', t = '']) => {
    const from = ctx.store.schema.resolveType(f);
    const to = ctx.store.schema.resolveType(t);
    mustExist(from, id);
    const limit = Math.min(intParam(req.query, 'limit', ASSOC_PAGE_MAX), ASSOC_PAGE_MAX);
    if (limit < 1) throw validation(`limit must be between 1 and ${ASSOC_PAGE_MAX}, got ${limit}`);
    const link = (after: string): string =>
      `${req.path}?${new URLSearchParams({ ...(req.query.has('limit') ? { limit: String(limit) } : {}), after }).toString()}`;
    return { status: 200, body: assocPage(list(from, id, to), req.query.get('after') ?? undefined, limit, link) };
  });

  router.on('PUT', new RegExp(`^${REC}/([^/]+)/([^/]+)/associations/default/([^/]+)/([^/]+)$`), (_req, [f = '', fromId = '', t = '', toId = '']) => {
    const from = ctx.store.schema.resolveType(f);
    const to = ctx.store.schema.resolveType(t);
    mustExist(from, fromId);
    mustExist(to, toId);
    const id = pairDefault(from, to);
    ctx.store.assoc.add(from.name, fromId, to.name, toId, [id]);
    const started = new Date().toISOString();
    const result = (a: ObjectType, aId: string, b: ObjectType, bId: string, typeId: number): Record<string, unknown> => ({
      from: { id: aId },
      to: { id: bId },
      associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId },
    });
    const reverse = pairDefault(to, from);
    return {
      status: 200,
      body: {
        status: 'COMPLETE',
        startedAt: started,
        completedAt: new Date().toISOString(),
        results: [result(from, fromId, to, toId, id), result(to, toId, from, fromId, reverse)],
      },
    };
  });

  router.on('PUT', new RegExp(`^${REC}/([^/]+)/([^/]+)/associations/([^/]+)/([^/]+)$`), (req, [f = '', fromId = '', t = '', toId = '']) => {
    const from = ctx.store.schema.resolveType(f);
    const to = ctx.store.schema.resolveType(t);
    mustExist(from, fromId);
    mustExist(to, toId);
    const ids = resolveTypes(from, to, req.body);
    ctx.store.assoc.add(from.name, fromId, to.name, toId, ids);
    const labels = ctx.store.assoc.list(from.name, fromId, to.name).find(([x]) => x === toId)?.[1] ?? [];
    return {
      status: 201,
      body: {
        fromObjectTypeId: from.objectTypeId,
        fromObjectId: Number(fromId),
        toObjectTypeId: to.objectTypeId,
        toObjectId: Number(toId),
        labels: labels.map((x) => assocType(from.name, to.name, x)?.label).filter((x): x is string => !!x),
      },
    };
  });

  router.on('DELETE', new RegExp(`^${REC}/([^/]+)/([^/]+)/associations/([^/]+)/([^/]+)$`), (_req, [f = '', fromId = '', t = '', toId = '']) => {
    const from = ctx.store.schema.resolveType(f);
    const to = ctx.store.schema.resolveType(t);
    ctx.store.assoc.remove(from.name, fromId, to.name, toId);
    return { status: 204 };
  });

  batchAssociationRoutes(router, ctx, { live, list, pairDefault, resolveTypes });
}

interface Helpers {
  live(type: ObjectType, id: string): boolean;
  list(from: ObjectType, id: string, to: ObjectType): { toObjectId: number; associationTypes: Record<string, unknown>[] }[];
  pairDefault(from: ObjectType, to: ObjectType): number;
  resolveTypes(from: ObjectType, to: ObjectType, inputs: unknown): number[];
}

function batchAssociationRoutes(router: Router, ctx: Ctx, h: Helpers): void {
  /** A batch route `…/{fromType}/{toType}/batch/{op}`; HubSpot exempts these from the 10-second bucket (its spec: `ten-secondly`). */
  const batch = (op: string, handle: (req: Req, from: ObjectType, to: ObjectType) => Res): void => {
    router.on(
      'POST',
      new RegExp(`^${BATCH}/([^/]+)/([^/]+)/batch/${op}$`),
      (req, [f = '', t = '']) => handle(req, ctx.store.schema.resolveType(f), ctx.store.schema.resolveType(t)),
      'none',
    );
  };
  const inputs = (body: unknown, max: number): Record<string, unknown>[] => {
    const list = asObject(body).inputs;
    if (!Array.isArray(list)) throw validation('Invalid input JSON: "inputs" must be an array');
    if (list.length > max) throw validation(`Too many inputs: ${list.length}. The maximum number of inputs supported in a batch request is ${max}.`);
    return list.map((x) => asObject(x));
  };
  const idOf = (x: unknown): string => String((x as { id?: unknown })?.id ?? '');
  const envelope = (results: unknown[], errors: unknown[], okStatus: number): { status: number; body: unknown } => {
    const now = new Date().toISOString();
    const base = { status: 'COMPLETE', startedAt: now, completedAt: now, results };
    return errors.length ? { status: 207, body: { ...base, numErrors: errors.length, errors } } : { status: okStatus, body: base };
  };
  const missing = (ids: string[]): Record<string, unknown> =>
    new HttpError(404, 'OBJECT_NOT_FOUND', 'No associations found for some objects', { context: { fromObjectId: ids } }).body();

  // Per input at most 500 associations; an input's `after` continues where its `paging` ended.
  batch('read', (req, from, to) => {
    const list = inputs(req.body, 1000);
    for (const input of list) {
      if (typeof input.id !== 'string' && typeof input.id !== 'number')
        throw validation(`Invalid input JSON: every input needs an "id", got ${JSON.stringify(input)}`);
    }
    const results: unknown[] = [];
    const absent: string[] = [];
    for (const input of list) {
      const id = idOf(input);
      const all = h.live(from, id) ? h.list(from, id, to) : [];
      const page = assocPage(all, input.after, ASSOC_PAGE_MAX, () => '');
      if (page.results.length === 0) absent.push(id);
      else results.push({ from: { id }, to: page.results, ...(page.paging ? { paging: page.paging } : {}) });
    }
    return envelope(results, absent.length ? [missing(absent)] : [], 200);
  });

  const pairs = (body: unknown, from: ObjectType, to: ObjectType): { fromId: string; toId: string; input: Record<string, unknown> }[] =>
    inputs(body, 2000).map((input) => {
      const fromId = idOf(input.from);
      const toId = idOf(input.to);
      if (!h.live(from, fromId) || !h.live(to, toId))
        throw validation(`No ${!h.live(from, fromId) ? from.singular : to.singular} with ID ${!h.live(from, fromId) ? fromId : toId} exists`);
      return { fromId, toId, input };
    });

  batch('create', (req, from, to) => {
    const planned = pairs(req.body, from, to).map((p) => ({ ...p, ids: h.resolveTypes(from, to, p.input.types) }));
    const results = planned.map(({ fromId, toId, ids }) => {
      ctx.store.assoc.add(from.name, fromId, to.name, toId, ids);
      return { fromObjectTypeId: from.objectTypeId, fromObjectId: Number(fromId), toObjectTypeId: to.objectTypeId, toObjectId: Number(toId), labels: [] };
    });
    return envelope(results, [], 201);
  });

  batch('associate/default', (req, from, to) => {
    const typeId = h.pairDefault(from, to);
    const results = pairs(req.body, from, to).map(({ fromId, toId }) => {
      ctx.store.assoc.add(from.name, fromId, to.name, toId, [typeId]);
      return { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId } };
    });
    return envelope(results, [], 200);
  });

  batch('archive', (req, from, to) => {
    for (const input of inputs(req.body, 2000)) {
      const fromId = idOf(input.from);
      const targets = Array.isArray(input.to) ? input.to : [input.to];
      for (const target of targets) ctx.store.assoc.remove(from.name, fromId, to.name, idOf(target));
    }
    return { status: 204 };
  });
}
