import { notFound } from '../http/errors';
import type { PropertyDef } from './properties';

/** The object types every portal has (custom objects created later: `registry.ts`); `name` is the canonical key used by the store. */
export interface ObjectType {
  name: string;
  objectTypeId: string;
  singular: string;
  /** Property bumped on every write: contacts use `lastmodifieddate`, everything else `hs_lastmodifieddate`. */
  modifiedProperty: string;
  /** Properties returned when a list/get request names none (HubSpot's documented defaults). */
  defaultProperties: string[];
  /** Properties searched by the free-text `query` of search. */
  searchable: string[];
  fullyQualifiedName?: string;
  /** A custom object's schema labels (`/crm-object-schemas`). */
  labels?: { singular: string; plural: string };
  /** A portal's own definitions (built-in ones plus created ones; `registry.ts`); absent = the built-in catalogue. */
  props?: Map<string, PropertyDef>;
  /** A custom object created through `POST …/schemas` (`registry.ts`). */
  custom?: { createdAt: number; requiredProperties: string[]; secondaryDisplayProperties: string[]; associatedObjects: string[]; portalFqn: string };
}

const t = (
  name: string,
  objectTypeId: string,
  singular: string,
  defaultProperties: string[],
  searchable: string[],
  extra: Partial<ObjectType> = {},
): ObjectType => ({ name, objectTypeId, singular, modifiedProperty: 'hs_lastmodifieddate', defaultProperties, searchable, ...extra });

export const CUSTOM_OBJECT_TYPE_ID = '2-1001';

export const OBJECT_TYPES: readonly ObjectType[] = [
  t('contacts', '0-1', 'contact', ['firstname', 'lastname', 'email'], ['firstname', 'lastname', 'email', 'phone', 'company'], {
    modifiedProperty: 'lastmodifieddate',
  }),
  t('companies', '0-2', 'company', ['name', 'domain'], ['name', 'domain', 'website', 'phone']),
  t('deals', '0-3', 'deal', ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage'], ['dealname']),
  t('tickets', '0-5', 'ticket', ['content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject'], ['subject', 'content']),
  t('tasks', '0-27', 'task', ['hs_task_subject', 'hs_timestamp', 'hs_task_status'], ['hs_task_subject', 'hs_task_body']),
  t('notes', '0-46', 'note', ['hs_note_body', 'hs_timestamp'], ['hs_note_body']),
  t('meetings', '0-47', 'meeting', ['hs_meeting_title', 'hs_timestamp'], ['hs_meeting_title', 'hs_meeting_body']),
  t('calls', '0-48', 'call', ['hs_call_title', 'hs_timestamp'], ['hs_call_title', 'hs_call_body']),
  t('emails', '0-49', 'email', ['hs_email_subject', 'hs_timestamp'], ['hs_email_subject', 'hs_email_text']),
  t('subscriptions', CUSTOM_OBJECT_TYPE_ID, 'subscription', ['subscription_name'], ['subscription_name'], {
    fullyQualifiedName: 'p_subscriptions',
    labels: { singular: 'Subscription', plural: 'Subscriptions' },
  }),
];

const byKey = new Map<string, ObjectType>();
for (const type of OBJECT_TYPES) {
  for (const key of [type.name, type.objectTypeId, type.singular, type.fullyQualifiedName]) {
    if (key) byKey.set(key.toLowerCase(), type);
  }
}

/** Accepts a name (`companies`), an objectTypeId (`0-2`) or a custom fullyQualifiedName (`p_subscriptions`). */
export function findObjectType(key: string): ObjectType | undefined {
  return byKey.get(decodeURIComponent(key).toLowerCase());
}

export function resolveObjectType(key: string): ObjectType {
  const type = findObjectType(key);
  if (!type) throw notFound(`Unable to infer object type from: ${key}`);
  return type;
}
