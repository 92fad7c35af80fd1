import type { Table } from 'dexie';
import { z } from 'zod';
import { CHANGE_KINDS } from '../../shared/away';
import { TRIP_PARTS } from '../../shared/trip';
import { CrmUserIdentity } from '../../shared/contract/schemas';
import { canonicalZone } from '../../shared/time';
import type { CsDatabase } from './database';
import type { MetaRow } from './rows';

/**
 * Every local setting in Dexie's `meta` table, in one registry: each key, or key prefix (a
 * family of keys such as one per user), with the zod schema of its value. All reads and
 * writes of `meta` go through the functions below; a stored value that fails its schema
 * reads as absent (as if never written), so a store never sees a shape it did not expect.
 * The key strings are the ones stored since the first version (no migration).
 *
 * Where a value is parsed further by its owner (views, reports, health drafts, the
 * notification record), the schema is `unknown` and that parser is the check.
 */

/** One key and the schema of its value. */
export interface MetaEntry<T> {
  readonly key: string;
  readonly schema: z.ZodType<T>;
}

/** A family of keys sharing a prefix and a schema; `family(rest)` is the entry of one key. */
export type MetaFamily<T> = ((rest: string) => MetaEntry<T>) & { readonly prefix: string; readonly schema: z.ZodType<T> };

const key = <T>(k: string, schema: z.ZodType<T>): MetaEntry<T> => ({ key: k, schema });
const family = <T>(prefix: string, schema: z.ZodType<T>): MetaFamily<T> =>
  Object.assign((rest: string) => ({ key: prefix + rest, schema }), { prefix, schema });

const WorkspaceSettingsSchema = z.object({ accountObject: z.string(), csmProperty: z.string(), renewalProperty: z.string().nullable() }).partial();
const CrmSourceSchema = z.object({
  kind: z.enum(['demo', 'hubspot']),
  baseUrl: z.string().nullable().catch(null),
  // Absent in stores written before the portal was recorded (crm-source.ts adopts them).
  portalId: z.number().int().positive().nullable().optional().catch(null),
});
const PlaybooksSchema = z.array(
  z.object({ id: z.string(), title: z.string(), steps: z.array(z.string()), lastUsedAt: z.number().nullable(), seedKey: z.string().optional() }),
);
const ChangeEntrySchema = z.object({
  kind: z.enum(CHANGE_KINDS),
  objectType: z.string(),
  recordId: z.string(),
  at: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
const HealthMarksSchema = z.record(z.string(), z.object({ status: z.string(), met: z.array(z.string()) }));
const AwayMarksSchema = z.object({
  lastSyncEnd: z.number().nullable(),
  longestOfflineMs: z.number(),
  offlineSince: z.number().nullable(),
  /** The newest change entry's key when the last sync completed: the next digest starts after it. */
  lastChangeKey: z.string(),
  /** My accounts' health when the last sync completed. */
  health: HealthMarksSchema,
});
const AwayDigestSchema = z.object({
  /** When the sync that followed the gap completed, the previous one's end, and why it was a gap. */
  at: z.number(),
  since: z.number(),
  reason: z.enum(['time', 'offline']),
  /** The change entries it covers: keys after `fromKey`, up to `toKey`. */
  fromKey: z.string(),
  toKey: z.string(),
  health: HealthMarksSchema,
  dismissed: z.boolean(),
});
const TripReadinessSchema = z.object({
  at: z.number(),
  days: z.number().int(),
  from: z.number(),
  to: z.number(),
  refreshed: z.boolean(),
  lastSyncedAt: z.number().nullable(),
  sizeBytes: z.number().nullable(),
  parts: z.array(z.object({ part: z.enum(TRIP_PARTS), trip: z.number(), local: z.number() })),
  meetings: z.array(z.object({ id: z.string(), title: z.string(), start: z.number() })),
  allPropertiesSaved: z.number(),
  problems: z.array(z.object({ kind: z.enum(['offline', 'refused', 'rateLimited', 'failed']), subject: z.string(), message: z.string().optional() })),
  notOffline: z.array(z.string()),
  healthScored: z.boolean().optional(),
});
const RedirectedSchema = z.array(
  z.object({ seq: z.number(), label: z.string(), objectType: z.string(), loserId: z.string(), survivorId: z.string(), at: z.number() }),
);
/** An IANA zone name this runtime knows. */
const ZoneNameSchema = z
  .string()
  .min(1)
  .max(100)
  .refine((zone) => canonicalZone(zone) !== null);
const TimeZonesSchema = z.object({
  home: ZoneNameSchema,
  /** "Show home time too": null follows the default (on while away from home). */
  showHomeTime: z.boolean().nullable(),
});

export const META = {
  // ---- the workspace
  /** Who uses the workspace (`crm:whoami`), for an offline start. */
  identity: key('identity', CrmUserIdentity),
  /** Which object is an account, its CSM and renewal properties (missing fields take the defaults). */
  workspaceSettings: key('workspaceSettings', WorkspaceSettingsSchema),
  /** Which CRM filled this local store. */
  crmSource: key('crmSource', CrmSourceSchema),
  /** Custom object schemas cached for the setup dialog offline. */
  setupSchemas: key('setup:schemas', z.array(z.unknown())),

  /** The home time zone and whether home time is shown beside local time (stores/time-zones.ts). */
  timeZones: key('timeZones', TimeZonesSchema),
  /** The zone change last stated ("You are in …; home is …"), so it is stated once; null at home. */
  timeZonesStated: key('timeZones:stated', z.object({ current: z.string(), home: z.string() }).nullable()),

  // ---- tabs
  playbooks: key('playbooks', PlaybooksSchema),
  /** Required properties per stage kept on this computer: stage key → property names. */
  stageRules: key('pipelines.stageRules', z.record(z.string(), z.array(z.string()))),
  /** The task-notification scheduler's record (parsed by shared/notify `parseRecord`). */
  announced: key('notify:announced', z.unknown()),
  /** Team views saved by an earlier build on this computer (now shared documents). */
  legacyTeamViews: key('views:everyone', z.unknown()),
  /** A user's private views: `views:<userId>` (parsed by the views store). */
  privateViews: family('views:', z.unknown()),
  /** The view being edited per screen, for the sync's used-properties: `views:working:<scope>`. */
  workingView: family('views:working:', z.unknown()),
  /** A user's saved reports: `reports:<userId>` (parsed by the reports store). */
  reports: family('reports:', z.unknown()),
  /** Records a user follows in the preview: `follows:<userId>`, record keys. */
  follows: family('follows:', z.array(z.string())),
  feedDismissed: family('feed:dismissed:', z.array(z.string())),
  feedLastOpened: family('feed:lastOpened:', z.number()),
  /** The last feed derived for an owner, shown while the next derivation runs: `feed:snapshot:<ownerId>` (parsed by shared/feed `decodeSnapshot`). */
  feedSnapshot: family('feed:snapshot:', z.unknown()),
  /** When each account's CSM was set: `summary:setAt:<objectType>:<property>`. */
  summarySetAt: family('summary:setAt:', z.record(z.string(), z.object({ updatedAt: z.string(), setAt: z.number().nullable() }))),

  // ---- health
  /** The score list saved by an earlier build on this computer only (now a shared document). */
  legacyHealthScores: key('health:scores', z.unknown()),
  /** A user's unsaved score edits (checked by the health store). */
  healthDraft: family('health:draft:', z.unknown()),
  /** A day's scores: account id → [score, status, score id]. */
  healthSnapshot: family('health:snapshots:', z.record(z.string(), z.tuple([z.number(), z.string(), z.string()]))),

  // ---- since you were away (shared/away)
  /** What sync pages changed: `away:change:<time>:<type>:<id>:<kind>` (written by applyPage, pruned there). */
  awayChange: family('away:change:', ChangeEntrySchema),
  /** The page's record of the last completed sync (stores/since-away.ts). */
  awayMarks: key('away:marks', AwayMarksSchema),
  /** The latest "Since you were away" digest. */
  awayDigest: key('away:digest', AwayDigestSchema),

  // ---- prepare for a trip (shared/trip, stores/trip.ts)
  /** The last readiness card, shown after a restart and offline. */
  tripReadiness: key('trip:readiness', TripReadinessSchema),
  /** A trip account's every property, read for "All properties" offline: `trip:allProperties:<type>:<id>`. */
  tripAllProperties: family('trip:allProperties:', z.object({ at: z.number(), values: z.record(z.string(), z.string().nullable()) })),

  // ---- edits and shared documents
  /** Edits whose record was merged into another. */
  redirected: key('outbox:redirected', RedirectedSchema),
  /** A shared document's local value while the CRM has no documents object: JSON text. */
  localSharedDoc: family('shared-doc:', z.string()),

  // ---- the sync engine (shared/sync names the keys)
  referenceLastAt: key('reference:lastAt', z.number()),
  portalInfo: key('portal:info', z.object({ portalId: z.number().optional(), timeZone: z.string().optional() })),
  unavailable: family('unavailable:', z.object({ message: z.string(), at: z.number().optional() }).nullable()),
  syncedProperties: family('syncedProperties:', z.array(z.string())),
  clientIdProperty: family('clientIdProperty:', z.enum(['unique', 'plain', 'absent'])),
  archivedLastAt: family('archived:lastAt:', z.number()),
  reconcile: family('reconcile:', z.object({ lastAt: z.number(), jitter: z.number(), removed: z.number() })),
} as const;

export type AwayMarksValue = z.infer<typeof AwayMarksSchema>;
export type AwayDigestValue = z.infer<typeof AwayDigestSchema>;
export type TripReadinessValue = z.infer<typeof TripReadinessSchema>;

/** The `meta` table of a database, or the table itself (as a transaction's callback holds it). */
export type MetaSource = CsDatabase | Table<MetaRow, string>;

const tableOf = (src: MetaSource): Table<MetaRow, string> => ('meta' in src ? src.meta : src);

function parsed<T>(schema: z.ZodType<T>, row: MetaRow | undefined): T | undefined {
  if (!row) return undefined;
  const res = schema.safeParse(row.value);
  return res.success ? res.data : undefined;
}

/** The stored value, or undefined when absent or not of the entry's shape. */
export async function getMeta<T>(src: MetaSource, entry: MetaEntry<T>): Promise<T | undefined> {
  return parsed(entry.schema, await tableOf(src).get(entry.key));
}

/** Several keys at once, in order. */
export async function getMetaMany<T>(src: MetaSource, entries: readonly MetaEntry<T>[]): Promise<Array<T | undefined>> {
  const rows = await tableOf(src).bulkGet(entries.map((e) => e.key));
  return rows.map((row, i) => parsed(entries[i]!.schema, row));
}

/** Writes a value; one that does not fit the entry's schema is refused (it would read back as absent). */
export async function putMeta<T>(src: MetaSource, entry: MetaEntry<T>, value: T): Promise<void> {
  const res = entry.schema.safeParse(value);
  if (!res.success) throw new Error(`meta ${entry.key}: ${res.error.message}`);
  await tableOf(src).put({ key: entry.key, value });
}

export async function deleteMeta(src: MetaSource, entry: MetaEntry<unknown>): Promise<void> {
  await tableOf(src).delete(entry.key);
}

/** Deletes the keys of a family whose rest sorts before `rest` (e.g. dated keys older than a day). */
export async function deleteMetaFamilyBefore(src: MetaSource, fam: MetaFamily<unknown>, rest: string): Promise<number> {
  return tableOf(src)
    .where('key')
    .between(fam.prefix, fam.prefix + rest, true, false)
    .delete();
}

/** The keys of a family starting with `family.prefix + rest`, with their values (those that fit). */
export async function getMetaFamily<T>(src: MetaSource, fam: MetaFamily<T>, rest = ''): Promise<Array<{ key: string; value: T }>> {
  return (await getMetaStartingWith(src, fam.prefix + rest)) as Array<{ key: string; value: T }>;
}

/**
 * Every registered key starting with `prefix` (exact keys included), each value checked by
 * its own entry (a longer family may share the prefix: `views:` and `views:working:`).
 * Rows of keys no longer registered are skipped.
 */
export async function getMetaStartingWith(src: MetaSource, prefix: string): Promise<Array<{ key: string; value: unknown }>> {
  const rows = await tableOf(src).where('key').startsWith(prefix).toArray();
  return rows.flatMap((row) => {
    const res = findEntry(row.key)?.schema.safeParse(row.value);
    return res?.success ? [{ key: row.key, value: res.data }] : [];
  });
}

const EXACT = new Map<string, MetaEntry<unknown>>();
const FAMILIES: Array<MetaFamily<unknown>> = [];
for (const e of Object.values(META) as Array<MetaEntry<unknown> | MetaFamily<unknown>>) {
  if (typeof e === 'function') FAMILIES.push(e);
  else EXACT.set(e.key, e);
}
FAMILIES.sort((a, b) => b.prefix.length - a.prefix.length);

/** The registry's entry for a key named at run time (the sync engine's keys): exact key, else the longest prefix. */
export function entryFor(k: string): MetaEntry<unknown> {
  const entry = findEntry(k);
  if (!entry) throw new Error(`meta key "${k}" is not registered in db/meta.ts`);
  return entry;
}

function findEntry(k: string): MetaEntry<unknown> | undefined {
  const exact = EXACT.get(k);
  if (exact) return exact;
  const fam = FAMILIES.find((f) => k.startsWith(f.prefix));
  return fam?.(k.slice(fam.prefix.length));
}
