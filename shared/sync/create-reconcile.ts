import { hubspot } from '../hubspot';
import type { WireRecord } from './batch';
import { callParsed, chunk } from './crm-calls';
import type { SyncContext } from './context';
import { isTempId, type CreateIntent } from './intents';
import { CLIENT_ID_PROPERTY } from './object-types';
import type { StoredEntry } from './outbox';
import { sameValue, toMillis } from './values';

export type CreateEntry = StoredEntry & { intent: CreateIntent };

/** What became of a create that may have been sent before (attempts > 0). */
export type LandedVerdict =
  | { kind: 'landed'; record: WireRecord }
  | { kind: 'absent' }
  /** Nothing safe to decide now: wait for the search index to settle. */
  | { kind: 'wait'; message: string }
  /** Nothing safe to decide at all: the user checks the CRM, then retries or discards. */
  | { kind: 'review'; message: string };

/** A landed copy was created at or after the first send's server time, less this (Date headers have 1 s resolution). */
export const CREATE_WINDOW_MARGIN_MS = 5_000;
/** HubSpot's search index lags writes by 1–10 s; a search for a lost create waits this long after the first send. */
export const SEARCH_SETTLE_MS = 60_000;

/**
 * HUBSPOT_DEFINED default association type ids (HubSpot's association docs, the official client's
 * AssociationTypes), from the created record's type to its parent's: a create carries its
 * parent associations inline with them.
 */
const ASSOCIATION_TYPE_IDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  tasks: { companies: 192, contacts: 204, deals: 216, tickets: 230 },
  notes: { companies: 190, contacts: 202, deals: 214, tickets: 228 },
  meetings: { companies: 188, contacts: 200, deals: 212, tickets: 226 },
  calls: { companies: 182, contacts: 194, deals: 206, tickets: 220 },
  emails: { companies: 186, contacts: 198, deals: 210, tickets: 224 },
  contacts: { companies: 279, deals: 4, tickets: 15 },
  deals: { companies: 341, contacts: 3, tickets: 27 },
  tickets: { companies: 339, contacts: 16, deals: 28 },
  companies: { contacts: 280, deals: 342, tickets: 340 },
};

export interface Parent {
  toType: string;
  toId: string;
}

/**
 * The records a create hangs on: the association intents queued with it (applyEdit writes
 * them right after the create) whose other side already exists in the CRM and whose type id
 * we know, so they can travel inline with the create.
 */
export function parentsOf(e: CreateEntry, outbox: readonly StoredEntry[]): Parent[] {
  const { objectType, recordId } = e.intent;
  const out: Parent[] = [];
  for (const o of outbox) {
    const i = o.intent;
    if (i.kind !== 'associate') continue;
    const other =
      i.fromType === objectType && i.fromId === recordId
        ? { toType: i.toType, toId: i.toId }
        : i.toType === objectType && i.toId === recordId
          ? { toType: i.fromType, toId: i.fromId }
          : undefined;
    if (other && !isTempId(other.toId) && ASSOCIATION_TYPE_IDS[objectType]?.[other.toType] !== undefined) out.push(other);
  }
  return out;
}

export function inlineAssociations(objectType: string, parents: readonly Parent[]): unknown[] {
  return parents.map((p) => ({
    to: { id: p.toId },
    types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: ASSOCIATION_TYPE_IDS[objectType]?.[p.toType] }],
  }));
}

/**
 * Looks for the copies of uncertain creates that did land, without the search index (it
 * lags 1–10 s, so "not found" there would mean nothing): the parent's associations (v4,
 * no lag) name the candidates, a batch read by id fetches them, and a candidate matches on
 * `cs_client_id` when the type has the property, else on every property the intent sent
 * (same meaning) and a createdate inside the window since the first send. A candidate is
 * claimed by at most one intent. A create without a parent is searched for by its client id
 * once the index has settled, or left to the user when even that is not possible.
 */
export async function findLandedCreates(
  ctx: SyncContext,
  objectType: string,
  uncertain: readonly CreateEntry[],
  outbox: readonly StoredEntry[],
  withClientId: boolean,
): Promise<Map<number, LandedVerdict>> {
  const verdicts = new Map<number, LandedVerdict>();
  const claimed = new Set<string>();
  for (const e of uncertain) {
    const parent = parentsOf(e, outbox)[0];
    let candidates: WireRecord[];
    if (parent) {
      const ids = await associatedIds(ctx, parent, objectType);
      if (ids === undefined) {
        verdicts.set(e.seq, { kind: 'review', message: reviewMessage });
        continue;
      }
      const read = await readByIds(
        ctx,
        objectType,
        ids.filter((id) => !claimed.has(id)),
        e,
      );
      if (read === undefined) {
        verdicts.set(e.seq, { kind: 'review', message: reviewMessage });
        continue;
      }
      candidates = read;
    } else if (withClientId) {
      const serverNow = ctx.serverNow?.();
      if (serverNow === undefined || e.sentAfterMs === undefined) {
        verdicts.set(e.seq, { kind: 'review', message: reviewMessage });
        continue;
      }
      if (serverNow - e.sentAfterMs < SEARCH_SETTLE_MS) {
        verdicts.set(e.seq, { kind: 'wait', message: 'This record may have reached the CRM already; it is looked for once the CRM’s search has caught up.' });
        continue;
      }
      candidates = await searchByClientId(ctx, objectType, e);
    } else {
      verdicts.set(e.seq, { kind: 'review', message: reviewMessage });
      continue;
    }
    const hit = candidates.find((r) => !claimed.has(String(r.id)) && matches(e, r, withClientId));
    if (hit) {
      claimed.add(String(hit.id));
      verdicts.set(e.seq, { kind: 'landed', record: hit });
    } else verdicts.set(e.seq, { kind: 'absent' });
  }
  return verdicts;
}

const reviewMessage =
  'This record may already have been created in the CRM, and it cannot be checked automatically. Look for it in the CRM: retry if it is not there, discard if it is.';

function matches(e: CreateEntry, r: WireRecord, withClientId: boolean): boolean {
  if (withClientId) return r.properties[CLIENT_ID_PROPERTY] === e.intent.clientId;
  if (!Object.entries(e.intent.properties).every(([k, v]) => sameValue(r.properties[k], v))) return false;
  if (e.sentAfterMs === undefined) return true;
  const createdMs = toMillis(r.properties.createdate) ?? Date.parse(r.createdAt);
  return createdMs >= e.sentAfterMs - CREATE_WINDOW_MARGIN_MS;
}

/** Ids of `toType` records associated with the parent (every page); undefined when the parent is gone. */
async function associatedIds(ctx: SyncContext, parent: Parent, toType: string): Promise<string[] | undefined> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await callParsed(ctx, hubspot.associations.ofRecord(parent.toType, parent.toId, toType, { limit: 500, after }));
    if (!page) return undefined;
    for (const r of page.results) ids.push(r.toObjectId);
    after = page.paging?.next?.after;
  } while (after);
  return ids;
}

/** The candidates by id; undefined when the CRM refused the read (then nothing is known). */
async function readByIds(ctx: SyncContext, objectType: string, ids: readonly string[], e: CreateEntry): Promise<WireRecord[] | undefined> {
  const properties = [...new Set(['createdate', CLIENT_ID_PROPERTY, ...Object.keys(e.intent.properties)])];
  const out: WireRecord[] = [];
  for (const group of chunk(ids, 100)) {
    const answer = await callParsed(ctx, hubspot.objects.batchRead(objectType, group, properties));
    if (!answer) return undefined;
    out.push(...answer.results);
  }
  return out;
}

async function searchByClientId(ctx: SyncContext, objectType: string, e: CreateEntry): Promise<WireRecord[]> {
  const answer = await callParsed(
    ctx,
    hubspot.objects.search(objectType, {
      filterGroups: [{ filters: [{ propertyName: CLIENT_ID_PROPERTY, operator: 'EQ', value: e.intent.clientId }] }],
      properties: [CLIENT_ID_PROPERTY, 'createdate', ...Object.keys(e.intent.properties)],
      limit: 10,
    }),
  );
  return answer?.results ?? [];
}
