import { z } from 'zod';
import { HttpError, notFound, validation } from '../http/errors';
import type { Router } from '../http/router';
import { resolveObjectType } from '../schema/object-types';
import { MERGEABLE_TYPES, PROPERTIES } from '../schema/properties';
import { writeSource, type Ctx } from './context';
import { OBJECTS } from './objects';
import { recordJson } from './serialize';

const MergeInput = z.object({
  primaryObjectId: z.union([z.string(), z.number()]).transform(String),
  objectIdToMerge: z.union([z.string(), z.number()]).transform(String),
});
const GdprInput = z.object({
  objectId: z.union([z.string(), z.number()]).transform(String),
  idProperty: z.string().optional(),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) throw validation(`Invalid input JSON: ${r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return r.data;
}

/**
 * Merge (contacts, companies, deals, tickets) and GDPR delete (contacts), as HubSpot's
 * public API offers them (docs/hubspot-api.md §19). A merged-away id keeps answering as the
 * survivor; a GDPR-deleted record is gone for good, not in the archive.
 */
export function mergeRoutes(router: Router, ctx: Ctx): void {
  router.on('POST', new RegExp(`^${OBJECTS}/([^/]+)/merge$`), (req, [t = '']) => {
    const type = resolveObjectType(t);
    if (!MERGEABLE_TYPES.has(type.name)) throw validation(`Merging is not supported for ${type.name}. Supported: ${[...MERGEABLE_TYPES].join(', ')}`);
    const input = parse(MergeInput, req.body);
    if (input.primaryObjectId === input.objectIdToMerge) throw validation('primaryObjectId and objectIdToMerge must be different records');
    const live = (id: string) => {
      const r = ctx.store.get(type.name, id);
      if (!r || r.archived) throw notFound(`Object not found. objectId ${id} does not exist or is archived.`);
      return r;
    };
    const survivor = live(input.primaryObjectId);
    const loser = live(input.objectIdToMerge);
    ctx.store.merge(survivor, loser, writeSource(req), ctx.now());
    return { status: 200, body: recordJson(ctx.store, survivor, { properties: Object.keys(survivor.props) }) };
  });

  router.on('POST', new RegExp(`^${OBJECTS}/([^/]+)/gdpr-delete$`), (req, [t = '']) => {
    const type = resolveObjectType(t);
    if (type.name !== 'contacts') throw validation(`GDPR delete is only available for contacts, not ${type.name}`);
    const input = parse(GdprInput, req.body);
    const idProperty = input.idProperty && input.idProperty !== 'hs_object_id' ? input.idProperty : undefined;
    if (idProperty && idProperty !== 'email' && !PROPERTIES.contacts?.get(idProperty)?.unique) {
      throw validation(`Property ${idProperty} is not a unique property of contacts`);
    }
    const record =
      idProperty === 'email'
        ? [...ctx.store.all('contacts')].find((r) => r.props.email?.toLowerCase() === input.objectId.toLowerCase())
        : idProperty
          ? ctx.store.findByUnique('contacts', idProperty, input.objectId)
          : ctx.store.get('contacts', input.objectId);
    if (!record) throw new HttpError(404, 'OBJECT_NOT_FOUND', `Object not found. objectId ${input.objectId} does not exist.`);
    // Archived contacts are deleted for good too: GDPR erases them from the recycle bin as well.
    ctx.store.remove(record);
    return { status: 204 };
  });
}
