import type { SyncContext } from './context';
import { PermanentSyncError } from './crm-calls';
import type { SyncedType } from './object-types';
import { sweepArchived } from './pull-archived';
import { bootstrapType } from './pull-bootstrap';
import { incrementalType } from './pull-incremental';
import { pullReference } from './pull-reference';
import { pushOutbox } from './push';

export interface RunReport {
  skipped?: 'offline';
  pushed: number;
  pulled: number;
  /** Types the CRM refused to serve (e.g. a missing scope); the others synced. */
  refused?: string[];
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
    await pullReference(ctx);
    await ctx.store.setMeta('reference:lastAt', o.now());
  }
  report.pushed += await pushOutbox(ctx);
  const refused: string[] = [];
  for (const type of o.types) {
    const cursor = await ctx.store.getCursor(type);
    try {
      report.pulled += cursor?.mode === 'incremental' ? await incrementalType(ctx, type, cursor) : await bootstrapType(ctx, type, cursor);
    } catch (err) {
      // One type the CRM refuses (a missing scope) must not stop the others from syncing.
      if (!(err instanceof PermanentSyncError)) throw err;
      refused.push(`${type}: ${err.message}`);
    }
  }
  if (await due('archived:lastAt', o.sweepEveryMs ?? 3_600_000)) {
    for (const type of o.types) await sweepArchived(ctx, type);
    await ctx.store.setMeta('archived:lastAt', o.now());
  }
  report.pushed += await pushOutbox(ctx);
  if (refused.length) report.refused = refused;
  return report;
}
