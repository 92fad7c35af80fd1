import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The WCAG 2.1 A and AA rules: what the workspace promises (docs/product.md, issue 22). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Parts of the page axe must not judge, each a third-party widget whose markup we cannot change.
 * None today: FullCalendar's grid passes once its colours come from our tokens.
 */
const THIRD_PARTY: string[] = [];

/**
 * The rules of TAGS that judge colours: all a second theme can change, since both themes draw
 * the same markup. About half the time of every rule (9 screens in dark: 8.1 s against 16.6 s).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * Runs axe-core on the page as it is now and fails (softly: the test goes on to the next screen) on any serious or critical violation, listing
 * each rule, its help text and the elements it found, so the failure says what to fix. `rules`
 * narrows the run to those rules (default: every rule of TAGS).
 */
export async function expectNoSeriousA11yViolations(page: Page, where: string, rules?: string[]): Promise<void> {
  // axe.run in the page (legacy mode) rather than axe's per-frame runs merged in a new blank page:
  // the workspace has no frames, both find the same violations (a nameless button, an image
  // without alt, a low contrast: the same three), and each run no longer opens a blank page and
  // loads axe-core into it (the light walk's nine runs: 12.8 → 7.3 s, 2026-12-07).
  let builder = (rules ? new AxeBuilder({ page }).withRules(rules) : new AxeBuilder({ page }).withTags(TAGS)).setLegacyMode(true);
  for (const selector of THIRD_PARTY) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n    ')}`,
    );
  expect.soft(serious, `serious or critical accessibility violations on ${where}`).toEqual([]);
}
