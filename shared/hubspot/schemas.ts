import { z } from 'zod';

/**
 * The shapes of HubSpot's answers, as far as the app relies on them. Objects are loose:
 * HubSpot adds fields over time, and a field we do not read must never fail a parse. What we
 * read is checked, so an answer that lost it fails with the path that is wrong instead of
 * turning into `undefined` somewhere in the sync (README.md in this folder).
 */

/** `paging.next.after`: the cursor of the next page; absent on the last page. */
export const Paging = z.looseObject({ next: z.looseObject({ after: z.string() }).optional() });

/** One value of a property's history (`propertiesWithHistory`). */
export const ValueWithTimestamp = z.looseObject({
  value: z.string(),
  timestamp: z.string(),
  sourceType: z.string().optional(),
  sourceId: z.string().optional(),
  updatedByUserId: z.number().optional(),
});
export type ValueWithTimestamp = z.output<typeof ValueWithTimestamp>;

/** SimplePublicObject: ids are strings, every property value a string or null. */
export const PublicObject = z.looseObject({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
  propertiesWithHistory: z.record(z.string(), z.array(ValueWithTimestamp)).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archived: z.boolean().optional(),
  archivedAt: z.string().optional(),
  /** Echoed from a batch create input that carried one. */
  objectWriteTraceId: z.string().optional(),
});
export type PublicObject = z.output<typeof PublicObject>;

/** A page of a list (`GET /crm/v3/objects/{type}`, users, owners). */
export const Page = <T extends z.ZodType>(item: T) => z.looseObject({ results: z.array(item), paging: Paging.optional() });

/** A page of search results, with the total the index counts (which may lag). */
export const SearchPage = z.looseObject({ total: z.number(), results: z.array(PublicObject), paging: Paging.optional() });

/** StandardError, also the body of a refused request and an item of a batch's `errors`. */
export const StandardError = z.looseObject({
  status: z.union([z.string(), z.number()]).optional(),
  id: z.string().optional(),
  category: z.string().optional(),
  subCategory: z.unknown().optional(),
  message: z.string().optional(),
  errors: z.array(z.looseObject({ message: z.string().optional() })).optional(),
  context: z.record(z.string(), z.unknown()).optional(),
});
export type StandardError = z.output<typeof StandardError>;

/** A batch answer (200, 201, or 207 with per-item `errors`). */
export const BatchOf = <T extends z.ZodType>(item: T) =>
  z.looseObject({ status: z.string().optional(), results: z.array(item), errors: z.array(StandardError).optional(), numErrors: z.number().optional() });

/** An upsert's result says whether it made the record. */
export const UpsertedObject = PublicObject.extend({ new: z.boolean().optional() });

/** `toObjectId` is a number in v4 answers; the app keeps ids as strings. */
const ObjectId = z.union([z.string(), z.number()]).transform(String);

export const AssociationType = z.looseObject({ category: z.string().optional(), typeId: z.number().optional(), label: z.string().nullable().optional() });

/** `GET /crm/v4/objects/{from}/{id}/associations/{to}`: one page of one record's partners. */
export const AssociatedObjects = z.looseObject({
  results: z.array(z.looseObject({ toObjectId: ObjectId, associationTypes: z.array(AssociationType).optional() })),
  paging: Paging.optional(),
});

/** `POST /crm/v4/associations/{from}/{to}/batch/read`: each input's partners (a page of them). */
export const AssociationsBatch = BatchOf(
  z.looseObject({
    from: z.looseObject({ id: ObjectId }),
    to: z.array(z.looseObject({ toObjectId: ObjectId, associationTypes: z.array(AssociationType).optional() })),
    paging: Paging.optional(),
  }),
);

/** A property definition. */
export const PropertyDefinition = z.looseObject({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string().optional(),
  description: z.string().optional(),
  options: z.array(z.looseObject({ label: z.string(), value: z.string(), displayOrder: z.number().optional(), hidden: z.boolean().optional() })).optional(),
  hasUniqueValue: z.boolean().optional(),
  calculated: z.boolean().optional(),
  hidden: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  modificationMetadata: z.looseObject({ readOnlyValue: z.boolean().optional() }).optional(),
});
export type PropertyDefinition = z.output<typeof PropertyDefinition>;

export const Pipeline = z.looseObject({
  id: z.string(),
  label: z.string(),
  displayOrder: z.number().optional(),
  archived: z.boolean().optional(),
  stages: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      displayOrder: z.number().optional(),
      archived: z.boolean().optional(),
      metadata: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

/** A custom object's schema (`/crm-object-schemas/v3/schemas`). */
export const ObjectSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  objectTypeId: z.string(),
  fullyQualifiedName: z.string().optional(),
  labels: z.looseObject({ singular: z.string().optional(), plural: z.string().optional() }),
  properties: z.array(PropertyDefinition),
  primaryDisplayProperty: z.string().optional(),
});
export type ObjectSchema = z.output<typeof ObjectSchema>;

/** A user of the portal (`/settings/v3/users`): the id is a string, names are optional. */
export const PortalUser = z.looseObject({
  id: ObjectId,
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  roleId: z.string().optional(),
  roleIds: z.array(z.string()).optional(),
  primaryTeamId: z.string().optional(),
  superAdmin: z.boolean().optional(),
  /** The paid seats the user holds (a Service Hub seat gives the workspace). */
  seatNames: z.array(z.string()).optional(),
  /** The demo CRM's stand-in for permission sets, which HubSpot's user API does not expose. */
  'x-demo-permissions': z.array(z.string()).optional(),
});
export type PortalUser = z.output<typeof PortalUser>;

/** The demo CRM's `/__demo/whoami`: the user it acts as (not a HubSpot shape). */
export const DemoIdentity = z.looseObject({
  userId: ObjectId,
  ownerId: ObjectId.nullish(),
  email: z.string().nullish(),
});

export const Owner = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  userId: z.number().optional(),
  archived: z.boolean().optional(),
});

/** `/account-info/v3/details`: the portal's id and time zone. */
export const AccountDetails = z.looseObject({ portalId: z.number(), timeZone: z.string().optional(), accountType: z.string().optional() });

/**
 * `GET /oauth/v1/access-tokens/{token}`: who an OAuth access token acts for, in which portal,
 * with which scopes (docs/hubspot-api.md §15). Main reads it directly (src-main/crm/oauth/):
 * `/oauth/` is not a path the CRM gateway may send.
 */
export const AccessTokenInfo = z.looseObject({
  user: z.string().optional(),
  user_id: z.number(),
  hub_id: z.number(),
  scopes: z.array(z.string()),
  expires_in: z.number().optional(),
});

/** The token endpoint's answer (`POST /oauth/v1/token`, form-encoded request). */
export const TokenResponse = z.looseObject({ access_token: z.string().min(1), refresh_token: z.string().min(1), expires_in: z.number().positive() });
