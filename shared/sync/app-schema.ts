import { hubspot, type HubspotCall } from '../hubspot';
import { callCrm, callParsed } from './crm-calls';
import type { SyncContext } from './context';
import { CLIENT_ID_PROPERTY, DOC_KEY_PROPERTY, DOC_VALUE_PROPERTY, DOCS_OBJECT_NAME, DOCS_TYPE, SYNCED_TYPES, type SyncedType } from './object-types';

/**
 * What the CRM's stored definition of `cs_client_id` says for a type, as last checked:
 * `unique` (hasUniqueValue true: creates may use batch/upsert and idProperty reads),
 * `plain` (the property exists without unique values), `absent` (no such property).
 */
export type ClientIdState = 'unique' | 'plain' | 'absent';

export const clientIdStateKey = (type: string): string => `clientIdProperty:${type}`;

/** HubSpot allows unique-value properties on these (custom objects included), never on engagements. */
const UNIQUE_ALLOWED: ReadonlySet<string> = new Set<SyncedType>(['companies', 'contacts', 'deals', 'tickets', DOCS_TYPE]);

const GROUP = 'cs_workspace';
const clientIdDef = (unique: boolean) => ({
  name: CLIENT_ID_PROPERTY,
  label: 'CS Workspace client id',
  description: 'Set by CS Workspace on the records it creates, so that a create retried after a lost answer never makes a second record.',
  type: 'string',
  fieldType: 'text',
  groupName: GROUP,
  hasUniqueValue: unique,
});

/** The app's shared documents object (ARCHITECTURE.md "Shared workspace documents"). */
const DOCS_SCHEMA = {
  name: DOCS_OBJECT_NAME,
  labels: { singular: 'CS Workspace document', plural: 'CS Workspace documents' },
  primaryDisplayProperty: DOC_KEY_PROPERTY,
  requiredProperties: [DOC_KEY_PROPERTY],
  searchableProperties: [DOC_KEY_PROPERTY],
  associatedObjects: [],
  properties: [
    { name: DOC_KEY_PROPERTY, label: 'Document key', type: 'string', fieldType: 'text', hasUniqueValue: true },
    { name: DOC_VALUE_PROPERTY, label: 'Document value (JSON)', type: 'string', fieldType: 'textarea' },
    { ...clientIdDef(true), groupName: undefined },
  ],
};

/**
 * The setup step of the reference phase. For every synced type it reads the CRM's stored
 * definition of `cs_client_id`; when the property is missing it creates it — unique where
 * HubSpot allows unique values, plain on engagements (a plain property still lets a lost
 * create be recognised exactly) — and when the shared documents object is missing it
 * creates that schema. Creating needs the schema write scope (and Enterprise for the
 * object): a refusal is not an error, the sync falls back (plain creates, documents kept on
 * this computer). What the definition says after that is stored per type; the push relies
 * on nothing else.
 */
export async function setupAppSchema(ctx: SyncContext): Promise<void> {
  for (const type of SYNCED_TYPES) {
    let state = await readClientId(ctx, type);
    if (state === 'absent') {
      const created = await post(ctx, hubspot.properties.create(type, clientIdDef(UNIQUE_ALLOWED.has(type))));
      if (created === 404 && type === DOCS_TYPE) await post(ctx, hubspot.schemas.create(DOCS_SCHEMA));
      // Never assume what a create did: read the definition back.
      if (created !== 403) state = await readClientId(ctx, type);
    }
    await ctx.store.setMeta(clientIdStateKey(type), state);
  }
}

async function readClientId(ctx: SyncContext, type: string): Promise<ClientIdState> {
  const definition = await callParsed(ctx, hubspot.properties.get(type, CLIENT_ID_PROPERTY));
  if (!definition) return 'absent';
  return definition.hasUniqueValue === true ? 'unique' : 'plain';
}

/** A create call; returns its status (2xx, or the refusal's: 403 no scope/tier, 404 no such type, 409 exists). */
async function post(ctx: SyncContext, call: HubspotCall<unknown>): Promise<number> {
  const answer = await callCrm(ctx.crm, call.request, ctx.now);
  return answer.kind === 'ok' ? answer.res.status : (answer.error.status ?? 0);
}

/** The last checked state of a type's `cs_client_id`; unknown counts as absent (assume nothing). */
export async function clientIdState(ctx: SyncContext, type: string): Promise<ClientIdState> {
  return (await ctx.store.getMeta<ClientIdState>(clientIdStateKey(type))) ?? 'absent';
}
