import type { SyncContext } from './context';
import { setupAppSchema } from './app-schema';
import { PermanentSyncError } from './crm-calls';
import { TYPE_INFO, unavailableKey, type SyncedType } from './object-types';
import { sweepArchived } from './pull-archived';
import { backfillType, syncedPropertiesKey } from './pull-backfill';
import { propertiesToFetch } from './pull-common';
import { bootstrapType } from './pull-bootstrap';
import { incrementalType } from './pull-incremental';
import { pullPortalInfo } from './pull-portal';
import { pullReference } from './pull-reference';
import { pushOutbox } from './push';
import { inBackground } from './rate-budget';
import type { TypeRefusal } from './status';
import { reconcileDue } from './reconcile';
import { DAY_MS } from '../views/zone';

export interface RunReport {
  skipped?: 'offline';
  pushed: number;
  pulled: number;
  /** Types pulled (and swept, when due) in full this pass. */
  synced?: SyncedType[];
  /** Types the CRM refused to serve (e.g. a missing scope), with its message; the others synced. */
  refused?: TypeRefusal[];
  /** Optional types this portal does not have (custom objects below Enterprise). */
  unavailable?: SyncedType[];
}

export interface PassOptions {
  /** The types this pass pulls (the coordinator's schedule may pick a few; the sweep and reconcile follow them). */
  types: readonly SyncedType[];
  now: () => number;
  referenceEveryMs?: number | undefined;
  sweepEveryMs?: number | undefined;
  /**
   * Whether the daily archived sweep and reconcile may run (when due; default yes), asked
   * when the pass reaches them. The coordinator says no while the portal's daily budget is
   * low: they are the largest reads of a day and can wait for tomorrow's budget; pulls and
   * edits go on.
   */
  maintenance?: () => boolean;
  /**
   * The pulls are background traffic (scheduled polls, the catch-up after a wake-up): the
   * gateway paces them below the client's full rate, so a team's polls never add up to a
   * burst in the portal's shared window. Pushes never are: an edit goes at once.
   */
  background?: boolean;
}

/** Meta key of a type's last archived sweep (client clock, scheduling only). */
export const sweepKey = (type: string): string => `archived:lastAt:${type}`;

/**
 * One sync pass: reference data when due, push, pull per type, the archived sweep when due,
 * and push again for edits made meanwhile. "Due" uses the client clock, which only decides
 * when to do work, never what is correct (a clock that went backwards makes it due). The
 * sweep and the reconcile are bulk background reads: the gateway paces them below the full
 * rate (`inBackground`), so one laptop's daily listing stays a small share of the team's
 * rate-limit window.
 */
export async function syncPass(ctx: SyncContext, o: PassOptions): Promise<RunReport> {
  const due = async (key: string, everyMs: number) => {
    const last = await ctx.store.getMeta<number>(key);
    return last === undefined || o.now() - last >= everyMs || o.now() < last;
  };
  const report: RunReport = { pushed: 0, pulled: 0 };
  const background: SyncContext = { ...ctx, crm: inBackground(ctx.crm) };
  const pulls = o.background ? background : ctx;
  if (await due('reference:lastAt', o.referenceEveryMs ?? 6 * 3_600_000)) {
    // First: a property or object it creates is then among the definitions pulled.
    await setupAppSchema(pulls);
    await pullReference(pulls);
    await pullPortalInfo(pulls);
    await ctx.store.setMeta('reference:lastAt', o.now());
  }
  report.pushed += await pushOutbox(ctx);
  const refused: TypeRefusal[] = [];
  const unavailable = new Set<SyncedType>();
  const failed = new Set<SyncedType>();
  for (const type of o.types) {
    const cursor = await ctx.store.getCursor(type);
    try {
      // Once per type and pass: it reads the workspace's configuration.
      const properties = await propertiesToFetch(ctx, type);
      if (cursor?.mode === 'incremental') {
        // Newly used properties first (the user waits for that column): then the incremental
        // pull, at the background rate, keeps them fresh.
        await backfillType(ctx, type, properties);
        report.pulled += await incrementalType(pulls, type, cursor, properties);
      } else {
        // A first load's rows carry the properties it starts with; a resumed load keeps the set
        // noted at its start, and a property added meanwhile is backfilled afterwards.
        if (!cursor) await ctx.store.setMeta(syncedPropertiesKey(type), properties);
        // A first load is what the user waits for: it goes at the full rate even in a retry.
        report.pulled += await bootstrapType(ctx, type, properties, cursor);
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
  if (o.maintenance?.() ?? true) {
    // Per type, so a pass that pulls only some types sweeps only those, each once a day.
    for (const type of o.types) {
      if (unavailable.has(type) || failed.has(type)) continue;
      if (!(await due(sweepKey(type), o.sweepEveryMs ?? DAY_MS))) continue;
      try {
        await sweepArchived(background, type);
      } catch (err) {
        if (!(err instanceof PermanentSyncError)) throw err;
        failed.add(type);
        refused.push({ objectType: type, message: err.message });
      }
      await ctx.store.setMeta(sweepKey(type), o.now());
    }
    await reconcileDue(
      background,
      o.types.filter((t) => !unavailable.has(t) && !failed.has(t)),
      o.sweepEveryMs ?? DAY_MS,
      o.now,
    );
  }
  report.pushed += await pushOutbox(ctx);
  report.synced = o.types.filter((t) => !unavailable.has(t) && !failed.has(t));
  if (refused.length) report.refused = refused;
  if (unavailable.size) report.unavailable = [...unavailable];
  return report;
}

/** An optional type's state for the UI (meta `unavailable:<type>`), written only when it changes. */
async function noteAvailability(ctx: SyncContext, type: SyncedType, refusal: string | null): Promise<void> {
  const key = unavailableKey(type);
  const stored = (await ctx.store.getMeta<{ message: string } | null>(key)) ?? null;
  if ((stored?.message ?? null) === refusal) return;
  await ctx.store.setMeta(key, refusal === null ? null : { message: refusal, at: ctx.now() });
}
