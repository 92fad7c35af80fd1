import type { SyncContext } from './context';
import { setupAppSchema } from './app-schema';
import { PermanentSyncError } from './crm-calls';
import { TYPE_INFO, unavailableKey, type SyncedType } from './object-types';
import { sweepArchived } from './pull-archived';
import { backfillType, noteBootstrapProperties } from './pull-backfill';
import { bootstrapType } from './pull-bootstrap';
import { incrementalType } from './pull-incremental';
import { pullPortalInfo } from './pull-portal';
import { pullReference } from './pull-reference';
import { pushOutbox } from './push';
import type { TypeRefusal } from './status';
import { DAY_MS, reconcileDue } from './reconcile';

export interface RunReport {
  skipped?: 'offline';
  pushed: number;
  pulled: number;
  /** Types pulled (and swept, when due) in full this pass. */
  synced?: SyncedType[];
  /** Types the CRM refused to serve (e.g. a missing scope), with its message; the others synced. */
  refused?: TypeRefusal[];
}

export interface PassOptions {
  types: readonly SyncedType[];
  now: () => number;
  referenceEveryMs?: number | undefined;
  sweepEveryMs?: number | undefined;
}

/**
 * One sync pass: reference data when due, push, pull per type, the archived sweep when due,
 * and push again for edits made meanwhile. "Due" uses the client clock, which only decides
 * when to do work, never what is correct (a clock that went backwards makes it due).
 */
export async function syncPass(ctx: SyncContext, o: PassOptions): Promise<RunReport> {
  const due = async (key: string, everyMs: number) => {
    const last = await ctx.store.getMeta<number>(key);
    return last === undefined || o.now() - last >= everyMs || o.now() < last;
  };
  const report: RunReport = { pushed: 0, pulled: 0 };
  if (await due('reference:lastAt', o.referenceEveryMs ?? 6 * 3_600_000)) {
    // First: a property or object it creates is then among the definitions pulled.
    await setupAppSchema(ctx);
    await pullReference(ctx);
    await pullPortalInfo(ctx);
    await ctx.store.setMeta('reference:lastAt', o.now());
  }
  report.pushed += await pushOutbox(ctx);
  const refused: TypeRefusal[] = [];
  const unavailable = new Set<SyncedType>();
  const failed = new Set<SyncedType>();
  for (const type of o.types) {
    const cursor = await ctx.store.getCursor(type);
    try {
      if (cursor?.mode === 'incremental') {
        // Newly used properties first: the incremental pull then keeps them fresh.
        await backfillType(ctx, type);
        report.pulled += await incrementalType(ctx, type, cursor);
      } else {
        if (!cursor) await noteBootstrapProperties(ctx, type);
        report.pulled += await bootstrapType(ctx, type, cursor);
      }
      if (TYPE_INFO[type].optional) await noteAvailability(ctx, type, null);
    } catch (err) {
      // One type the CRM refuses (a missing scope) must not stop the others from syncing.
      if (!(err instanceof PermanentSyncError)) throw err;
      if (TYPE_INFO[type].optional) {
        unavailable.add(type);
        await noteAvailability(ctx, type, err.message);
      } else {
        failed.add(type);
        refused.push({ objectType: type, message: err.message });
      }
    }
  }
  if (await due('archived:lastAt', o.sweepEveryMs ?? DAY_MS)) {
    for (const type of o.types) {
      if (unavailable.has(type) || failed.has(type)) continue;
      try {
        await sweepArchived(ctx, type);
      } catch (err) {
        if (!(err instanceof PermanentSyncError)) throw err;
        failed.add(type);
        refused.push({ objectType: type, message: err.message });
      }
    }
    await ctx.store.setMeta('archived:lastAt', o.now());
  }
  await reconcileDue(ctx, o.types.filter((t) => !unavailable.has(t) && !failed.has(t)), o.sweepEveryMs ?? DAY_MS, o.now);
  report.pushed += await pushOutbox(ctx);
  report.synced = o.types.filter((t) => !unavailable.has(t) && !failed.has(t));
  if (refused.length) report.refused = refused;
  return report;
}

/** An optional type's state for the UI (meta `unavailable:<type>`), written only when it changes. */
async function noteAvailability(ctx: SyncContext, type: SyncedType, refusal: string | null): Promise<void> {
  const key = unavailableKey(type);
  const stored = (await ctx.store.getMeta<{ message: string } | null>(key)) ?? null;
  if ((stored?.message ?? null) === refusal) return;
  await ctx.store.setMeta(key, refusal === null ? null : { message: refusal, at: ctx.now() });
}
