import Dexie from 'dexie';
import type { CsDatabase } from '../db';
import { wasDeletedOnPurpose } from '../db/repositories/crm-source';

/**
 * Vue's handler for an error a component, watcher or hook let through: logged as Vue logs it
 * without a handler, except a read of the local store after this page deleted it on purpose
 * (Disconnect, another CRM's data). The page reloads right after; until then a watcher that
 * reads the store (a health recompute, a summary card) finds it closed, which is no fault.
 */
export function appErrorHandler(db: CsDatabase): (err: unknown) => void {
  return (err) => {
    if (err instanceof Error && err.name === Dexie.errnames.DatabaseClosed && wasDeletedOnPurpose(db)) return;
    console.error(err);
  };
}
