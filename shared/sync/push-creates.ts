import { parseBatch, toSyncedRecord, type WireRecord } from './batch';
import { callCrm, chunk, OBJECTS } from './crm-calls';
import type { SyncContext } from './context';
import type { CreateIntent } from './intents';
import { CLIENT_ID_PROPERTY } from './object-types';
import type { StoredEntry } from './outbox';
import type { IntentOutcome } from './ports';
import { sendBisecting } from './send-bisecting';

const BATCH_MAX = 100;

type CreateEntry = StoredEntry & { intent: CreateIntent };

const clientIdOf = (r: WireRecord) => r.properties[CLIENT_ID_PROPERTY] ?? undefined;

/**
 * Creates are idempotent by key (G4): each carries its client id in the unique property
 * `cs_client_id` and goes out with `batch/upsert` + `idProperty`, so a resend after a crash
 * finds the same object instead of making a second one. Before resending a create that may
 * already have arrived (attempts > 0) we read it by that key first, so a resend never
 * overwrites a change someone made to the new record in between.
 */
export async function pushCreates(ctx: SyncContext, heads: readonly CreateEntry[]): Promise<number> {
  let resolved = 0;
  const byType = new Map<string, CreateEntry[]>();
  for (const e of heads) byType.set(e.intent.objectType, [...(byType.get(e.intent.objectType) ?? []), e]);
  for (const [objectType, entries] of byType) {
    const uncertain = entries.filter((e) => e.attempts > 0);
    const found = await readByClientId(ctx, objectType, uncertain);
    const confirmed: IntentOutcome[] = [];
    for (const e of uncertain) {
      const record = found.get(e.intent.clientId);
      if (record) confirmed.push(created(objectType, e, record));
    }
    if (confirmed.length) await ctx.store.resolve(confirmed);
    resolved += confirmed.length;

    const toSend = entries.filter((e) => !found.has(e.intent.clientId));
    for (const group of chunk(toSend, BATCH_MAX)) {
      await ctx.store.markSending(group.map((e) => e.seq));
      resolved += await sendBisecting(ctx, group, {
        request: (items) => ({
          method: 'POST',
          path: `${OBJECTS}/${objectType}/batch/upsert`,
          body: {
            inputs: items.map((e) => ({
              id: e.intent.clientId,
              idProperty: CLIENT_ID_PROPERTY,
              properties: { ...e.intent.properties, [CLIENT_ID_PROPERTY]: e.intent.clientId },
            })),
          },
        }),
        idOf: (e) => e.intent.clientId,
        seqOf: (e) => e.seq,
        match: (e, results) => results.find((r) => clientIdOf(r) === e.intent.clientId),
        onSuccess: (e, result) =>
          result
            ? created(objectType, e, result)
            : { kind: 'retry', seq: e.seq, error: { message: 'The CRM did not return the created record; it will be looked up by its key.', at: ctx.now() } },
      });
    }
  }
  return resolved;
}

function created(objectType: string, e: CreateEntry, r: WireRecord): IntentOutcome {
  const record = toSyncedRecord(r);
  // The upsert answer may carry only a few properties; what we sent is what the CRM holds.
  record.properties = { ...e.intent.properties, [CLIENT_ID_PROPERTY]: e.intent.clientId, ...record.properties };
  return { kind: 'created', seq: e.seq, objectType, tempId: e.intent.recordId, record };
}

async function readByClientId(ctx: SyncContext, objectType: string, entries: readonly CreateEntry[]): Promise<Map<string, WireRecord>> {
  const found = new Map<string, WireRecord>();
  for (const group of chunk(entries, BATCH_MAX)) {
    const answer = await callCrm(
      ctx.crm,
      {
        method: 'POST',
        path: `${OBJECTS}/${objectType}/batch/read`,
        body: {
          idProperty: CLIENT_ID_PROPERTY,
          inputs: group.map((e) => ({ id: e.intent.clientId })),
          properties: [...new Set([CLIENT_ID_PROPERTY, ...group.flatMap((e) => Object.keys(e.intent.properties))])],
        },
      },
      ctx.now,
    );
    // A refused lookup leaves the entries to the upsert, which is idempotent by the same key.
    if (answer.kind === 'rejected') continue;
    for (const r of parseBatch(answer.res, ctx.now()).results) {
      const key = clientIdOf(r);
      if (key) found.set(key, r);
    }
  }
  return found;
}
