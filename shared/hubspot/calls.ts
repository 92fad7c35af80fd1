import { z } from 'zod';
import {
  AccountDetails,
  AssociatedObjects,
  AssociationsBatch,
  BatchOf,
  DemoIdentity,
  ObjectSchema,
  Owner,
  Page,
  Pipeline,
  PortalUser,
  PropertyDefinition,
  PublicObject,
  SearchPage,
  UpsertedObject,
} from './schemas';
import type { CrmRequest } from './transport';

/**
 * Every HubSpot call the app makes: the request (path, query, body) and the shape of a
 * successful answer. The only place that knows HubSpot's paths; callers send a call with
 * `send` (client.ts) and get the parsed answer or a plain error.
 */
export interface HubspotCall<T> {
  readonly request: CrmRequest;
  readonly response: z.ZodType<T>;
  /** What the call does, for an error message ("reading the companies' properties"). */
  readonly what: string;
}

const OBJECTS = '/crm/v3/objects';
const enc = encodeURIComponent;
const call = <T>(what: string, request: CrmRequest, response: z.ZodType<T>): HubspotCall<T> => ({ what, request, response });
const pageQuery = (limit: number, after: string | undefined) => ({ limit: String(limit), ...(after ? { after } : {}) });

/** A search filter; `value` is a string as HubSpot takes it (dates as epoch milliseconds). */
export interface SearchFilter {
  propertyName: string;
  operator:
    'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'IN' | 'NOT_IN' | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN' | 'BETWEEN';
  value?: string;
  highValue?: string;
  values?: string[];
}

/** A search body: the property list travels here, never in the URL (a long URL is refused). */
export interface SearchBody {
  filterGroups: Array<{ filters: SearchFilter[] }>;
  sorts?: Array<{ propertyName: string; direction: 'ASCENDING' | 'DESCENDING' }>;
  properties: readonly string[];
  limit: number;
  after?: string;
}

export interface ListOptions {
  limit: number;
  after?: string;
  /** Few names only: they travel in the URL. */
  properties?: readonly string[];
  archived?: boolean;
}

type Props = Record<string, string | null>;

export const objects = {
  /** `GET /crm/v3/objects/{type}`: one page of ids (and a few properties), oldest first. */
  list: (type: string, o: ListOptions) =>
    call(
      `listing ${type}`,
      {
        method: 'GET',
        path: `${OBJECTS}/${enc(type)}`,
        query: {
          ...pageQuery(o.limit, o.after),
          ...(o.properties?.length ? { properties: o.properties.join(',') } : {}),
          ...(o.archived !== undefined ? { archived: String(o.archived) } : {}),
        },
      },
      Page(PublicObject),
    ),
  /** One record with one property and its history (what the record preview shows on demand). */
  readWithHistory: (type: string, id: string, property: string) =>
    call(
      `reading the history of ${property}`,
      { method: 'GET', path: `${OBJECTS}/${enc(type)}/${enc(id)}`, query: { properties: property, propertiesWithHistory: property } },
      PublicObject,
    ),
  /** `POST …/batch/read`, up to 100 ids; ids the CRM does not have come back as per-item errors. */
  batchRead: (type: string, ids: readonly string[], properties: readonly string[], o: { withHistory?: readonly string[]; idProperty?: string } = {}) =>
    call(
      `reading ${type}`,
      {
        method: 'POST',
        path: `${OBJECTS}/${enc(type)}/batch/read`,
        body: {
          properties,
          inputs: ids.map((id) => ({ id })),
          ...(o.withHistory ? { propertiesWithHistory: o.withHistory } : {}),
          ...(o.idProperty ? { idProperty: o.idProperty } : {}),
        },
      },
      BatchOf(PublicObject),
    ),
  search: (type: string, body: SearchBody) =>
    call(`searching ${type}`, { method: 'POST', path: `${OBJECTS}/${enc(type)}/search`, bucket: 'search', body }, SearchPage),
  batchCreate: (type: string, inputs: ReadonlyArray<{ properties: Props; objectWriteTraceId?: string; associations?: unknown[] }>) =>
    call(`creating ${type}`, { method: 'POST', path: `${OBJECTS}/${enc(type)}/batch/create`, body: { inputs } }, BatchOf(PublicObject)),
  batchUpdate: (type: string, inputs: ReadonlyArray<{ id: string; properties: Props }>) =>
    call(`updating ${type}`, { method: 'POST', path: `${OBJECTS}/${enc(type)}/batch/update`, body: { inputs } }, BatchOf(PublicObject)),
  /** Creates by a unique property (`idProperty`), or updates the record that already has the value. */
  batchUpsert: (type: string, idProperty: string, inputs: ReadonlyArray<{ id: string; properties: Props }>) =>
    call(
      `creating ${type}`,
      { method: 'POST', path: `${OBJECTS}/${enc(type)}/batch/upsert`, body: { inputs: inputs.map((i) => ({ ...i, idProperty })) } },
      BatchOf(UpsertedObject),
    ),
};

export const associations = {
  /** `POST /crm/v4/associations/{from}/{to}/batch/read`: each record's partners of one type. */
  /** Up to 1,000 inputs; an input with `after` continues that record's paging. */
  batchRead: (fromType: string, toType: string, inputs: ReadonlyArray<{ id: string; after?: string | undefined }>) =>
    call(
      `reading ${fromType}–${toType} associations`,
      {
        method: 'POST',
        path: `/crm/v4/associations/${enc(fromType)}/${enc(toType)}/batch/read`,
        body: { inputs: inputs.map((g) => (g.after ? { id: g.id, after: g.after } : { id: g.id })) },
      },
      AssociationsBatch,
    ),
  /** One record's partners, paged (v4 reads have no search lag). */
  ofRecord: (fromType: string, id: string, toType: string, o: { limit: number; after?: string }) =>
    call(
      `reading the ${toType} of ${fromType} ${id}`,
      { method: 'GET', path: `/crm/v4/objects/${enc(fromType)}/${enc(id)}/associations/${enc(toType)}`, query: pageQuery(o.limit, o.after) },
      AssociatedObjects,
    ),
  associateDefault: (fromType: string, toType: string, pairs: ReadonlyArray<{ fromId: string; toId: string }>) =>
    call(
      `associating ${fromType} with ${toType}`,
      {
        method: 'POST',
        path: `/crm/v4/associations/${enc(fromType)}/${enc(toType)}/batch/associate/default`,
        body: { inputs: pairs.map((p) => ({ from: { id: p.fromId }, to: { id: p.toId } })) },
      },
      BatchOf(z.unknown()),
    ),
  archive: (fromType: string, toType: string, pairs: ReadonlyArray<{ fromId: string; toId: string }>) =>
    call(
      `removing ${fromType}–${toType} associations`,
      {
        method: 'POST',
        path: `/crm/v4/associations/${enc(fromType)}/${enc(toType)}/batch/archive`,
        body: { inputs: pairs.map((p) => ({ from: { id: p.fromId }, to: [{ id: p.toId }] })) },
      },
      z.unknown(),
    ),
};

export const properties = {
  list: (type: string) =>
    call(`reading the ${type} properties`, { method: 'GET', path: `/crm/v3/properties/${enc(type)}` }, z.looseObject({ results: z.array(PropertyDefinition) })),
  get: (type: string, name: string) =>
    call(`reading the ${type} property ${name}`, { method: 'GET', path: `/crm/v3/properties/${enc(type)}/${enc(name)}` }, PropertyDefinition),
  create: (type: string, definition: Record<string, unknown>) =>
    call(`creating a ${type} property`, { method: 'POST', path: `/crm/v3/properties/${enc(type)}`, body: definition }, PropertyDefinition),
};

export const pipelines = {
  list: (type: string) =>
    call(`reading the ${type} pipelines`, { method: 'GET', path: `/crm/v3/pipelines/${enc(type)}` }, z.looseObject({ results: z.array(Pipeline) })),
};

export const schemas = {
  list: () => call('reading the custom objects', { method: 'GET', path: '/crm-object-schemas/v3/schemas' }, z.looseObject({ results: z.array(ObjectSchema) })),
  /** Defines a custom object (Enterprise portals, the schema scope). */
  create: (definition: Record<string, unknown>) =>
    call('creating a custom object', { method: 'POST', path: '/crm-object-schemas/v3/schemas', body: definition }, ObjectSchema),
};

export const users = {
  list: (o: { limit: number; after?: string }) =>
    call('listing the users', { method: 'GET', path: '/settings/v3/users', query: pageQuery(o.limit, o.after) }, Page(PortalUser)),
  get: (id: string) => call(`reading user ${id}`, { method: 'GET', path: `/settings/v3/users/${enc(id)}` }, PortalUser),
};

export const owners = {
  /** `email`: only the owner with that address (how a user without an owner link is matched). */
  list: (o: { limit: number; after?: string; email?: string }) =>
    call(
      'listing the owners',
      { method: 'GET', path: '/crm/v3/owners', query: { ...pageQuery(o.limit, o.after), ...(o.email ? { email: o.email } : {}) } },
      Page(Owner),
    ),
  /** One owner by its id, or by the id of the user behind it (`idProperty=userId`). */
  get: (id: string, idProperty: 'id' | 'userId' = 'id') =>
    call(`reading owner ${id}`, { method: 'GET', path: `/crm/v3/owners/${enc(id)}`, ...(idProperty === 'userId' ? { query: { idProperty } } : {}) }, Owner),
};

/**
 * Not HubSpot: the demo CRM's own extension for "who is signed in" (a HubSpot private-app
 * token does not say; the user picks themselves in "Who are you?"). Kept here so that no
 * other code writes a CRM path either.
 */
export const demo = {
  whoami: () => call('asking the demo CRM who is signed in', { method: 'GET', path: '/__demo/whoami' }, DemoIdentity),
  actAs: (userId: string) => call(`switching the demo CRM to user ${userId}`, { method: 'POST', path: '/__demo/whoami', body: { userId } }, DemoIdentity),
};

export const account = {
  details: () => call('reading the portal details', { method: 'GET', path: '/account-info/v3/details' }, AccountDetails),
};
