import { DOCS_OBJECT_NAME } from '../sync';

/**
 * What the setup dialog offers, as pure functions of HubSpot's property definitions and
 * custom object schemas (`/crm-object-schemas/v3/schemas`).
 */

export interface SchemaProperty {
  name: string;
  label?: string;
  type?: string;
  fieldType?: string;
  referencedObjectType?: string | null;
  hidden?: boolean;
}

export interface AccountObject {
  /** What settings store: `companies`, or a custom object's fullyQualifiedName (`p_…`), which HubSpot's paths accept. */
  name: string;
  /** Null for Companies (the UI names it); a custom object's plural label. */
  label: string | null;
  properties: SchemaProperty[];
}

const byLabel = (a: SchemaProperty, b: SchemaProperty) => (a.label ?? a.name).localeCompare(b.label ?? b.name);

/** A property holding a CRM user: HubSpot marks them `referencedObjectType: 'OWNER'` (field type select). */
export function ownerProperties(props: readonly SchemaProperty[]): SchemaProperty[] {
  return props.filter((p) => !p.hidden && (p.referencedObjectType === 'OWNER' || p.fieldType === 'owner' || p.type === 'owner')).sort(byLabel);
}

/** Renewal dates are calendar dates (`type: 'date'`), not instants. */
export function dateProperties(props: readonly SchemaProperty[]): SchemaProperty[] {
  return props.filter((p) => !p.hidden && p.type === 'date').sort(byLabel);
}

export function accountObjects(companyProperties: readonly SchemaProperty[], schemas: readonly unknown[]): AccountObject[] {
  const custom = schemas.flatMap((s): AccountObject[] => {
    const schema = s as {
      name?: string;
      fullyQualifiedName?: string;
      objectTypeId?: string;
      labels?: { plural?: string };
      properties?: SchemaProperty[];
      archived?: boolean;
    };
    const name = schema.fullyQualifiedName ?? schema.objectTypeId;
    // The app's own shared-documents object is never an account object.
    if (!name || schema.archived || schema.name === DOCS_OBJECT_NAME) return [];
    return [{ name, label: schema.labels?.plural ?? schema.name ?? name, properties: schema.properties ?? [] }];
  });
  return [{ name: 'companies', label: null, properties: [...companyProperties] }, ...custom];
}
