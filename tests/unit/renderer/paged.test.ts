import { describe, expect, it } from 'vitest';
import { nextTick, ref } from 'vue';
import { usePaged } from '../../../src-renderer/lib/paged';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('a paged list ("Show more")', () => {
  it('shows a page at a time and counts what is left out', () => {
    const items = ref(numbers(250));
    const paged = usePaged(() => items.value, 100);
    expect(paged.shown.value).toHaveLength(100);
    expect(paged.more.value).toBe(150);
    paged.showMore();
    paged.showMore();
    expect(paged.shown.value).toEqual(numbers(250));
    expect(paged.more.value).toBe(0);
    items.value = numbers(40);
    expect(paged.shown.value).toHaveLength(40);
  });

  it('reveals the page that holds an item, by whole pages, and never shrinks', () => {
    const paged = usePaged(() => numbers(1000), 100);
    paged.reveal(250);
    expect(paged.shown.value).toHaveLength(300);
    paged.reveal(10);
    expect(paged.shown.value).toHaveLength(300);
  });

  it('goes back to the first page when its reset source changes', async () => {
    const view = ref('due-today');
    const paged = usePaged(() => numbers(500), 100, view);
    paged.showMore();
    expect(paged.shown.value).toHaveLength(200);
    view.value = 'overdue';
    await nextTick();
    expect(paged.shown.value).toHaveLength(100);
  });
});
