import type { Page } from '@playwright/test';
import { crmApi, expect, FIXED_NOW, openWorkspace, type Workspace } from './fixtures';

export const ME = '60000001';
export const DAY = 86_400_000;

/** Midnight in Warsaw `days` before FIXED_NOW's day (CET in November: UTC+1). */
export function warsawMidnight(daysBack: number): number {
  const today = FIXED_NOW - 9 * 3_600_000;
  return today - daysBack * DAY;
}

export async function crmCount(workspace: Workspace, filterGroups: unknown[]): Promise<number> {
  const res = await crmApi(workspace, '/crm/v3/objects/companies/search', { body: { filterGroups, limit: 1 } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

export async function openPortfolio(page: Page, workspace: Workspace) {
  await openWorkspace(page, workspace, '/portfolio');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
}

export const count = (page: Page) => page.getByTestId('portfolio-count');

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

/** Creates the Everyone view "Team enterprise", default and featured on Summary, from Portfolio's Create view dialog. */
export async function createTeamEnterpriseView(page: Page): Promise<void> {
  await page.getByRole('button', { name: '+ Create view' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create view' });
  await dialog.getByLabel('View name').fill('Team enterprise');
  await dialog.getByRole('radio', { name: 'Everyone' }).check();
  await dialog.getByRole('checkbox', { name: 'Set as default and feature on Summary' }).check();
  await dialog.getByLabel('Description').fill('Enterprise accounts of the team');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
}
