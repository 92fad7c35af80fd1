/**
 * The HubSpot scopes the workspace needs (docs/hubspot-api.md §15), asked for at sign-in and
 * checked when a key is pasted. Custom objects (shared workspace documents) need Enterprise:
 * optional, the app runs without them in its degraded mode.
 */
export const REQUIRED_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'tickets',
  'crm.objects.owners.read',
  'crm.schemas.companies.read',
  'crm.schemas.contacts.read',
  'crm.schemas.deals.read',
  'settings.users.read',
  'sales-email-read',
] as const;

export const OPTIONAL_SCOPES = ['crm.objects.custom.read', 'crm.objects.custom.write', 'crm.schemas.custom.read', 'crm.schemas.custom.write'] as const;

export type RequiredScope = (typeof REQUIRED_SCOPES)[number];

export const isRequiredScope = (s: string): s is RequiredScope => (REQUIRED_SCOPES as readonly string[]).includes(s);
