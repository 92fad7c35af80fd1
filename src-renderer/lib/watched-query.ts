import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';

/**
 * A query re-run on a coarse change signal, as a shallow ref: for a query too big for a Dexie
 * live query (which records every range it reads, and caches every result, to know when to
 * re-run). `watchChanges` subscribes to the signal (e.g. "a table it reads was written") and
 * returns its unsubscribe. A change while the query runs re-runs it once it answers (changes
 * in between coalesce); when `deps` change it runs again, and an answer of the previous deps is
 * dropped. The value is kept until the next answer replaces it. Errors are kept, not swallowed.
 */
export function useWatchedQuery<T>(
  query: () => Promise<T> | T,
  initial: T,
  watchChanges: (onChange: () => void) => () => void,
  deps?: WatchSource | WatchSource[],
): { value: ShallowRef<T>; error: Ref<unknown>; loading: Ref<boolean> } {
  const value = shallowRef(initial) as ShallowRef<T>;
  const error = shallowRef<unknown>(null);
  const loading = shallowRef(true);
  let generation = 0;
  let running = false;
  let dirty = false;
  let disposed = false;

  async function run(): Promise<void> {
    if (disposed) return;
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    dirty = false;
    const mine = generation;
    try {
      const v = await query();
      if (mine === generation) {
        value.value = v;
        error.value = null;
        loading.value = false;
      }
    } catch (e: unknown) {
      if (mine === generation) {
        error.value = e;
        loading.value = false;
      }
    } finally {
      running = false;
      if (dirty || mine !== generation) void run();
    }
  }

  function restart() {
    generation++;
    loading.value = true;
    void run();
  }

  const stop = watchChanges(() => void run());
  restart();
  if (deps) watch(deps, restart);
  if (getCurrentScope())
    onScopeDispose(() => {
      disposed = true;
      stop();
    });
  return { value, error, loading };
}
