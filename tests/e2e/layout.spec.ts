import type { Page } from '@playwright/test';
import { WORKSPACE_TABS } from '../../shared/domain/permissions';
import { expect, openWorkspace, test } from './fixtures';

/**
 * The screens fit a laptop (1280×800) and a desktop monitor (1920×1080) (docs/design.md,
 * "Layout"): on every tab, the Portfolio board and Settings nothing overflows the window
 * sideways, and the Portfolio table and the boards use the width there is.
 */

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/**
 * What sticks out of the window sideways: the page's own horizontal scroll, and each element in
 * `main` or an open dialog reaching past the window's edge without a scrolling box around it,
 * named by a short selector so that the failure says which rule to fix.
 */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const name = (el: Element) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3 && e !== document.body; e = e.parentElement) parts.unshift(name(e));
      return parts.join(' > ');
    };
    const roots = [...document.querySelectorAll('main, dialog[open], [role="dialog"]')];
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && !roots.includes(p); p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > vw) out.push(`the page scrolls sideways: ${doc.scrollWidth}px in ${vw}px`);
    for (const root of roots) {
      if (root.scrollWidth > root.clientWidth + 1) out.push(`${name(root)} scrolls sideways: ${root.scrollWidth}px in ${root.clientWidth}px`);
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Only the right edge: what is off to the left (a screen-reader-only header) scrolls nothing.
        if (r.right > vw + 1 && !clipped(el)) out.push(`${path(el)}: ${Math.round(r.left)}–${Math.round(r.right)}px`);
      }
    }
    return out.slice(0, 15);
  });
}

/** How much of the board's width its columns take, from the first one's left edge to the last one's right. */
function columnsShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const board = document.querySelector('.pl-board')!;
    const columns = [...board.querySelectorAll('.pl-column')].map((c) => c.getBoundingClientRect());
    return (columns.at(-1)!.right - columns[0]!.left) / board.clientWidth;
  });
}

/** How much of `main`'s width (inside its padding) the element takes. */
function widthShare(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const main = document.querySelector('main')!;
    const style = getComputedStyle(main);
    const inner = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return document.querySelector(sel)!.getBoundingClientRect().width / inner;
  }, selector);
}

test('at 1280×800 and 1920×1080 no tab, board or Settings overflows sideways; the table and boards use the width', async ({ page, workspace }) => {
  test.setTimeout(90_000);
  await openWorkspace(page, workspace);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const at = `${size.width}×${size.height}`;
    for (const tab of WORKSPACE_TABS) {
      await page.goto(`${workspace.url}#/${tab}`);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect.soft(await overflowing(page), `#/${tab} at ${at}`).toEqual([]);
      if (tab === 'portfolio' && size.width === 1920) {
        await expect(page.getByRole('table', { name: 'Accounts' })).toBeVisible();
        // The table with the views beside it: all of the row but the sidebar.
        expect.soft(await widthShare(page, '.table-scroller'), `the Portfolio table at ${at}`).toBeGreaterThan(0.8);
      }
    }

    await page.goto(`${workspace.url}#/portfolio`);
    await page.getByRole('button', { name: 'Board', exact: true }).click();
    const board = page.getByRole('group', { name: /^Accounts board grouped by/ });
    await expect(board).toBeVisible();
    expect.soft(await overflowing(page), `the Portfolio board at ${at}`).toEqual([]);
    // Its few columns share the width instead of leaving most of a wide window empty.
    if (size.width === 1920) expect.soft(await columnsShare(page), `the board's columns at ${at}`).toBeGreaterThan(0.9);
    await page.getByRole('button', { name: 'Table', exact: true }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    expect.soft(await overflowing(page), `Settings at ${at}`).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();
  }
});
