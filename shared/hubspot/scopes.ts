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

/**
 * The host's error message when a credential lacks scopes: English for logs and other
 * readers, and one fixed shape the renderer reads back to name each scope in the user's
 * language (`missingScopesOf`).
 */
export function missingScopesMessage(scopes: readonly string[]): string {
  return `Missing scopes: ${scopes.join(' ')}. Give the key or app these scopes in HubSpot and connect again; nothing was changed.`;
}

export function missingScopesOf(message: string): string[] | null {
  const m = /^Missing scopes: ([a-z0-9._ -]+)\. /.exec(message);
  return m?.[1] ? m[1].split(' ').filter(Boolean) : null;
}
