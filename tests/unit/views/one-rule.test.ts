import { describe, expect, it } from 'vitest';
import { ownerDisplayName } from '../../../shared/domain/owners';
import { filterProblem, isRunnableFilter, propertyKindOf, type Filter } from '../../../shared/views';

/** The rules every tab shares (issue 18): an owner's name, a definition's kind, a runnable filter. */
describe('one rule each', () => {
  it('names an owner by first and last name, else email, else id', () => {
    expect(ownerDisplayName({ id: '7', firstName: 'Ada', lastName: 'Lovelace', email: 'a@x' })).toBe('Ada Lovelace');
    expect(ownerDisplayName({ id: '7', firstName: 'Ada' })).toBe('Ada');
    expect(ownerDisplayName({ id: '7', firstName: '  ', lastName: null, email: 'a@x' })).toBe('a@x');
    expect(ownerDisplayName({ id: '7', email: '' })).toBe('7');
  });

  it('reads a stored definition as it is: a missing type is text, an owner enumeration is an owner', () => {
    expect(propertyKindOf({})).toBe('string');
    expect(propertyKindOf({ type: 'enumeration', referencedObjectType: 'OWNER' })).toBe('owner');
    expect(propertyKindOf({ type: 'enumeration' })).toBe('enumeration');
    expect(propertyKindOf({ type: 'number', referencedObjectType: null })).toBe('number');
    expect(propertyKindOf({ type: 'legacy-thing' })).toBe('string');
  });

  it('runs a complete filter of the right kind and skips one still being written', () => {
    const done: Filter = { property: 'nps_score', operator: 'gte', value: '9' };
    expect(isRunnableFilter(done, 'number')).toBe(true);
    expect(isRunnableFilter({ property: 'nps_score', operator: 'gte' }, 'number')).toBe(false);
    expect(isRunnableFilter({ property: '', operator: 'gte', value: '9' }, 'number')).toBe(false);
    expect(filterProblem(done, 'number')).toBeUndefined();
  });
});
