// @vitest-environment happy-dom
import { enableAutoUnmount, mount } from '@vue/test-utils';
import Sortable from 'sortablejs';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, reactive } from 'vue';
import SortableList, { type SortableMove } from '../../../src-renderer/components/vendor/SortableList.vue';

enableAutoUnmount(afterEach);

/**
 * SortableList's drop, as SortableJS ends it: the dragged node already moved into the other
 * list (Sortable moves it while dragging), then `onEnd`. The real drags with the mouse are in
 * the Pipelines and Portfolio board e2e specs; these pin what a held drop does to Vue's DOM.
 */
function board(onMove: (m: SortableMove) => void) {
  const lists = reactive<Record<string, string[]>>({ a: ['1', '2', '3'], b: ['4'] });
  const Board = defineComponent({
    setup: () => () =>
      Object.keys(lists).map((key) =>
        h(SortableList, { key, listKey: key, group: 'g', onMove }, () => (lists[key] ?? []).map((id) => h('li', { key: id, 'data-id': id }, id))),
      ),
  });
  const wrapper = mount(Board, { attachTo: document.body });
  const ul = (key: string) => wrapper.get(`ul[data-list-key="${key}"]`).element as HTMLUListElement;
  const ids = (key: string) => [...ul(key).children].map((li) => (li as HTMLElement).dataset.id);
  /** Sortable's end of a drag of `id` from list a to the end of list b. */
  const drop = (id: string) => {
    const from = ul('a');
    const to = ul('b');
    const item = [...from.children].find((li) => (li as HTMLElement).dataset.id === id) as HTMLElement;
    const oldIndex = [...from.children].indexOf(item);
    to.appendChild(item);
    const onEnd = Sortable.get(from)?.option('onEnd');
    onEnd?.({ item, from, to, oldIndex, newIndex: to.children.length - 1 } as unknown as Sortable.SortableEvent);
  };
  return { lists, wrapper, ids, drop };
}

describe('SortableList', () => {
  it('puts a dropped node back at once unless the parent holds it, and says what moved', () => {
    const moves: SortableMove[] = [];
    const { ids, drop } = board((m) => moves.push(m));
    drop('2');
    expect(ids('a')).toEqual(['1', '2', '3']);
    expect(ids('b')).toEqual(['4']);
    expect(moves.map(({ itemId, fromKey, toKey, newIndex }) => ({ itemId, fromKey, toKey, newIndex }))).toEqual([
      { itemId: '2', fromKey: 'a', toKey: 'b', newIndex: 1 },
    ]);
  });

  it('a held node stays where it was dropped until put back; Vue then moves the card once', async () => {
    let putBack: (() => void) | undefined;
    const { lists, ids, drop } = board((m) => (putBack = m.hold()));
    drop('2');
    expect(ids('a')).toEqual(['1', '3']);
    expect(ids('b')).toEqual(['4', '2']);
    // The write committed: the node goes back and the state moves the card, in one task.
    putBack?.();
    lists.a = ['1', '3'];
    lists.b = ['4', '2'];
    await nextTick();
    expect(ids('a')).toEqual(['1', '3']);
    expect(ids('b')).toEqual(['4', '2']);
  });

  it('a list that re-renders while a drop is held gets its node back first, so Vue patches a list it knows', async () => {
    let putBack: (() => void) | undefined;
    const { lists, ids, drop } = board((m) => (putBack = m.hold()));
    drop('2');
    // Meanwhile a sync adds a card before the held one in its old list.
    lists.a = ['0', '1', '2', '3'];
    await nextTick();
    expect(ids('a')).toEqual(['0', '1', '2', '3']);
    expect(ids('b')).toEqual(['4']);
    putBack?.();
    expect(ids('a')).toEqual(['0', '1', '2', '3']);
  });

  it('a list that goes away while a drop is held takes its node with it: no stray card in the other list', async () => {
    const { lists, ids, drop } = board((m) => void m.hold());
    drop('2');
    // Meanwhile the stage the card came from is no longer on the board.
    delete lists.a;
    await nextTick();
    expect(ids('b')).toEqual(['4']);
  });
});
