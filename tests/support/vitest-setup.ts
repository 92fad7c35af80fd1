import Dexie from 'dexie';
import * as fake from 'fake-indexeddb';
import { afterAll, vi } from 'vitest';

/**
 * Runs before each test file. Test files share one module graph per worker (`isolate: false`
 * in vitest.config.ts), so what a file changes in the globals outlives it unless this puts it back:
 * - fake-indexeddb's globals, which a DOM environment's teardown removes and a cached
 *   `fake-indexeddb/auto` import would not install again;
 * - Dexie's view of them, which Dexie takes once, when it is first imported;
 * - the clock and stubbed globals a file left behind.
 */
for (const [name, value] of Object.entries(fake)) {
  // As `fake-indexeddb/auto` installs them: writable, so a test may still put its own in place.
  if (name !== 'forceCloseDatabase') Object.defineProperty(globalThis, name, { value, enumerable: false, configurable: true, writable: true });
}
Dexie.dependencies.indexedDB = fake.indexedDB;
Dexie.dependencies.IDBKeyRange = fake.IDBKeyRange;

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
