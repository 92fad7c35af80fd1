import { validation } from '../http/errors';
import { boolParam, intParam, listParam, type Router } from '../http/router';
import type { Ctx } from './context';
import { recordJson } from './serialize';
import { asObject, commitCreate, findRecord, prepareCreate, prepareUpdate } from './writes';
import { writeSource } from './context';

export const OBJECTS = '/crm/(?:v3/objects|objects/2026-03)';

/** List, get, create, update and archive of single records (docs/hubspot-api.md §3). */
export function objectRoutes(router: Router, ctx: Ctx): void {
  const one = new RegExp(`^${OBJECTS}/([^/]+)/([^/]+)$`);
  const coll = new RegExp(`^${OBJECTS}/([^/]+)$`);

  router.on('GET', coll, (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const withHistory = listParam(req.query, 'propertiesWithHistory');
    const max = withHistory ? 50 : 100;
    const limit = intParam(req.query, 'limit', 10);
    if (limit < 1 || limit > max) throw validation(`limit must be between 1 and ${max}`);
    const archived = boolParam(req.query, 'archived');
    if (archived) ctx.store.purgeExpired(ctx.now());
    const after = req.query.get('after');
    const ids = ctx.store.ids(type.name);
    let i = after ? upperBound(ids, Number(after)) : 0;
    if (after && !/^\d+$/.test(after)) throw validation(`Invalid after cursor: ${after}`);
    const results = [];
    let lastId = '';
    for (; i < ids.length && results.length < limit; i++) {
      const record = ctx.store.get(type.name, ids[i] ?? '');
      if (!record || record.archived !== archived) continue;
      lastId = record.id;
      results.push(record);
    }
    let hasMore = false;
    for (let j = i; j < ids.length && !hasMore; j++) hasMore = ctx.store.get(type.name, ids[j] ?? '')?.archived === archived;
    const shape = { properties: listParam(req.query, 'properties'), withHistory, associations: listParam(req.query, 'associations') };
    return {
      status: 200,
      body: {
        results: results.map((r) => recordJson(ctx.store, r, shape)),
        ...(hasMore ? { paging: { next: { after: lastId, link: `?after=${lastId}` } } } : {}),
      },
    };
  });

  router.on('GET', one, (req, [t = '', id = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const record = findRecord(ctx, type, id, req.query.get('idProperty'), boolParam(req.query, 'archived'));
    const shape = {
      properties: listParam(req.query, 'properties'),
      withHistory: listParam(req.query, 'propertiesWithHistory'),
      associations: listParam(req.query, 'associations'),
    };
    return { status: 200, body: recordJson(ctx.store, record, shape) };
  });

  router.on('POST', coll, (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const prepared = prepareCreate(ctx, type, req.body);
    const record = commitCreate(ctx, type, req, prepared);
    return { status: 201, body: recordJson(ctx.store, record, { properties: Object.keys(record.props) }) };
  });

  router.on('PATCH', one, (req, [t = '', id = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const record = findRecord(ctx, type, id, req.query.get('idProperty'));
    const changes = prepareUpdate(ctx, type, record, asObject(req.body).properties);
    ctx.store.update(record, changes, writeSource(req), ctx.now());
    return { status: 200, body: recordJson(ctx.store, record, { properties: Object.keys(record.props) }) };
  });

  router.on('DELETE', one, (_req, [t = '', id = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const record = ctx.store.get(type.name, id);
    // Archiving is idempotent: an unknown or already archived id also answers 204.
    if (record) ctx.store.archive(record, ctx.now());
    return { status: 204 };
  });
}

/** Index of the first id greater than `after` (ids are ascending numbers). */
function upperBound(ids: readonly string[], after: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Number(ids[mid]) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
