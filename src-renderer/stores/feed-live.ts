import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';
import { decodeSnapshot } from '../../shared/feed';
import type { CsDatabase } from '../db';
import { EMPTY_FEED, type FeedData } from '../db/queries/feed';
import type { FromFeedWorker } from '../feed/protocol';
import { feedEngines, type FeedEngineHandle } from './feed-engine';

/** What the feed is derived for now: null while it is not derived. */
export interface LiveFeedSubject {
  ownerId: string;
  since: number;
  /** Keep the result for the next cold open (the first window). */
  keep: boolean;
}

/**
 * The feed store's live feed: derived by the feed engine (`./feed-engine`: a Web Worker in the
 * app, src-renderer/feed/engine.ts) for `subject`, again after every committed write to the
 * feed's tables, as a shallow ref. The engine starts the first time there is a subject. When
 * the subject changes the value is kept until the new answer replaces it (an answer for an
 * older subject is dropped); with no subject it is EMPTY_FEED. Errors are kept, not swallowed.
 */
export function useLiveFeed(
  db: CsDatabase,
  subject: () => LiveFeedSubject | null,
  deps: WatchSource[],
): { value: ShallowRef<FeedData>; error: Ref<unknown>; loading: Ref<boolean>; keepOnce(ownerId: string, since: number): void } {
  const factory = feedEngines.use();
  const value = shallowRef<FeedData>(EMPTY_FEED);
  const error = shallowRef<unknown>(null);
  const loading = shallowRef(true);
  let engine: FeedEngineHandle | null = null;
  let requestId = 0;

  function onEvent(e: FromFeedWorker): void {
    if (e.requestId !== requestId) return;
    loading.value = false;
    if (e.type === 'error') {
      error.value = new Error(e.message);
      return;
    }
    const data = decodeSnapshot(e.feed, e.feed.ownerId, e.feed.since);
    value.value = data ? { ...data, since: e.feed.since } : EMPTY_FEED;
    error.value = null;
  }

  function request(): void {
    const s = subject();
    requestId++;
    if (!s) {
      engine?.post({ type: 'derive', requestId, ownerId: null, since: 0, keep: false });
      value.value = EMPTY_FEED;
      error.value = null;
      loading.value = false;
      return;
    }
    loading.value = true;
    started().post({ type: 'derive', requestId, ...s });
  }
  const started = () =>
    (engine ??= factory(db, onEvent, (err) => {
      error.value = err;
      loading.value = false;
    }));

  watch(deps, request, { immediate: true });
  if (getCurrentScope()) onScopeDispose(() => engine?.stop());
  return { value, error, loading, keepOnce: (ownerId, since) => started().post({ type: 'keepOnce', ownerId, since }) };
}
