import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsDatabase } from '../../../src-renderer/db';
import { deleteLocalStore } from '../../../src-renderer/db/repositories/crm-source';
import { appErrorHandler } from '../../../src-renderer/lib/app-errors';

/**
 * The app's handler for errors its components and watchers let through (lib/app-errors.ts):
 * a read of a local store the page deleted on purpose (Disconnect) is expected while the page
 * reloads; every other error, a closed store's included, is still logged.
 */
const open = () => new CsDatabase(`app-errors-${Math.random()}`, { indexedDB, IDBKeyRange });
const closedRead = async (db: CsDatabase): Promise<unknown> =>
  db
    .table('companies')
    .count()
    .then(
      () => null,
      (e: unknown) => e,
    );

afterEach(() => vi.restoreAllMocks());

describe('errors components and watchers let through', () => {
  it('a read of the store after Disconnect deleted it is not logged; other errors are', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = open();
    await db.open();
    const handle = appErrorHandler(db);
    await deleteLocalStore(db);
    const closed = await closedRead(db);
    expect((closed as Error).name).toBe('DatabaseClosedError');
    handle(closed);
    expect(log).not.toHaveBeenCalled();
    const other = new TypeError('boom');
    handle(other);
    expect(log).toHaveBeenCalledExactlyOnceWith(other);
  });

  it('a store closed by anything else than a deliberate delete is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = open();
    await db.open();
    db.close({ disableAutoOpen: true });
    const closed = await closedRead(db);
    expect((closed as Error).name).toBe('DatabaseClosedError');
    appErrorHandler(db)(closed);
    expect(log).toHaveBeenCalledExactlyOnceWith(closed);
    await db.delete();
  });
});
