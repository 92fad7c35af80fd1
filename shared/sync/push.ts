import type { SyncContext } from './context';
import type { AssociationIntent, CreateIntent, UpdateIntent } from './intents';
import { sendableHeads, type StoredEntry } from './outbox';
import { pushAssociations } from './push-associations';
import { pushCreates } from './push-creates';
import { pushUpdates } from './push-updates';

/**
 * Drain the outbox in rounds. Each round sends the head entry of every record (so per-record
 * order holds, docs/sync-guarantees.md G3) batched across records; creates go first so that the
 * entries waiting on their temporary ids become sendable in the next round. Transient failures
 * throw out of here with the rest still queued.
 */
export async function pushOutbox(ctx: SyncContext): Promise<number> {
  let total = 0;
  for (;;) {
    const entries = await ctx.store.listOutbox();
    const heads = sendableHeads(entries);
    if (heads.length === 0) return total;
    ctx.progress({ phase: 'push', done: total, total: total + entries.filter((e) => e.status === 'pending').length });
    const creates = heads.filter((e): e is StoredEntry & { intent: CreateIntent } => e.intent.kind === 'create');
    const updates = heads.filter((e): e is StoredEntry & { intent: UpdateIntent } => e.intent.kind === 'update');
    const assocs = heads.filter((e): e is StoredEntry & { intent: AssociationIntent } => e.intent.kind === 'associate' || e.intent.kind === 'dissociate');
    const resolved = (await pushCreates(ctx, creates)) + (await pushUpdates(ctx, updates)) + (await pushAssociations(ctx, assocs));
    total += resolved;
    // A round that settled nothing (e.g. a create whose answer had no record) would spin.
    if (resolved === 0) return total;
  }
}
