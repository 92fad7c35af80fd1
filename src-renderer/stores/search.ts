import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import { searchHitRoute, type SearchGroup, type SearchHit } from '../../shared/search';
import { linkedRecords } from '../db/queries/search';
import { useDb } from '../lib/db-key';
import type { FromSearchWorker } from '../search/protocol';
import { searchEngines, type SearchEngineHandle } from './search-engine';

/**
 * Search everything offline: the Ctrl/Cmd+K box's results. The index lives in the search
 * engine (`./search-engine`: a Web Worker in the app), started the first time the box opens
 * and kept fresh from then on by Dexie's change events (src-renderer/search/engine.ts). Only
 * the answer to the latest query is shown; a query typed while the first index builds is asked
 * again once it is ready.
 */
export const useSearchStore = defineStore('search', () => {
  const db = useDb();
  const factory = searchEngines.use();
  let engine: SearchEngineHandle | null = null;
  let seq = 0;
  let lastText = '';

  const query = ref('');
  const groups = shallowRef<SearchGroup[]>([]);
  /** The text `groups` answer (an older answer is not shown for newer text). */
  const answered = ref<string | null>(null);
  /** `idle` before the first open; `building` while the index is first built. */
  const state = ref<'idle' | 'building' | 'ready'>('idle');
  const indexed = ref(0);
  const error = ref<string | null>(null);

  function onEvent(e: FromSearchWorker): void {
    if (e.type === 'error') error.value = e.message;
    else if (e.type === 'state') {
      const wasBuilding = state.value === 'building';
      state.value = e.state;
      indexed.value = e.count;
      error.value = null;
      if (wasBuilding && e.state === 'ready' && lastText) ask(lastText);
    } else if (e.requestId === seq) {
      groups.value = markRaw(e.groups);
      answered.value = e.query;
    }
  }

  /** Starts the index (once); the palette calls it when it opens. */
  function start(): void {
    if (engine) return;
    state.value = 'building';
    engine = factory(db, onEvent, (err) => (error.value = err.message));
  }

  function ask(text: string): void {
    lastText = text;
    query.value = text;
    start();
    engine?.post({ type: 'query', requestId: ++seq, text });
  }

  /** Where a hit opens (shared/search/route.ts); an engagement opens the record it is logged on. */
  async function routeOf(hit: SearchHit): Promise<string | null> {
    const linked =
      hit.type === 'tasks' || hit.type === 'companies' || hit.type === 'contacts' || hit.type === 'deals' || hit.type === 'tickets'
        ? []
        : await linkedRecords(db, hit.type, hit.recordId);
    return searchHitRoute(hit.type, hit.recordId, linked);
  }

  function stop(): void {
    engine?.stop();
    engine = null;
    state.value = 'idle';
  }

  return { query, groups, answered, state, indexed, error, start, search: ask, routeOf, stop };
});
