import { HttpError, notFound, validation } from '../http/errors';
import type { Req } from '../http/router';
import { assocTypeFrom } from '../schema/association-types';
import type { ObjectType } from '../schema/object-types';
import { propertiesOf } from '../schema/registry';
import type { CrmRecord } from '../store/types';
import { validateWrite } from '../store/validate';
import { writeSource, type Ctx } from './context';

interface InlineAssociation {
  to: { id: string };
  types: { associationCategory: string; associationTypeId: number }[];
}

export interface PreparedCreate {
  props: Record<string, string>;
  links: { toType: string; toId: string; typeId: number }[];
}

/** Validates a create input fully (properties, unique values, inline associations) before anything is written. */
export function prepareCreate(ctx: Ctx, type: ObjectType, input: unknown): PreparedCreate {
  const obj = asObject(input);
  const props = validateWrite(type.name, undefined, obj.properties ?? {}, ctx.faults.state.enforceStageRules, propertiesOf(type));
  checkUnique(ctx, type, props, undefined);
  const links: PreparedCreate['links'] = [];
  const assocs = obj.associations ?? [];
  if (!Array.isArray(assocs)) throw validation('Invalid input JSON: "associations" must be an array');
  for (const a of assocs as InlineAssociation[]) {
    const toId = String(a?.to?.id ?? '');
    for (const t of Array.isArray(a?.types) ? a.types : []) {
      const typeId = (t as Partial<InlineAssociation['types'][number]> | null)?.associationTypeId;
      const def = assocTypeFrom(type.name, Number(typeId));
      if (!def) throw validation(`${String(typeId)} is not a valid association type id for ${type.name}`);
      if (!ctx.store.get(def.to, toId) || ctx.store.get(def.to, toId)?.archived) {
        throw new HttpError(400, 'VALIDATION_ERROR', `No ${def.to} with ID ${toId} exists`, { context: { id: [toId] } });
      }
      links.push({ toType: def.to, toId, typeId: def.id });
    }
  }
  return { props, links };
}

export function commitCreate(ctx: Ctx, type: ObjectType, req: Req, p: PreparedCreate): CrmRecord {
  const record = ctx.store.create(type.name, p.props, writeSource(req), ctx.now());
  for (const l of p.links) ctx.store.assoc.add(type.name, record.id, l.toType, l.toId, [l.typeId]);
  return record;
}

export function prepareUpdate(ctx: Ctx, type: ObjectType, record: CrmRecord, properties: unknown): Record<string, string> {
  if (properties === undefined) throw validation('Invalid input JSON: "properties" is required');
  const changes = validateWrite(type.name, record.props, properties, ctx.faults.state.enforceStageRules, propertiesOf(type));
  checkUnique(ctx, type, changes, record.id);
  return changes;
}

/** Resolves an id path segment, honouring `idProperty` (a unique property) like HubSpot. */
export function findRecord(ctx: Ctx, type: ObjectType, id: string, idProperty: string | null, archived = false): CrmRecord {
  let record: CrmRecord | undefined;
  if (idProperty && idProperty !== 'hs_object_id') {
    checkIdProperty(type, idProperty);
    record = ctx.store.findByUnique(type.name, idProperty, id);
  } else {
    if (archived) ctx.store.purgeExpired(ctx.now());
    // A merged-away id reads as the survivor of the merge (HubSpot answers the survivor's record).
    record = ctx.store.get(type.name, id) ?? (archived ? undefined : ctx.store.mergedInto(type.name, id));
  }
  if (!record || record.archived !== archived) throw notFound(`Object not found. objectId are usually numeric.`);
  return record;
}

function checkUnique(ctx: Ctx, type: ObjectType, props: Record<string, string>, selfId: string | undefined): void {
  for (const [name, value] of Object.entries(props)) {
    if (!value || !propertiesOf(type).get(name)?.unique) continue;
    const other = ctx.store.findByUnique(type.name, name, value);
    if (other && other.id !== selfId) {
      throw new HttpError(409, 'CONFLICT', `A ${type.singular} with the unique value for ${name} already exists. Existing ID: ${other.id}`, {
        context: { id: [other.id] },
      });
    }
  }
}

/**
 * `idProperty` must name a unique-value property (hs_object_id aside): HubSpot answers 400
 * for a property that does not exist or does not require unique values.
 */
export function checkIdProperty(type: ObjectType, idProperty: string): void {
  if (idProperty === 'hs_object_id') return;
  const def = propertiesOf(type).get(idProperty);
  if (!def) {
    throw validation(`Property ${idProperty} does not exist on ${type.name}`, [
      { message: `Unknown property ${idProperty}`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [idProperty] } },
    ]);
  }
  if (!def.unique) {
    throw validation(`${idProperty} is not a unique property of ${type.name}; only properties with hasUniqueValue can be used as idProperty`, [
      { message: `${idProperty} does not have unique values`, code: 'INVALID_ID_PROPERTY', context: { propertyName: [idProperty] } },
    ]);
  }
}

export function asObject(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw validation('Invalid input JSON: expected an object');
  return input as Record<string, unknown>;
}
