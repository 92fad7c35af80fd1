import { hubspot, parseAnswer, type HubspotCall } from '../hubspot';
import type { WireRecord } from './batch';
import { callCrm, chunk } from './crm-calls';
import type { SyncContext } from './context';
import { decideUpdate, type ConflictInput } from './decide';
import { isTempId, type UpdateIntent } from './intents';
import type { EntryError, StoredEntry } from './outbox';
import type { IntentOutcome } from './ports';
import { MERGEABLE_TYPES, MERGED_IDS_PROPERTY, mergedIds } from './reconcile';
import { batchesByBytes, sendBisecting, type SendSpec } from './send-bisecting';
import type { Props } from './values';

/** HubSpot caps batch reads that ask for property history at 50 inputs (§3). */
const HISTORY_READ_MAX = 50;
const BATCH_MAX = 100;

type UpdateEntry = StoredEntry & { intent: UpdateIntent };

interface Planned {
  entry: UpdateEntry;
  write: Props;
  conflicts: ConflictInput[];
  /** Server time of the record's last change before our write (see OutboxEntry.sentAfterMs). */
  mark: number;
  /** The CRM's values of the properties already applied, for the echo. */
  held: Props;
}

/**
 * Push the head update of each record: read the CRM's current values, decide per property
 * (decide.ts), then write only what still holds the base. Outcomes are stored per entry.
 */
export async function pushUpdates(ctx: SyncContext, heads: readonly UpdateEntry[]): Promise<number> {
  let resolved = 0;
  const byType = new Map<string, UpdateEntry[]>();
  for (const e of heads) byType.set(e.intent.objectType, [...(byType.get(e.intent.objectType) ?? []), e]);
  for (const [objectType, entries] of byType) {
    const outcomes: IntentOutcome[] = [];
    const planned: Planned[] = [];
    for (const e of entries.filter((x) => isTempId(x.intent.recordId))) {
      outcomes.push({ kind: 'attention', seq: e.seq, error: { message: 'The record this edit belongs to was never created in the CRM.', at: ctx.now() } });
    }
    for (const group of chunk(
      entries.filter((x) => !isTempId(x.intent.recordId)),
      HISTORY_READ_MAX,
    )) {
      const current = await readCurrent(ctx, objectType, group);
      for (const entry of group) {
        const record = current.get(entry.intent.recordId);
        if (record && !('properties' in record)) {
          outcomes.push({ kind: 'attention', seq: entry.seq, error: record });
          continue;
        }
        // The id now reads as another record: it was merged away. Send the edit to the survivor.
        if (record && String(record.id) !== entry.intent.recordId) {
          outcomes.push({ kind: 'redirect', seq: entry.seq, merge: { objectType, loserId: entry.intent.recordId, survivorId: String(record.id) } });
          continue;
        }
        if (!record) {
          outcomes.push({
            kind: 'attention',
            seq: entry.seq,
            error: {
              status: 404,
              message: 'The record no longer exists in the CRM: it was deleted there (or emptied from the recycle bin after 90 days).',
              at: ctx.now(),
            },
          });
          continue;
        }
        const d = decideUpdate(entry.intent, record.properties, record.propertiesWithHistory, entry.sentAfterMs);
        // An earlier send landed although its answer was lost: the synced row takes what the CRM
        // holds, as it would from that answer. Without it the row kept the value from before the
        // edit until the next pull, and an edit made on that stale value met our own write as a
        // conflict.
        const held: Props = Object.fromEntries(d.alreadyApplied.map((p) => [p, record.properties[p] ?? null]));
        const echo = d.alreadyApplied.length ? { echo: { objectType, id: entry.intent.recordId, properties: held } } : {};
        if (Object.keys(d.write).length === 0) outcomes.push({ kind: 'done', seq: entry.seq, conflicts: d.conflicts, ...echo });
        else planned.push({ entry, write: d.write, conflicts: d.conflicts, mark: Date.parse(record.updatedAt), held });
      }
    }
    // Decisions that need no write are stored before anything is sent.
    if (outcomes.length) await ctx.store.resolve(outcomes);
    resolved += outcomes.length;
    const spec: SendSpec<Planned> = {
      request: (items) =>
        hubspot.objects.batchUpdate(
          objectType,
          items.map((p) => ({ id: p.entry.intent.recordId, properties: p.write })),
        ).request,
      idOf: (p) => p.entry.intent.recordId,
      seqOf: (p) => p.entry.seq,
      onSuccess: (p, result) => ({
        kind: 'done',
        seq: p.entry.seq,
        conflicts: p.conflicts,
        echo: {
          objectType,
          id: p.entry.intent.recordId,
          properties: { ...p.held, ...p.write, ...(result?.properties ?? {}) },
          ...(result?.updatedAt ? { updatedAt: result.updatedAt } : {}),
        },
      }),
    };
    // At most 100 inputs and PUSH_BODY_BUDGET_BYTES per request: long text values split a batch.
    for (const group of batchesByBytes(planned, spec.request, BATCH_MAX)) {
      await ctx.store.markSending(
        group.map((p) => p.entry.seq),
        Object.fromEntries(group.map((p) => [p.entry.seq, p.mark])),
      );
      resolved += await sendBisecting(ctx, group, spec);
    }
  }
  return resolved;
}

/** A read's parsed answer, or the error to attribute (a refusal, or an answer HubSpot does not document); transient failures throw. */
async function readBatch<T>(ctx: SyncContext, call: HubspotCall<T>): Promise<{ value: T } | { error: EntryError }> {
  const answer = await callCrm(ctx.crm, call.request, ctx.now);
  if (answer.kind === 'rejected') return { error: answer.error };
  const parsed = parseAnswer(call, answer.res);
  return parsed.ok ? { value: parsed.value } : { error: { status: answer.res.status, message: parsed.error.message, at: ctx.now() } };
}

/**
 * Current values and history of a group of records. A refused read (say, 400 for a property
 * the CRM no longer has) is split down to the entry that caused it, which gets the error.
 */
async function readCurrent(ctx: SyncContext, objectType: string, group: readonly UpdateEntry[]): Promise<Map<string, WireRecord | EntryError>> {
  const props = [...new Set(group.flatMap((e) => Object.keys(e.intent.desired)))];
  const merged = MERGEABLE_TYPES.includes(objectType) ? [MERGED_IDS_PROPERTY] : [];
  const call = hubspot.objects.batchRead(objectType, [...new Set(group.map((e) => e.intent.recordId))], [...props, ...merged], { withHistory: props });
  const read = await readBatch(ctx, call);
  const map = new Map<string, WireRecord | EntryError>();
  if ('error' in read) {
    // A refusal, or an answer HubSpot does not document, is split down to the entry it concerns.
    if (group.length === 1) map.set((group[0] as UpdateEntry).intent.recordId, read.error);
    else {
      const half = Math.ceil(group.length / 2);
      for (const part of [group.slice(0, half), group.slice(half)]) for (const [k, v] of await readCurrent(ctx, objectType, part)) map.set(k, v);
    }
    return map;
  }
  const results = read.value.results;
  for (const r of results) map.set(r.id, r);
  // HubSpot answers a merged-away id with the survivor, under the survivor's id.
  for (const r of results) for (const old of mergedIds(r.properties)) if (!map.has(old)) map.set(old, r);
  return map;
}
