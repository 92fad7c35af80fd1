import { findObjectType } from '../schema/object-types';

/**
 * The scope a call needs, as HubSpot's scope guide assigns them (docs/hubspot-api.md §15):
 * engagements ride on the contacts scopes, except that reading emails also needs
 * `sales-email-read`; tickets have the single `tickets` scope; properties read
 * `crm.schemas.<type>.read`; custom objects `crm.objects.custom.*`. An empty list: no scope
 * (account details, token info). Unknown paths need nothing here and 404 later.
 */
export function requiredScopes(method: string, path: string): string[] {
  const write = method !== 'GET' && !/\/(batch\/read|search)$/.test(path);
  const access = write ? 'write' : 'read';
  let m =
    /^\/crm\/(?:v3\/objects|objects\/2026-03|v4\/objects)\/([^/]+)/.exec(path) ?? /^\/crm\/(?:v4\/associations|associations\/2026-03)\/([^/]+)/.exec(path);
  if (m?.[1]) return objectScopes(m[1], access);
  m = /^\/crm\/(?:v3\/pipelines|pipelines\/2026-03)\/([^/]+)/.exec(path);
  if (m?.[1]) return objectScopes(m[1], 'read');
  if (/^\/crm\/(?:v3\/owners|owners\/2026-03)(\/|$)/.test(path)) return ['crm.objects.owners.read'];
  m = /^\/crm\/(?:v3\/properties|properties\/2026-03)\/([^/]+)/.exec(path);
  if (m?.[1]) return [schemaScope(m[1], access)];
  if (/^\/crm-object-schemas\//.test(path)) return [`crm.schemas.custom.${access}`];
  if (/^\/settings\/(?:v3|2026-03)\/users/.test(path)) return path.endsWith('/teams') ? ['settings.users.teams.read'] : ['settings.users.read'];
  return [];
}

function objectScopes(key: string, access: 'read' | 'write'): string[] {
  const type = findObjectType(key);
  // Custom objects created later (`p_cs_workspace_docs`, `2-…`) are not in the built-in list.
  if (!type) return /^(p_|2-)/.test(key) ? [`crm.objects.custom.${access}`] : [];
  switch (type.name) {
    case 'companies':
    case 'deals':
    case 'contacts':
      return [`crm.objects.${type.name}.${access}`];
    case 'tickets':
      return ['tickets'];
    case 'emails':
      return access === 'read' ? ['crm.objects.contacts.read', 'sales-email-read'] : ['crm.objects.contacts.write'];
    case 'tasks':
    case 'notes':
    case 'meetings':
    case 'calls':
      return [`crm.objects.contacts.${access}`];
    default:
      return [`crm.objects.custom.${access}`];
  }
}

function schemaScope(key: string, access: 'read' | 'write'): string {
  const type = findObjectType(key);
  const name = type?.name ?? '';
  if (['companies', 'contacts', 'deals'].includes(name)) return `crm.schemas.${name}.${access}`;
  if (name === 'tickets') return 'tickets';
  if ((type && !type.objectTypeId.startsWith('0-')) || /^(p_|2-)/.test(key)) return `crm.schemas.custom.${access}`;
  return `crm.schemas.contacts.${access}`;
}
