import type { EngineDef } from '../lib/worker-engine';
import { createFeedEngine, type FeedEngine, type FeedEngineEvent, type FeedRequest } from './engine';

/** Messages between the feed store (UI thread) and the feed engine (its worker, or the page). */
export type ToFeedWorker = ({ type: 'derive' } & FeedRequest) | { type: 'keepOnce'; ownerId: string; since: number };

export type FromFeedWorker = FeedEngineEvent;

/** How the feed engine answers the protocol, in its worker (feed.worker.ts) or in the page. */
export const feedEngine: EngineDef<ToFeedWorker, FromFeedWorker, FeedEngine> = {
  create: createFeedEngine,
  receive: (engine, m) =>
    m.type === 'keepOnce' ? engine.keepOnce(m.ownerId, m.since) : engine.derive({ requestId: m.requestId, ownerId: m.ownerId, since: m.since, keep: m.keep }),
};
