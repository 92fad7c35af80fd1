import { HttpError, notFound, validation } from '../http/errors';
import type { PropertyCreate, SchemaCreate } from './inputs';
import { findObjectType, type ObjectType } from './object-types';
import { PROPERTIES, propertyJson, type PropertyDef } from './properties';

/**
 * What a portal's admins (or apps) added to the built-in catalogue: properties created with
 * `POST /crm/v3/properties/{type}` and custom objects created with `POST …/schemas`. Kept per
 * portal in the store's meta (key `schema`), so it persists with the records. The built-in
 * catalogue (`properties.ts`, `object-types.ts`) holds no property of the app's own:
 * `cs_client_id` and `cs_workspace_docs` exist only once someone creates them.
 */

/** HubSpot allows unique-value properties on these types and on custom objects, never on engagements. */
const UNIQUE_ALLOWED = new Set(['companies', 'contacts', 'deals', 'tickets']);
export const MAX_UNIQUE_PER_TYPE = 10;

interface StoredProperty extends PropertyDef {
  groupName: string;
  description: string;
  createdAt: number;
}

interface StoredObject {
  name: string;
  objectTypeId: string;
  labels: { singular: string; plural: string };
  primaryDisplayProperty: string;
  secondaryDisplayProperties: string[];
  searchableProperties: string[];
  requiredProperties: string[];
  associatedObjects: string[];
  createdAt: number;
}

interface Stored {
  properties: Record<string, StoredProperty[]>;
  objects: StoredObject[];
  nextObjectId: number;
}

const META_KEY = 'schema';
const FIRST_CUSTOM_OBJECT_ID = 1002;

/** The properties every object type carries (custom objects included). */
function baseProperties(modified: string): PropertyDef[] {
  const ro = { readOnly: true, hubspotDefined: true };
  return [
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', ...ro },
    { name: 'createdate', label: 'Create date', type: 'datetime', fieldType: 'date', ...ro },
    { name: modified, label: 'Last modified date', type: 'datetime', fieldType: 'date', ...ro },
    { name: 'hubspot_owner_id', label: 'Owner', type: 'enumeration', fieldType: 'select', owner: true, hubspotDefined: true },
  ];
}

/** A type's property definitions: the portal's own when it has any, else the built-in catalogue. */
export function propertiesOf(type: ObjectType): Map<string, PropertyDef> {
  return type.props ?? PROPERTIES[type.name] ?? new Map<string, PropertyDef>();
}

export class PortalSchema {
  private stored: Stored;
  private readonly cache = new Map<string, ObjectType>();
  /** Set by the server: custom objects' fully qualified names carry it (`p<portalId>_<name>`). */
  portalId = 0;

  constructor(
    private readonly meta: Map<string, string>,
    private readonly changed: () => void,
  ) {
    const raw = meta.get(META_KEY);
    this.stored = raw ? (JSON.parse(raw) as Stored) : { properties: {}, objects: [], nextObjectId: FIRST_CUSTOM_OBJECT_ID };
  }

  /** By name, objectTypeId, singular, `p_<name>` or `p<portalId>_<name>`; undefined when the portal has no such type. */
  findType(key: string): ObjectType | undefined {
    const k = decodeURIComponent(key).toLowerCase();
    const cached = this.cache.get(k);
    if (cached) return cached;
    const type = this.build(k);
    if (type) this.cache.set(k, type);
    return type;
  }

  resolveType(key: string): ObjectType {
    const type = this.findType(key);
    if (!type) throw notFound(`Unable to infer object type from: ${key}`);
    return type;
  }

  /** Property definitions of a type by its canonical name (empty for an unknown type). */
  properties(typeName: string): Map<string, PropertyDef> {
    const type = this.findType(typeName);
    return type ? propertiesOf(type) : new Map<string, PropertyDef>();
  }

  isUnique(typeName: string, property: string): boolean {
    return this.properties(typeName).get(property)?.unique === true;
  }

  /** Custom objects the portal has (the seeded `subscriptions` and every created one). */
  customTypes(): ObjectType[] {
    return ['subscriptions', ...this.stored.objects.map((o) => o.name)].flatMap((n) => this.findType(n) ?? []);
  }

  /** Extra fields of a created property's JSON (group, description, dates). */
  propertyJson(def: PropertyDef, typeName: string): Record<string, unknown> {
    const json = propertyJson(def, typeName);
    const created = this.stored.properties[typeName]?.find((p) => p.name === def.name);
    if (!created) return json;
    const at = new Date(created.createdAt).toISOString();
    return { ...json, groupName: created.groupName, description: created.description, createdAt: at, updatedAt: at };
  }

  /** `POST /crm/v3/properties/{type}`: validates fully, then adds the property; throws HubSpot's 400/409. */
  createProperty(type: ObjectType, input: PropertyCreate, at: number): PropertyDef {
    const existing = propertiesOf(type);
    if (existing.has(input.name)) throw new HttpError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${input.name}' already exists.`);
    const def = this.toDef(type, input, at);
    (this.stored.properties[type.name] ??= []).push(def);
    this.save();
    return def;
  }

  /**
   * `POST …/properties/{type}/batch/create`: all or nothing — an existing or repeated name
   * (409) or an invalid input (400) creates none. One save for the batch (one journal line,
   * where single creates write one each).
   */
  createProperties(type: ObjectType, inputs: readonly PropertyCreate[], at: number): PropertyDef[] {
    const existing = propertiesOf(type);
    const names = new Set<string>();
    for (const input of inputs) {
      if (existing.has(input.name) || names.has(input.name))
        throw new HttpError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${input.name}' already exists.`);
      names.add(input.name);
    }
    const defs = inputs.map((input) => this.toDef(type, input, at));
    const unique = [...existing.values()].filter((d) => d.unique).length + defs.filter((d) => d.unique).length;
    if (defs.some((d) => d.unique) && unique > MAX_UNIQUE_PER_TYPE) throw tooManyUnique(type.name);
    (this.stored.properties[type.name] ??= []).push(...defs);
    this.save();
    return defs;
  }

  /** `POST …/schemas`: a new custom object with its properties (tier checks are the route's). */
  createSchema(input: SchemaCreate, at: number): ObjectType {
    if (this.findType(input.name)) throw new HttpError(409, 'OBJECT_ALREADY_EXISTS', `An object type with name '${input.name}' already exists.`);
    const names = new Set(input.properties.map((p) => p.name));
    for (const list of [
      input.requiredProperties,
      input.searchableProperties ?? [],
      input.secondaryDisplayProperties ?? [],
      input.primaryDisplayProperty ? [input.primaryDisplayProperty] : [],
    ]) {
      const unknown = list.find((n) => !names.has(n));
      if (unknown)
        throw validation(`Property ${unknown} is not defined in the properties of this schema`, [
          { message: `Unknown property ${unknown}`, code: 'PROPERTY_DOESNT_EXIST', context: { propertyName: [unknown] } },
        ]);
    }
    for (const o of input.associatedObjects) if (!this.findType(o)) throw validation(`Unable to infer object type from: ${o}`);
    const object: StoredObject = {
      name: input.name,
      objectTypeId: `2-${this.stored.nextObjectId}`,
      labels: input.labels,
      primaryDisplayProperty: input.primaryDisplayProperty ?? input.requiredProperties[0] ?? input.properties[0]?.name ?? '',
      secondaryDisplayProperties: input.secondaryDisplayProperties ?? [],
      searchableProperties: input.searchableProperties ?? [],
      requiredProperties: input.requiredProperties,
      associatedObjects: input.associatedObjects,
      createdAt: at,
    };
    const pseudoType: ObjectType = {
      name: input.name,
      objectTypeId: object.objectTypeId,
      singular: input.name,
      modifiedProperty: 'hs_lastmodifieddate',
      defaultProperties: [],
      searchable: [],
    };
    const defs = input.properties.map((p) => this.toDef(pseudoType, { ...p, groupName: p.groupName ?? `${input.name}_information` }, at, true));
    if (new Set(defs.map((d) => d.name)).size !== defs.length) throw validation('Duplicate property names in schema input');
    if (defs.filter((d) => d.unique).length > MAX_UNIQUE_PER_TYPE) throw tooManyUnique(input.name);
    this.stored.nextObjectId++;
    this.stored.objects.push(object);
    this.stored.properties[input.name] = defs;
    this.save();
    return this.resolveType(input.name);
  }

  private toDef(type: ObjectType, input: PropertyCreate, at: number, skipCount = false): StoredProperty {
    const custom = type.objectTypeId.startsWith('2-');
    if (input.hasUniqueValue) {
      if (!custom && !UNIQUE_ALLOWED.has(type.name)) {
        throw validation(`Unique value properties are not supported for object type ${type.name} (${type.objectTypeId}).`, [
          { message: 'hasUniqueValue is not allowed for this object type', code: 'INVALID_PROPERTY_DEFINITION', context: { propertyName: [input.name] } },
        ]);
      }
      const count = [...propertiesOf(type).values()].filter((d) => d.unique).length;
      if (!skipCount && count >= MAX_UNIQUE_PER_TYPE) throw tooManyUnique(type.name);
    }
    if (input.type === 'enumeration' && !input.externalOptions && !input.options?.length) {
      throw validation('Property of type enumeration needs options', [
        { message: 'options are required for enumeration properties', code: 'INVALID_PROPERTY_DEFINITION', in: 'options' },
      ]);
    }
    if (input.hasUniqueValue && input.type !== 'string' && input.type !== 'number') {
      throw validation('Only string and number properties can require unique values', [
        { message: 'hasUniqueValue needs type string or number', code: 'INVALID_PROPERTY_DEFINITION', in: 'hasUniqueValue' },
      ]);
    }
    return {
      name: input.name,
      label: input.label,
      type: input.type,
      fieldType: input.fieldType,
      ...(input.options ? { options: input.options.map((o) => ({ label: o.label, value: o.value })) } : {}),
      ...(input.hasUniqueValue ? { unique: true } : {}),
      ...(input.externalOptions && input.referencedObjectType === 'OWNER' ? { owner: true } : {}),
      hubspotDefined: false,
      groupName: input.groupName,
      description: input.description ?? '',
      createdAt: at,
    };
  }

  private build(k: string): ObjectType | undefined {
    const builtin = findObjectType(k);
    if (builtin) {
      const extra = this.stored.properties[builtin.name];
      if (!extra?.length) return builtin;
      const props = new Map(PROPERTIES[builtin.name]);
      for (const d of extra) props.set(d.name, d);
      return { ...builtin, props };
    }
    const prefix = `p${this.portalId}_`;
    const o = this.stored.objects.find((x) => [x.name, x.objectTypeId, `p_${x.name}`, `${prefix}${x.name}`].includes(k));
    if (!o) return undefined;
    const props = new Map<string, PropertyDef>();
    for (const d of baseProperties('hs_lastmodifieddate')) props.set(d.name, d);
    for (const d of this.stored.properties[o.name] ?? []) props.set(d.name, d);
    return {
      name: o.name,
      objectTypeId: o.objectTypeId,
      singular: o.name,
      modifiedProperty: 'hs_lastmodifieddate',
      defaultProperties: [o.primaryDisplayProperty],
      searchable: o.searchableProperties,
      fullyQualifiedName: `p_${o.name}`,
      labels: o.labels,
      props,
      custom: {
        createdAt: o.createdAt,
        requiredProperties: o.requiredProperties,
        secondaryDisplayProperties: o.secondaryDisplayProperties,
        associatedObjects: o.associatedObjects,
        portalFqn: `${prefix}${o.name}`,
      },
    };
  }

  private save(): void {
    this.cache.clear();
    this.meta.set(META_KEY, JSON.stringify(this.stored));
    this.changed();
  }
}

const tooManyUnique = (typeName: string): HttpError =>
  validation(`The limit of ${MAX_UNIQUE_PER_TYPE} unique value properties for object type ${typeName} has been reached.`, [
    {
      message: `At most ${MAX_UNIQUE_PER_TYPE} properties per object type can require unique values`,
      code: 'UNIQUE_PROPERTY_LIMIT_EXCEEDED',
      in: 'hasUniqueValue',
    },
  ]);
