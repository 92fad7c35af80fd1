import { hubspot } from '../hubspot';
import type { SyncContext } from './context';
import { isTempId, type AssociationIntent } from './intents';
import type { StoredEntry } from './outbox';
import type { IntentOutcome } from './ports';
import { batchesByBytes, sendBisecting, type SendSpec } from './send-bisecting';

type AssocEntry = StoredEntry & { intent: AssociationIntent };

const BATCH_MAX = 100;

/**
 * Associations go through the v4 batch endpoints (§5). Both are idempotent by nature
 * (associating twice leaves one association; removing a missing one is a no-op), so a
 * resend after a crash needs no check.
 */
export async function pushAssociations(ctx: SyncContext, heads: readonly AssocEntry[]): Promise<number> {
  let resolved = 0;
  const orphans = heads.filter((e) => isTempId(e.intent.fromId) || isTempId(e.intent.toId));
  if (orphans.length) {
    await ctx.store.resolve(
      orphans.map((e): IntentOutcome => ({
        kind: 'attention',
        seq: e.seq,
        error: { message: 'One side of this association was never created in the CRM.', at: ctx.now() },
      })),
    );
    resolved += orphans.length;
  }
  const groups = new Map<string, AssocEntry[]>();
  for (const e of heads) {
    if (orphans.includes(e)) continue;
    const key = `${e.intent.kind}|${e.intent.fromType}|${e.intent.toType}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const entries of groups.values()) {
    const { kind, fromType, toType } = (entries[0] as AssocEntry).intent;
    const spec: SendSpec<AssocEntry> = {
      request: (items) => {
        const pairs = items.map((e) => ({ fromId: e.intent.fromId, toId: e.intent.toId }));
        return (kind === 'associate' ? hubspot.associations.associateDefault(fromType, toType, pairs) : hubspot.associations.archive(fromType, toType, pairs))
          .request;
      },
      idOf: (e) => e.intent.fromId,
      seqOf: (e) => e.seq,
      // Association answers are keyed by from/to pairs, not records; success is "no error".
      match: () => undefined,
      onSuccess: (e) => ({ kind: 'done', seq: e.seq }),
    };
    for (const group of batchesByBytes(entries, spec.request, BATCH_MAX)) resolved += await sendBisecting(ctx, group, spec);
  }
  return resolved;
}
