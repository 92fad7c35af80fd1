import { HttpError, notFound } from '../http/errors';
import type { Router } from '../http/router';
import { defaultAssocType } from '../schema/association-types';
import type { ObjectType } from '../schema/object-types';
import { schemaCreate } from '../schema/inputs';
import { propertiesOf } from '../schema/registry';
import type { Ctx } from './context';
import { parseInput } from './properties';

/**
 * HubSpot's custom object schemas: list, get (by objectTypeId, name or fully
 * qualified name) and create. Creating a custom object needs HubSpot Enterprise: on a lower
 * tier POST answers 403 `MISSING_SCOPES` (the `crm.schemas.custom.write` scope cannot be
 * granted there). Reads are served on every tier, because the seeded `subscriptions` object
 * exists on every demo portal and the setup dialog lists it. The seeded `subscriptions` is the portal's own object; `cs_workspace_docs` exists
 * only once created. Served under `/crm-object-schemas/v3/schemas` and HubSpot's older alias
 * `/crm/v3/schemas`.
 */
export function schemaRoutes(router: Router, ctx: Ctx): void {
  const S = '/(?:crm-object-schemas/(?:v3|2026-03)|crm/v3)/schemas';
  const enterpriseOnly = (): void => {
    if (ctx.tier === 'enterprise') return;
    const scope = 'crm.schemas.custom.write';
    throw new HttpError(
      403,
      'MISSING_SCOPES',
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      {
        errors: [
          {
            message: `One or more of the following scopes are required (custom objects need a HubSpot Enterprise subscription; this portal is ${ctx.tier}).`,
            context: { requiredGranularScopes: [scope] },
          },
        ],
      },
    );
  };
  router.on('GET', new RegExp(`^${S}$`), () => {
    return { status: 200, body: { results: ctx.store.schema.customTypes().map((t) => schemaJson(ctx, t)) } };
  });
  router.on('GET', new RegExp(`^${S}/([^/]+)$`), (_req, [t = '']) => {
    const type = ctx.store.schema.findType(t);
    if (!type?.objectTypeId.startsWith('2-')) throw notFound(`Unable to find custom object schema ${t}`);
    return { status: 200, body: schemaJson(ctx, type) };
  });
  router.on('POST', new RegExp(`^${S}$`), (req) => {
    enterpriseOnly();
    const input = parseInput(schemaCreate, req.body);
    return { status: 201, body: schemaJson(ctx, ctx.store.schema.createSchema(input, ctx.now())) };
  });
}

function schemaJson(ctx: Ctx, type: ObjectType): Record<string, unknown> {
  const stamp = new Date(type.custom?.createdAt ?? Date.UTC(2024, 0, 1)).toISOString();
  const toCompany = defaultAssocType(type.name, 'companies');
  return {
    id: type.objectTypeId.slice(2),
    objectTypeId: type.objectTypeId,
    name: type.name,
    fullyQualifiedName: type.custom?.portalFqn ?? type.fullyQualifiedName,
    labels: type.labels ?? { singular: type.singular, plural: type.name },
    primaryDisplayProperty: type.defaultProperties[0],
    secondaryDisplayProperties: type.custom?.secondaryDisplayProperties ?? (type.name === 'subscriptions' ? ['status'] : []),
    searchableProperties: type.searchable,
    requiredProperties: type.custom?.requiredProperties ?? [type.defaultProperties[0]],
    properties: [...propertiesOf(type).values()].map((p) => ctx.store.schema.propertyJson(p, type.name)),
    associations: toCompany
      ? [{ id: String(toCompany.id), fromObjectTypeId: type.objectTypeId, toObjectTypeId: '0-2', name: `${type.singular}_to_company` }]
      : [],
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
