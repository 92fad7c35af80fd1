import { TYPE_INFO, type SyncedType } from '../../../shared/sync';
import type { Rec } from './records';

/** HTTP as the gateway sees it, for the simulated portal (portal.ts). */

/** The property the simulated users edit (through the outbox), on companies, deals and tasks. */
export const EDITED_PROPERTY = 'cs_bench_note';
const ENGAGEMENTS: readonly SyncedType[] = ['tasks', 'meetings', 'notes', 'calls', 'emails'];

/**
 * The answer to a reference-data call (properties, schemas, pipelines, owners, users, the
 * account), or undefined for a call on records; status 404 for a type the portal lacks.
 */
export function referenceAnswer(method: string, path: string, hasType: (type: string) => boolean): { status: number; body: unknown } | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^\/crm\/v3\/properties\/([^/]+)\/cs_client_id$/.exec(path))) {
    if (!hasType(m[1]!)) return { status: 404, body: null };
    return {
      status: 200,
      body: { name: 'cs_client_id', type: 'string', fieldType: 'text', groupName: 'cs_workspace', hasUniqueValue: !ENGAGEMENTS.includes(m[1] as SyncedType) },
    };
  }
  if ((m = /^\/crm\/v3\/properties\/([^/]+)$/.exec(path))) {
    if (!hasType(m[1]!)) return { status: 404, body: null };
    if (method === 'POST') return { status: 201, body: {} };
    const names = ['hs_object_id', 'createdate', TYPE_INFO[m[1] as SyncedType].cursorProperty, EDITED_PROPERTY, 'cs_client_id'];
    return { status: 200, body: { results: names.map((name) => ({ name, label: name, type: 'string', fieldType: 'text', groupName: 'x' })) } };
  }
  if (path.startsWith('/crm-object-schemas/')) return { status: 403, body: { status: 'error', message: 'Missing scopes', category: 'MISSING_SCOPES' } };
  if (/^\/crm\/v3\/pipelines\//.test(path)) return { status: 200, body: { results: [] } };
  if (path === '/crm/v3/owners' || path === '/settings/v3/users')
    return { status: 200, body: { results: Array.from({ length: 30 }, (_, i) => ({ id: String(i + 1), email: `csm${i}@example.test` })) } };
  if (path === '/account-info/v3/details') return { status: 200, body: { portalId: 1, timeZone: 'Europe/Warsaw' } };
  return undefined;
}

/** What kind of call it is, for the breakdown. */
export function kindOf(method: string, path: string, q: URLSearchParams): string {
  if (path.endsWith('/search')) return 'search';
  if (path.startsWith('/crm/v4/associations/')) return `association read: ${path.split('/')[4] ?? ''}`;
  if (path.endsWith('/batch/update')) return 'edit: write';
  if (path.endsWith('/batch/read')) return 'batch read (records)';
  if (/^\/crm\/v3\/objects\/[^/]+$/.test(path))
    return q.get('archived') === 'true' ? 'list archived (sweep)' : q.get('archived') === 'false' ? 'list (bootstrap)' : 'list ids (reconcile)';
  if (
    method !== 'GET' ||
    path.includes('/properties/') ||
    path.includes('pipelines') ||
    path.includes('owners') ||
    path.includes('users') ||
    path.includes('account-info')
  )
    return 'reference data';
  return 'other';
}

/** The slice of `Response` the gateway reads; plain promises, so the simulation stays in microtasks. */
export function fakeResponse(status: number, headers: Record<string, string>, body: unknown): Response {
  const text = JSON.stringify(body);
  return {
    status,
    headers: { forEach: (fn: (value: string, key: string) => void) => Object.entries(headers).forEach(([k, v]) => fn(v, k)) },
    text: async () => text,
  } as unknown as Response;
}

/** A record as HubSpot answers it: the properties the engine reads, with history when asked. */
export function wireRecord(r: Rec, modifiedProperty: string, history?: readonly string[]) {
  const mod = new Date(r.mod).toISOString();
  return {
    id: String(r.id),
    properties: { hs_object_id: String(r.id), [modifiedProperty]: mod, createdate: new Date(r.createdAt).toISOString(), [EDITED_PROPERTY]: r.value },
    ...(history?.length
      ? { propertiesWithHistory: Object.fromEntries(history.map((p) => [p, [{ value: r.value, timestamp: mod, sourceType: 'CRM_UI' }]])) }
      : {}),
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: mod,
    archived: r.archived,
  };
}
