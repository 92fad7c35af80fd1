import { describe, expect, it } from 'vitest';
import { checkScore, compileScore, HealthModelError, scratchScore, setupTemplate } from '../../../shared/health';
import { CTX, oneGroup } from './fixtures';

const messages = (input: unknown): string[] => {
  const r = checkScore(input, CTX);
  return r.ok ? [] : r.issues.map((i) => i.message);
};

describe('health model validation', () => {
  it('accepts the "Take me to setup" template on the demo CRM properties', () => {
    expect(messages(setupTemplate('t', 'Default'))).toEqual([]);
  });

  it('refuses maxima that do not add up to 100, naming the sum', () => {
    const s = setupTemplate('t', 'Default');
    s.groups[0]!.maxPoints = 15;
    expect(messages(s)).toEqual(['Group maxima must add up to 100, but they add up to 90']);
  });

  it('refuses a criterion on an unknown property, naming the property and group', () => {
    const s = oneGroup([{ id: 'c', kind: 'property', objectType: 'companies', filter: { property: 'health_magic', operator: 'is_known' }, points: 5 }]);
    expect(messages(s)).toEqual(['Criterion #1 in group "G": Filter on unknown property "health_magic"']);
  });

  it('refuses an empty group (so "Start from scratch" must be filled in before saving)', () => {
    expect(messages(scratchScore('s', 'Mine'))).toEqual(['Group "Group 1" has no criteria']);
  });

  it('refuses operators that do not fit, unknown object types, states that do not apply, too many segments', () => {
    const s = oneGroup([
      { id: 'a', kind: 'property', objectType: 'companies', filter: { property: 'nps_score', operator: 'contains', value: '9' }, points: 5 },
      { id: 'b', kind: 'property', objectType: 'widgets', filter: { property: 'x', operator: 'is_known' }, points: 5 },
      { id: 'c', kind: 'count', objectType: 'meetings', state: 'overdue', comparator: 'gte', count: 1, points: 5 },
    ]);
    s.segments = ['1', '2', '3', '4', '5', '6'];
    const m = messages(s);
    expect(m).toEqual(['A score applies to at most 5 segments']);
    s.segments = [];
    expect(messages(s)).toEqual([
      expect.stringContaining('Operator "contains" does not apply to property "nps_score"'),
      'Criterion #2 in group "G": unknown object type "widgets"',
      'Criterion #3 in group "G": only tasks can be overdue',
    ]);
  });

  it('refuses thresholds in the wrong order and names a segment that is not a saved view', () => {
    const s = setupTemplate('t', 'Default');
    expect(messages({ ...s, thresholds: { healthy: 30, atRisk: 40 } })).toEqual(['The At risk threshold must not be above the Healthy threshold']);
    const r = checkScore({ ...s, segments: ['v1'] }, { ...CTX, viewIds: ['v2'] });
    expect(r.ok ? [] : r.issues.map((i) => i.message)).toEqual(['Segment "v1" is not a saved view']);
  });

  it('compileScore throws the issues for an invalid model', () => {
    expect(() => compileScore(scratchScore('s', 'x'), CTX)).toThrow(HealthModelError);
  });
});
