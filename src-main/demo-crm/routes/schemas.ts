import { notFound } from '../http/errors';
import type { Router } from '../http/router';
import { defaultAssocType } from '../schema/association-types';
import { OBJECT_TYPES, resolveObjectType, type ObjectType } from '../schema/object-types';
import { PROPERTIES, propertyJson } from '../schema/properties';

/**
 * Custom object schemas (hubspot-api.md §9): the seeded `subscriptions` (an account object
 * the setup dialog offers) and `cs_workspace_docs` (the app's shared workspace documents).
 * Read-only: the demo CRM serves a fixed set of custom objects.
 */
export function schemaRoutes(router: Router): void {
  const S = '/crm-object-schemas/(?:v3|2026-03)/schemas';
  const custom = OBJECT_TYPES.filter((t) => t.objectTypeId.startsWith('2-'));
  router.on('GET', new RegExp(`^${S}$`), () => ({ status: 200, body: { results: custom.map(schemaJson) } }));
  router.on('GET', new RegExp(`^${S}/([^/]+)$`), (_req, [t = '']) => {
    const type = resolveObjectType(t);
    if (!type.objectTypeId.startsWith('2-')) throw notFound(`Unable to find custom object schema ${t}`);
    return { status: 200, body: schemaJson(type) };
  });
}

function schemaJson(type: ObjectType): Record<string, unknown> {
  const stamp = '2024-01-01T00:00:00.000Z';
  const props = [...(PROPERTIES[type.name]?.values() ?? [])];
  const toCompany = defaultAssocType(type.name, 'companies');
  return {
    id: type.objectTypeId.slice(2),
    objectTypeId: type.objectTypeId,
    name: type.name,
    fullyQualifiedName: type.fullyQualifiedName,
    labels: type.labels ?? { singular: type.singular, plural: type.name },
    primaryDisplayProperty: type.defaultProperties[0],
    secondaryDisplayProperties: type.name === 'subscriptions' ? ['status'] : [],
    searchableProperties: type.searchable,
    requiredProperties: [type.defaultProperties[0]],
    properties: props.map((p) => propertyJson(p, type.name)),
    associations: toCompany ? [{ id: String(toCompany.id), fromObjectTypeId: type.objectTypeId, toObjectTypeId: '0-2', name: `${type.singular}_to_company` }] : [],
    archived: false,
    createdAt: stamp,
    updatedAt: stamp,
  };
}
