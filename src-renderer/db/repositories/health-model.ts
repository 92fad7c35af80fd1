import type { HealthScore } from '../../../shared/health';
import type { CsDatabase } from '../database';
import { deleteMeta, getMeta, META } from '../meta';
import { readSharedDoc, sharedDocTables, writeSharedDoc } from './shared-docs';

const SCORES_KEY = 'health:scores';

// ---- where the score model is kept: these functions and nothing else --------------------
// A shared workspace document (ARCHITECTURE.md "Shared workspace documents"): one record of the
// CRM's cs_workspace_docs object, so every client of the CRM account computes the same scores.
// Written through the outbox (offline too); a colleague's concurrent change is a conflict.

/** The stored score list (order = precedence), unparsed; `undefined` when none was saved. */
export async function loadScoreModel(db: CsDatabase): Promise<unknown> {
  const doc = await readSharedDoc(db, SCORES_KEY);
  if (doc) {
    try {
      return JSON.parse(doc.json) as unknown;
    } catch {
      return undefined;
    }
  }
  // Saved by an earlier build on this computer only; moves to the CRM on the next save.
  return getMeta(db, META.legacyHealthScores);
}

/** Replaces the stored score list; the scores must be plain, validated objects. */
export async function storeScoreModel(db: CsDatabase, scores: readonly HealthScore[]): Promise<void> {
  const res = await writeSharedDoc(db, SCORES_KEY, scores);
  if (!res.ok) throw new Error(res.error.message);
  await deleteMeta(db, META.legacyHealthScores);
}

/** The tables `storeScoreModel` writes, for the caller's transaction. */
export const scoreModelTables = (db: CsDatabase) => sharedDocTables(db);
