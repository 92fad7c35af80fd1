import { z } from 'zod';
import { notFound, validation } from '../http/errors';
import type { Router } from '../http/router';
import { CATALOGUE_PROPERTIES } from '../schema/properties';
import { propertyCreate } from '../schema/inputs';
import { propertiesOf } from '../schema/registry';
import type { Ctx } from './context';

/**
 * HubSpot's Properties API: list and get a type's definitions, and create one
 * (HubSpot's PropertyCreate) or a batch of them (`batch/create`, all or nothing). Created properties persist with the portal (`schema/registry.ts`);
 * `hasUniqueValue` is allowed only where HubSpot allows it.
 */
export function propertyRoutes(router: Router, ctx: Ctx): void {
  const PR = '/crm/(?:v3/properties|properties/2026-03)/([^/]+)';
  router.on('GET', new RegExp(`^${PR}$`), (_req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const extra = ctx.leanCatalogue ? new Set((CATALOGUE_PROPERTIES[type.name] ?? []).map((p) => p.name)) : undefined;
    const defs = [...propertiesOf(type).values()].filter((p) => !extra?.has(p.name));
    return { status: 200, body: { results: defs.map((p) => ctx.store.schema.propertyJson(p, type.name)) } };
  });
  router.on('GET', new RegExp(`^${PR}/([^/]+)$`), (_req, [t = '', name = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const def = propertiesOf(type).get(name);
    if (!def) throw notFound(`Unable to find property ${name} on ${type.name}`);
    return { status: 200, body: ctx.store.schema.propertyJson(def, type.name) };
  });
  router.on('POST', new RegExp(`^${PR}$`), (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const input = parseInput(propertyCreate, req.body);
    const def = ctx.store.schema.createProperty(type, input, ctx.now());
    return { status: 201, body: ctx.store.schema.propertyJson(def, type.name) };
  });
  router.on('POST', new RegExp(`^${PR}/batch/create$`), (req, [t = '']) => {
    const type = ctx.store.schema.resolveType(t);
    const { inputs } = parseInput(z.object({ inputs: z.array(propertyCreate).min(1) }), req.body);
    const startedAt = new Date(ctx.now()).toISOString();
    const defs = ctx.store.schema.createProperties(type, inputs, ctx.now());
    return {
      status: 201,
      body: {
        status: 'COMPLETE',
        results: defs.map((d) => ctx.store.schema.propertyJson(d, type.name)),
        startedAt,
        completedAt: new Date(ctx.now()).toISOString(),
      },
    };
  });
}

/** A zod refusal as HubSpot's 400: one `errors[]` entry per problem, `in` naming the field. */
export function parseInput<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((i) => ({
    message: `${i.path.join('.') || 'body'}: ${i.message}`,
    in: i.path.join('.') || 'body',
    code: 'INVALID_INPUT',
  }));
  return ((): never => {
    throw validation(`Invalid input JSON: ${errors.map((e) => e.message).join('; ')}`, errors);
  })();
}
