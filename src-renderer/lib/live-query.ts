import { liveQuery, type Subscription } from 'dexie';
import { getCurrentScope, onScopeDispose, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue';

/**
 * A Dexie liveQuery as a shallow ref: the value is replaced whenever the tables the query
 * read change (a sync page, a local edit), and never made deeply reactive — result sets can
 * be large. When `deps` change, the query is re-subscribed. Errors are kept, not swallowed.
 */
export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  initial: T,
  deps?: WatchSource | WatchSource[],
): { value: ShallowRef<T>; error: Ref<unknown>; loading: Ref<boolean> } {
  const value = shallowRef(initial) as ShallowRef<T>;
  const error = shallowRef<unknown>(null);
  const loading = shallowRef(true);
  let sub: Subscription | null = null;

  function subscribe() {
    sub?.unsubscribe();
    loading.value = true;
    sub = liveQuery(query).subscribe({
      next: (v) => {
        value.value = v;
        error.value = null;
        loading.value = false;
      },
      error: (e: unknown) => {
        error.value = e;
        loading.value = false;
      },
    });
  }

  subscribe();
  if (deps) watch(deps, subscribe);
  if (getCurrentScope()) onScopeDispose(() => sub?.unsubscribe());
  return { value, error, loading };
}
