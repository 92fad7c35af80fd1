import { describe, expect, it } from 'vitest';
import { setupTemplate } from '../../../shared/health';
import { describeCriterion, signed } from '../../../src-renderer/components/health/describe';
import { messages as display } from '../../../src-renderer/components/health/messages';
import { messages as filters } from '../../../src-renderer/components/filters/messages';
import { messages as editor } from '../../../src-renderer/features/health/messages';
import { expectCompleteMessages, messageAt } from '../../support/messages';

const lookup = (obj: object, path: string): string => String(messageAt(obj, path));

describe('health messages', () => {
  it.each([display, editor])('$namespace has the same keys in English and Polish, and no empty message', (m) =>
    expectCompleteMessages(m, (key) => key.startsWith('states.any')),
  );

  it('describes criteria as the breakdown shows them', () => {
    const t = (key: string, params: Record<string, unknown> = {}) =>
      lookup(key.startsWith('filters.') ? filters.en : display.en, key.replace(/^(health|filters)\./, '')).replace(/\{(\w+)\}/g, (_, p: string) =>
        String(params[p]),
      );
    const [engagement, , tickets, sentiment] = setupTemplate('t', 'T').groups;
    const c = (g: typeof engagement, i: number) => g?.criteria[i] as NonNullable<typeof g>['criteria'][number];
    expect(`${signed(c(engagement, 0).points)} ${describeCriterion(c(engagement, 0), t)}`).toBe('+15 at least 2 meetings in 30 days');
    expect(`${signed(c(engagement, 2).points)} ${describeCriterion(c(engagement, 2), t)}`).toBe('\u22125 at least 1 overdue tasks');
    expect(describeCriterion(c(tickets, 0), t)).toBe('no open tickets where hs_ticket_priority is any of HIGH, URGENT');
    expect(describeCriterion(c(sentiment, 0), t)).toBe('csm_sentiment is any of Good');
    expect(describeCriterion({ ...c(sentiment, 0), label: 'Happy customer' }, t)).toBe('Happy customer');
  });
});
