import { parseBatch, type WireRecord } from './batch';
import { callCrm } from './crm-calls';
import type { SyncContext } from './context';
import type { EntryError } from './outbox';
import type { CrmRequest, IntentOutcome } from './ports';

export interface SendSpec<T> {
  request(items: readonly T[]): CrmRequest;
  /** The CRM id an item's result or error is reported under. */
  idOf(item: T): string;
  seqOf(item: T): number;
  /** Find an item's result when the CRM does not report it under `idOf` (creates). */
  match?(item: T, results: readonly WireRecord[]): WireRecord | undefined;
  onSuccess(item: T, result: WireRecord | undefined): IntentOutcome;
}

/**
 * Send one batch and attribute the answer to each item. HubSpot sometimes reports a bad item
 * per item (207) and sometimes refuses the whole batch (400): then the batch is split in halves
 * until the refusal lands on the one entry that caused it, which goes to "needs attention"
 * while every other entry goes through (docs/sync-guarantees.md G13). Transient failures throw
 * before anything is stored, so the whole batch stays queued.
 */
export async function sendBisecting<T>(ctx: SyncContext, items: readonly T[], spec: SendSpec<T>): Promise<number> {
  if (items.length === 0) return 0;
  const request = spec.request(items);
  // Callers plan batches with batchesByBytes; this holds the budget for any that did not.
  if (items.length > 1 && jsonBytes(request.body) > PUSH_BODY_BUDGET_BYTES) return bisect(ctx, items, spec);
  await ctx.checkpoint('push:before-send');
  const answer = await callCrm(ctx.crm, request, ctx.now);
  await ctx.checkpoint('push:after-send');
  if (answer.kind === 'rejected') {
    if (items.length > 1) return bisect(ctx, items, spec);
    const only = items[0] as T;
    await resolve(ctx, [{ kind: 'attention', seq: spec.seqOf(only), error: plainRefusal(answer.error, jsonBytes(request.body)) }]);
    return 1;
  }
  const batch = parseBatch(answer.res, ctx.now());
  const byId = new Map(batch.results.map((r) => [String(r.id), r]));
  const outcomes: IntentOutcome[] = [];
  const unattributed: T[] = [];
  for (const item of items) {
    const result = spec.match ? spec.match(item, batch.results) : byId.get(spec.idOf(item));
    const error = batch.errors.find((e) => e.ids.includes(spec.idOf(item)))?.error;
    if (result) outcomes.push(spec.onSuccess(item, result));
    else if (error) outcomes.push({ kind: 'attention', seq: spec.seqOf(item), error });
    else if (batch.errors.length === 0) outcomes.push(spec.onSuccess(item, undefined));
    else unattributed.push(item);
  }
  if (unattributed.length === 1 && items.length === 1) {
    const error: EntryError = batch.errors[0]?.error ?? { message: 'The CRM did not apply this change.', at: ctx.now() };
    outcomes.push({ kind: 'attention', seq: spec.seqOf(unattributed[0] as T), error });
    unattributed.length = 0;
  }
  await resolve(ctx, outcomes);
  // 'retry' settles nothing: counting it would let the push spin on an entry forever.
  let resolved = outcomes.filter((o) => o.kind !== 'retry').length;
  for (const item of unattributed) resolved += await sendBisecting(ctx, [item], spec);
  return resolved;
}

async function bisect<T>(ctx: SyncContext, items: readonly T[], spec: SendSpec<T>): Promise<number> {
  const half = Math.ceil(items.length / 2);
  return (await sendBisecting(ctx, items.slice(0, half), spec)) + (await sendBisecting(ctx, items.slice(half), spec));
}

/**
 * The most bytes one push request body may take. HubSpot publishes no body limit for batch
 * writes, but the web host takes at most 5 MB per contract call (src-main/web-host/server.ts)
 * and proxies in between often less; 3 MB leaves room for the call's own envelope, and at
 * 100 inputs a batch of ordinary edits stays far below it. A batch of 100 long notes (65,536
 * characters each, HubSpot's most for a text value: 6.5 MB) goes out as three requests.
 */
export const PUSH_BODY_BUDGET_BYTES = 3 * 1024 * 1024;

/**
 * Groups items into batches of at most `maxItems` whose request bodies stay within
 * PUSH_BODY_BUDGET_BYTES, in order. An item that alone exceeds the budget goes alone (the
 * CRM, or the web host, may then refuse it: it goes to "needs attention").
 */
export function batchesByBytes<T>(items: readonly T[], request: SendSpec<T>['request'], maxItems: number, budget = PUSH_BODY_BUDGET_BYTES): T[][] {
  if (items.length === 0) return [];
  const envelope = jsonBytes(request([]).body);
  const out: T[][] = [];
  let group: T[] = [];
  let bytes = envelope;
  for (const item of items) {
    // The item's share of a body: its input plus the comma that separates it from the next.
    const size = jsonBytes(request([item]).body) - envelope + 1;
    if (group.length > 0 && (group.length >= maxItems || bytes + size > budget)) {
      out.push(group);
      group = [];
      bytes = envelope;
    }
    group.push(item);
    bytes += size;
  }
  out.push(group);
  return out;
}

/** UTF-8 size of a value as JSON, as it goes on the wire (no DOM or Node helpers in shared/). */
export function jsonBytes(value: unknown): number {
  const text = value === undefined ? '' : JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair (2 code units) is 4 bytes: 2 per unit.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/**
 * A refusal for size (413 from the CRM, or the web host's own limit; 414 for a request line)
 * says so in words the user can act on; it is not a blip, so it waits in "needs attention"
 * instead of being retried.
 */
function plainRefusal(error: EntryError, bytes: number): EntryError {
  const advice = 'Shorten its longest text, or split it into smaller changes, then retry.';
  if (error.status === 413 || error.status === 414) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    const detail = /^The CRM answered \d+\.?$/.test(error.message) ? '' : `: ${error.message.replace(/\.$/, '')}`;
    return { ...error, message: `This change is too large for the CRM (${mb} MB; it answered ${error.status}${detail}). ${advice}` };
  }
  // The web host's own limit (a refusal of the call, no HTTP status of the CRM).
  if (error.status === undefined && /too large/i.test(error.message)) return { ...error, message: `${error.message} ${advice}` };
  return error;
}

async function resolve(ctx: SyncContext, outcomes: IntentOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await ctx.store.resolve(outcomes);
  await ctx.checkpoint('push:after-resolve');
}
