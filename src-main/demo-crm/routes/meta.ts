import { notFound } from '../http/errors';
import { intParam, type Router } from '../http/router';
import { pipelineJson, PIPELINES, stageJson } from '../schema/pipelines';
import type { Ctx } from './context';
import { findUser, publicOwner, publicUser, ROLES, USERS } from '../schema/users';

/** Read-only account metadata: pipelines, owners and users (properties: properties.ts, custom object schemas: schemas.ts). */
export function metaRoutes(router: Router, ctx: Ctx): void {
  const pipelinesOf = (t: string): (typeof PIPELINES)['deals'] => {
    const type = ctx.store.schema.resolveType(t);
    if (type.name !== 'deals' && type.name !== 'tickets') throw notFound(`No pipelines for object type ${t}`);
    return PIPELINES[type.name];
  };
  const P = '/crm/(?:v3/pipelines|pipelines/2026-03)/([^/]+)';
  router.on('GET', new RegExp(`^${P}$`), (_req, [t = '']) => ({ status: 200, body: { results: pipelinesOf(t).map(pipelineJson) } }));
  const pipeline = (t: string, id: string): (typeof PIPELINES)['deals'][number] => {
    const p = pipelinesOf(t).find((x) => x.id === id);
    if (!p) throw notFound(`Unable to find pipeline ${id}`);
    return p;
  };
  router.on('GET', new RegExp(`^${P}/([^/]+)$`), (_req, [t = '', id = '']) => ({ status: 200, body: pipelineJson(pipeline(t, id)) }));
  router.on('GET', new RegExp(`^${P}/([^/]+)/stages$`), (_req, [t = '', id = '']) => ({
    status: 200,
    body: { results: pipeline(t, id).stages.map(stageJson) },
  }));
  router.on('GET', new RegExp(`^${P}/([^/]+)/stages/([^/]+)$`), (_req, [t = '', id = '', s = '']) => {
    const stage = pipeline(t, id).stages.find((x) => x.id === s);
    if (!stage) throw notFound(`Unable to find stage ${s}`);
    return { status: 200, body: stageJson(stage) };
  });

  const O = '/crm/(?:v3/owners|owners/2026-03)';
  router.on('GET', new RegExp(`^${O}$`), (req) => {
    const email = req.query.get('email')?.toLowerCase();
    const all = USERS.filter((u) => !email || u.email === email);
    const limit = Math.min(Math.max(intParam(req.query, 'limit', 100), 1), 500);
    const start = Number(req.query.get('after') ?? '0');
    const page = all.slice(start, start + limit);
    const next = start + limit;
    return { status: 200, body: { results: page.map(publicOwner), ...(next < all.length ? { paging: { next: { after: String(next), link: '' } } } : {}) } };
  });
  router.on('GET', new RegExp(`^${O}/([^/]+)$`), (req, [id = '']) => {
    const byUser = req.query.get('idProperty') === 'userId';
    const user = USERS.find((u) => (byUser ? u.id : u.ownerId) === id);
    if (!user) throw notFound(`Owner ${id} not found`);
    return { status: 200, body: publicOwner(user) };
  });

  const U = '/settings/(?:v3/users|users/v3|users/2026-03)';
  router.on('GET', new RegExp(`^${U}$`), () => ({ status: 200, body: { results: USERS.map(publicUser) } }));
  router.on('GET', new RegExp(`^${U}/roles$`), () => ({ status: 200, body: { results: ROLES } }));
  router.on('GET', new RegExp(`^${U}/teams$`), () => ({
    status: 200,
    body: { results: [{ id: '7001', name: 'Customer Success', userIds: USERS.map((u) => u.id), secondaryUserIds: [] }] },
  }));
  router.on('GET', new RegExp(`^${U}/([^/]+)$`), (_req, [id = '']) => {
    const user = findUser(id);
    if (!user) throw notFound(`User ${id} not found`);
    return { status: 200, body: publicUser(user) };
  });
}
