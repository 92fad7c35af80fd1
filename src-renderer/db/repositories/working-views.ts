import type { CsDatabase } from '../database';
import { META, putMeta } from '../meta';

/**
 * A view being edited but not saved (e.g. Portfolio's working copy after "Edit columns"):
 * kept under a `views:` key so its properties count as used and are synced at once.
 */
export async function noteWorkingView(db: CsDatabase, scope: string, view: unknown): Promise<void> {
  await putMeta(db, META.workingView(scope), view);
}
