/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol';
import { startWorkerRuntime, type LockManagerLike } from './worker-runtime';

/**
 * The sync worker: the coordinator and the Dexie store run here, off the UI thread, so a
 * large pull never blocks rendering. Created by sync-client.ts as a module worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const locks = (scope.navigator as { locks?: LockManagerLike }).locks;

startWorkerRuntime(
  {
    post: (message: FromWorker) => scope.postMessage(message),
    onMessage: (listener) => scope.addEventListener('message', (ev: MessageEvent<ToWorker>) => listener(ev.data)),
  },
  locks ? { locks } : {},
);
