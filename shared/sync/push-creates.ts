import { clientIdState } from './app-schema';
import { toSyncedRecord, type WireRecord } from './batch';
import { hubspot } from '../hubspot';
import { callParsed, chunk } from './crm-calls';
import type { SyncContext } from './context';
import { findLandedCreates, parentsOf, type CreateEntry, inlineAssociations } from './create-reconcile';
import { CLIENT_ID_PROPERTY } from './object-types';
import type { IntentOutcome } from './ports';
import { batchesByBytes, sendBisecting, type SendSpec } from './send-bisecting';

const BATCH_MAX = 100;

const clientIdOf = (r: WireRecord) => r.properties[CLIENT_ID_PROPERTY] ?? undefined;

/**
 * Creates are idempotent (docs/sync-guarantees.md G4; shared/sync/README.md, "Idempotent
 * creates"). Where the CRM's stored definition says `cs_client_id` has unique values (checked
 * by the setup step, never assumed), a create goes out with `batch/upsert` + `idProperty`, so a
 * resend finds the same object; before resending one that may already have arrived
 * (attempts > 0) it is read by that key first, so a resend never overwrites a change made to
 * the new record meanwhile. Everywhere else (engagements, portals where the property could not
 * be made unique) a create goes out with `batch/create`, and one that may already have arrived
 * is looked for first without the search index (`create-reconcile.ts`).
 */
export async function pushCreates(ctx: SyncContext, heads: readonly CreateEntry[]): Promise<number> {
  let resolved = 0;
  const byType = new Map<string, CreateEntry[]>();
  for (const e of heads) byType.set(e.intent.objectType, [...(byType.get(e.intent.objectType) ?? []), e]);
  for (const [objectType, entries] of byType) {
    const state = await clientIdState(ctx, objectType);
    resolved += state === 'unique' ? await upsertCreates(ctx, objectType, entries) : await plainCreates(ctx, objectType, entries, state === 'plain');
  }
  return resolved;
}

async function upsertCreates(ctx: SyncContext, objectType: string, entries: CreateEntry[]): Promise<number> {
  let resolved = 0;
  const uncertain = entries.filter((e) => e.attempts > 0);
  const found = await readByClientId(ctx, objectType, uncertain);
  const confirmed: IntentOutcome[] = [];
  for (const e of uncertain) {
    const record = found.get(e.intent.clientId);
    if (record) confirmed.push(created(objectType, e, record, true));
  }
  if (confirmed.length) await ctx.store.resolve(confirmed);
  resolved += confirmed.length;

  const toSend = entries.filter((e) => !found.has(e.intent.clientId));
  const spec: SendSpec<CreateEntry> = {
    request: (items) =>
      hubspot.objects.batchUpsert(
        objectType,
        CLIENT_ID_PROPERTY,
        items.map((e) => ({ id: e.intent.clientId, properties: { ...e.intent.properties, [CLIENT_ID_PROPERTY]: e.intent.clientId } })),
      ).request,
    idOf: (e) => e.intent.clientId,
    seqOf: (e) => e.seq,
    match: (e, results) => results.find((r) => clientIdOf(r) === e.intent.clientId),
    onSuccess: (e, result) =>
      result
        ? created(objectType, e, result, true)
        : { kind: 'retry', seq: e.seq, error: { message: 'The CRM did not return the created record; it will be looked up by its key.', at: ctx.now() } },
  };
  for (const group of batchesByBytes(toSend, spec.request, BATCH_MAX)) {
    await ctx.store.markSending(group.map((e) => e.seq));
    resolved += await sendBisecting(ctx, group, spec);
  }
  return resolved;
}

/**
 * `batch/create` with an `objectWriteTraceId` per input (HubSpot reports each input's result
 * or error on its own), `cs_client_id` when the property exists, and the record's parent
 * associations inline, so a create that lands is at once findable from its parent.
 */
async function plainCreates(ctx: SyncContext, objectType: string, entries: CreateEntry[], withClientId: boolean): Promise<number> {
  let resolved = 0;
  const outbox = await ctx.store.listOutbox();
  const uncertain = entries.filter((e) => e.attempts > 0);
  const verdicts = await findLandedCreates(ctx, objectType, uncertain, outbox, withClientId);
  const settled: IntentOutcome[] = [];
  for (const e of uncertain) {
    const v = verdicts.get(e.seq);
    if (v?.kind === 'landed') settled.push(created(objectType, e, v.record, withClientId));
    else if (v?.kind === 'review' || v?.kind === 'wait')
      settled.push({ kind: v.kind === 'review' ? 'attention' : 'retry', seq: e.seq, error: { message: v.message, at: ctx.now() } });
  }
  if (settled.length) await ctx.store.resolve(settled);
  resolved += settled.filter((o) => o.kind !== 'retry').length;

  const toSend = entries.filter((e) => e.attempts === 0 || verdicts.get(e.seq)?.kind === 'absent');
  const spec: SendSpec<CreateEntry> = {
    request: (items) =>
      hubspot.objects.batchCreate(
        objectType,
        items.map((e) => ({
          objectWriteTraceId: e.intent.clientId,
          properties: { ...e.intent.properties, ...(withClientId ? { [CLIENT_ID_PROPERTY]: e.intent.clientId } : {}) },
          associations: inlineAssociations(objectType, parentsOf(e, outbox)),
        })),
      ).request,
    idOf: (e) => e.intent.clientId,
    seqOf: (e) => e.seq,
    match: (e, results) => results.find((r) => r.objectWriteTraceId === e.intent.clientId || (withClientId && clientIdOf(r) === e.intent.clientId)),
    onSuccess: (e, result) =>
      result
        ? created(objectType, e, result, withClientId)
        : {
            kind: 'retry',
            seq: e.seq,
            error: { message: 'The CRM did not return the created record; it will be looked for before any resend.', at: ctx.now() },
          },
  };
  // At most 100 inputs and PUSH_BODY_BUDGET_BYTES per request: long notes split a batch.
  for (const group of batchesByBytes(toSend, spec.request, BATCH_MAX)) {
    // The first send's server time bounds where a landed copy can be (its createdate).
    const mark = ctx.serverNow?.();
    await ctx.store.markSending(
      group.map((e) => e.seq),
      mark === undefined ? {} : Object.fromEntries(group.map((e) => [e.seq, mark])),
    );
    resolved += await sendBisecting(ctx, group, spec);
  }
  return resolved;
}

function created(objectType: string, e: CreateEntry, r: WireRecord, withClientId: boolean): IntentOutcome {
  const record = toSyncedRecord(r);
  // The answer may carry only a few properties; what we sent is what the CRM holds.
  record.properties = { ...e.intent.properties, ...(withClientId ? { [CLIENT_ID_PROPERTY]: e.intent.clientId } : {}), ...record.properties };
  return { kind: 'created', seq: e.seq, objectType, tempId: e.intent.recordId, record };
}

async function readByClientId(ctx: SyncContext, objectType: string, entries: readonly CreateEntry[]): Promise<Map<string, WireRecord>> {
  const found = new Map<string, WireRecord>();
  for (const group of chunk(entries, BATCH_MAX)) {
    const properties = [...new Set([CLIENT_ID_PROPERTY, ...group.flatMap((e) => Object.keys(e.intent.properties))])];
    const answer = await callParsed(
      ctx,
      hubspot.objects.batchRead(
        objectType,
        group.map((e) => e.intent.clientId),
        properties,
        { idProperty: CLIENT_ID_PROPERTY },
      ),
    );
    // A refused lookup leaves the entries to the upsert, which is idempotent by the same key.
    if (!answer) continue;
    for (const r of answer.results) {
      const key = clientIdOf(r);
      if (key) found.set(key, r);
    }
  }
  return found;
}
