import { feedEngine, type ToFeedWorker } from '../feed/protocol';
import { engineBinding, type EngineHandle } from '../lib/worker-engine';

/**
 * Where the Feed is derived (lib/worker-engine.ts): the app provides `feedEngines.worker`
 * (src-renderer/main.ts), the engine in the feed Web Worker (feed/feed.worker.ts, which opens
 * the same database), so a big book's tens of thousands of reads never hold up the UI; without
 * it (Node tests) the same engine runs in the page.
 */
export type FeedEngineHandle = EngineHandle<ToFeedWorker>;

export const feedEngines = engineBinding('feed', () => new Worker(new URL('../feed/feed.worker.ts', import.meta.url), { type: 'module' }), feedEngine);
