import { computed, ref, watch, type WatchSource } from 'vue';

/**
 * Paged rendering of a long list ("Show more"): thousands of rows or cards at once would make
 * every live update slow, so only `pageSize` more are rendered at a time. `shown` is the page,
 * `more` how many are left out, `showMore` adds a page, `reveal(i)` adds pages until the item at
 * index `i` is in; a change of `reset` (another view or pipeline) goes back to the first page.
 */
export function usePaged<T>(items: () => readonly T[], pageSize: number, reset?: WatchSource) {
  const limit = ref(pageSize);
  if (reset) watch(reset, () => (limit.value = pageSize));
  const shown = computed(() => items().slice(0, limit.value));
  const more = computed(() => items().length - shown.value.length);
  const showMore = () => {
    limit.value += pageSize;
  };
  const reveal = (index: number) => {
    if (index >= limit.value) limit.value = Math.ceil((index + 1) / pageSize) * pageSize;
  };
  return { shown, more, showMore, reveal };
}
