import { describe, expect, it } from 'vitest';
import { contentState } from '../../../shared/domain/content-state';

describe('what a list shows while its data may not be there yet', () => {
  it('rows win whatever else is true: a list being refreshed keeps what it has', () => {
    expect(contentState({ loading: true, synced: false, count: 3, filtered: true })).toBe('rows');
  });
  it('nothing yet while the query runs or before the first sync: a skeleton, not an empty state', () => {
    expect(contentState({ loading: true, synced: true, count: 0, filtered: false })).toBe('loading');
    expect(contentState({ loading: false, synced: false, count: 0, filtered: true })).toBe('loading');
  });
  it('after the first sync an empty list says why: a filter that matches nothing, or nothing at all', () => {
    expect(contentState({ loading: false, synced: true, count: 0, filtered: true })).toBe('noMatch');
    expect(contentState({ loading: false, synced: true, count: 0, filtered: false })).toBe('empty');
  });
});
