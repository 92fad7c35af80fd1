import { z } from 'zod';

/** What `POST /crm/v3/properties/{type}` and `POST …/schemas` accept, as HubSpot's official client models them (registry.ts keeps the result). */

const TYPES = ['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string'] as const;
const FIELD_TYPES = [
  'booleancheckbox',
  'calculation_equation',
  'checkbox',
  'date',
  'file',
  'html',
  'number',
  'phonenumber',
  'radio',
  'select',
  'text',
  'textarea',
] as const;

const option = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
});

/** HubSpot's PropertyCreate (the official client's model): name, label, type, fieldType and groupName are required. */
export const propertyCreate = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'must start with a lowercase letter and contain only lowercase letters, digits and underscores'),
  label: z.string().min(1),
  type: z.enum(TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(option).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
  dataSensitivity: z.enum(['non_sensitive', 'sensitive', 'highly_sensitive']).optional(),
});
export type PropertyCreate = z.infer<typeof propertyCreate>;

/** HubSpot's ObjectSchemaEgg: the object's labels, display properties and its first properties. */
export const schemaCreate = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'must start with a lowercase letter and contain only lowercase letters, digits and underscores'),
  labels: z.object({ singular: z.string().min(1), plural: z.string().min(1) }),
  primaryDisplayProperty: z.string().optional(),
  secondaryDisplayProperties: z.array(z.string()).optional(),
  searchableProperties: z.array(z.string()).optional(),
  requiredProperties: z.array(z.string()),
  properties: z.array(propertyCreate.omit({ groupName: true }).extend({ groupName: z.string().optional() })).min(1),
  associatedObjects: z.array(z.string()),
  description: z.string().optional(),
});
export type SchemaCreate = z.infer<typeof schemaCreate>;
