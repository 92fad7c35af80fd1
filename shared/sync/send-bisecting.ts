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
 * Send one batch and attribute the answer to each item. HubSpot sometimes reports a bad
 * item per item (207) and sometimes refuses the whole batch (400): then the batch is split
 * in halves until the refusal lands on the one entry that caused it, which goes to
 * "needs attention" while every other entry goes through (G13). Transient failures throw
 * before anything is stored, so the whole batch stays queued.
 */
export async function sendBisecting<T>(ctx: SyncContext, items: readonly T[], spec: SendSpec<T>): Promise<number> {
  if (items.length === 0) return 0;
  await ctx.checkpoint('push:before-send');
  const answer = await callCrm(ctx.crm, spec.request(items), ctx.now);
  await ctx.checkpoint('push:after-send');
  if (answer.kind === 'rejected') {
    if (items.length > 1) {
      const half = Math.ceil(items.length / 2);
      return (await sendBisecting(ctx, items.slice(0, half), spec)) + (await sendBisecting(ctx, items.slice(half), spec));
    }
    const only = items[0] as T;
    await resolve(ctx, [{ kind: 'attention', seq: spec.seqOf(only), error: answer.error }]);
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

async function resolve(ctx: SyncContext, outcomes: IntentOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  await ctx.store.resolve(outcomes);
  await ctx.checkpoint('push:after-resolve');
}
