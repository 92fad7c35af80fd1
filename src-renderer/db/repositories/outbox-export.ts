import { z } from 'zod';
import { intentRecordKey, type OutboxEntry } from '../../../shared/sync';
import type { CsDatabase } from '../database';
import { getMeta, META } from '../meta';
import { recomputeOverlay } from '../overlay-tx';
import type { ConflictRow } from '../rows';

type ExportedEntry = Pick<OutboxEntry, 'intent' | 'status' | 'attempts' | 'createdAt' | 'lastError' | 'sentAfterMs' | 'redirectedFrom'>;

/**
 * The file format of saved local edits; versioned so an older export stays importable.
 * Version 1 held the outbox; version 2 adds the unresolved conflicts (their "mine" is an edit
 * not in the CRM either) and which CRM the edits were made against.
 */
export interface OutboxExport {
  format: 'cs-workspace-outbox';
  version: 1 | 2;
  exportedAt: number;
  /** The CRM the edits belong to (`meta` crmSource); null when not recorded. */
  source?: { kind: 'demo' | 'hubspot'; baseUrl: string | null; portalId?: number | null } | null;
  entries: ExportedEntry[];
  conflicts?: ConflictRow[];
}

const Props = z.record(z.string(), z.string().nullable());
const Label = z.string().max(64);
const IntentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('update'), label: Label, objectType: z.string(), recordId: z.string(), base: Props, desired: Props }),
  z.object({ kind: z.literal('create'), label: Label, objectType: z.string(), recordId: z.string(), clientId: z.string(), properties: Props }),
  z.object({ kind: z.enum(['associate', 'dissociate']), label: Label, fromType: z.string(), fromId: z.string(), toType: z.string(), toId: z.string() }),
]);
const EntryError = z.object({ status: z.number().optional(), code: z.string().optional(), message: z.string(), at: z.number() });

/** What an export file must look like before anything of it is written to the database. */
export const OutboxExportFile = z.object({
  format: z.literal('cs-workspace-outbox'),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.number(),
  source: z
    .object({ kind: z.enum(['demo', 'hubspot']), baseUrl: z.string().nullable(), portalId: z.number().int().positive().nullable().optional() })
    .nullable()
    .optional(),
  entries: z.array(
    z.object({
      intent: IntentSchema,
      status: z.enum(['pending', 'attention']),
      attempts: z.number().int().nonnegative(),
      createdAt: z.number(),
      lastError: EntryError.optional(),
      sentAfterMs: z.number().optional(),
      redirectedFrom: z.object({ id: z.string(), reason: z.literal('merged') }).optional(),
    }),
  ),
  conflicts: z
    .array(
      z.object({
        key: z.string(),
        detectedAt: z.number(),
        objectType: z.string(),
        recordId: z.string(),
        property: z.string(),
        base: z.string().nullable(),
        theirs: z.string().nullable(),
        mine: z.string().nullable(),
        theirsAt: z.string().optional(),
        theirsBy: z.string().optional(),
      }),
    )
    .optional(),
});

/**
 * Before any reset of the local database the outbox is written out (docs/sync-guarantees.md
 * G2): intents, their order, and how far each got (attempts and send marks keep creates and
 * updates idempotent across the reset), and the unresolved conflicts.
 */
export async function exportOutbox(db: CsDatabase, now: () => number = () => Date.now()): Promise<OutboxExport> {
  const rows = await db.outbox.orderBy('seq').toArray();
  const conflicts = await db.conflicts.toArray();
  const source = await getMeta(db, META.crmSource);
  return {
    format: 'cs-workspace-outbox',
    version: 2,
    exportedAt: now(),
    source: source ?? null,
    entries: rows.map(({ seq: _seq, recordKey: _key, ...rest }) => rest),
    conflicts,
  };
}

/** Parses an export file's text; throws a plain message when it is not one. */
export function parseOutboxExport(text: string): OutboxExport {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The file is not a saved-edits file (it is not JSON).');
  }
  const parsed = OutboxExportFile.safeParse(json);
  if (!parsed.success) throw new Error('The file is not a saved-edits file this version can read.');
  return parsed.data as OutboxExport;
}

/**
 * Re-import after a reset: same order, one transaction, overlay rebuilt. An entry (or a
 * conflict) already in the database is not added twice, so importing a file again is
 * harmless. Returns how many edits were added (outbox entries and conflicts).
 */
export async function importOutbox(db: CsDatabase, data: OutboxExport): Promise<number> {
  if (data.format !== 'cs-workspace-outbox' || (data.version !== 1 && data.version !== 2)) throw new Error('Not an outbox export this version can read.');
  const identity = (e: Pick<OutboxEntry, 'intent' | 'createdAt'>) => `${e.createdAt}|${JSON.stringify(e.intent)}`;
  return db.transaction('rw', [db.outbox, db.overlay, db.conflicts], async () => {
    const present = new Set((await db.outbox.toArray()).map(identity));
    const keys: string[] = [];
    let added = 0;
    for (const e of data.entries) {
      if (present.has(identity(e))) continue;
      const recordKey = intentRecordKey(e.intent);
      await db.outbox.add({ ...e, recordKey });
      keys.push(recordKey);
      added++;
    }
    for (const c of data.conflicts ?? []) {
      if (await db.conflicts.get(c.key)) continue;
      await db.conflicts.add(c);
      added++;
    }
    await recomputeOverlay(db, keys);
    return added;
  });
}
