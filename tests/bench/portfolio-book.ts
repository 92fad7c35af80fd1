import type { BrowserContext, Page } from '@playwright/test';
import { crmApi, expect, FIXED_NOW, openWorkspace, waitForOfflineReady, type Workspace } from '../e2e/fixtures';

/** Portfolio's book (portfolio.spec.ts, profile-portfolio.spec.ts): 50,000 accounts, a quarter of them the default user's. */
export const ACCOUNTS = 50_000;
export const ME = '60000001';

/** Writes the accounts straight into the app's IndexedDB (offline, so the sync leaves them alone); resolves with how many are mine. */
export function injectAccounts(page: Page): Promise<number> {
  return page.evaluate(
    async ([n, me, now]) => {
      const open = indexedDB.open('cs-workspace');
      const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
      const tx = db.transaction('companies', 'readwrite');
      const store = tx.objectStore('companies');
      const plans = ['Starter', 'Professional', 'Enterprise'];
      let mine = 0;
      for (let i = 0; i < n; i++) {
        const owner = i % 4 === 0 ? me : String(60000002 + (i % 3));
        if (owner === me) mine++;
        const last = now - ((i * 7919) % 90) * 86_400_000;
        const renewal = new Date(now + (((i * 104729) % 400) - 30) * 86_400_000).toISOString().slice(0, 10);
        const created = new Date(now - (60 + (i % 800)) * 86_400_000).toISOString();
        store.put({
          id: String(90_000_000 + i),
          properties: {
            name: `Bench ${((i * 48271) % 100_000).toString().padStart(5, '0')}`,
            csm_owner: owner,
            hubspot_owner_id: owner,
            plan: plans[i % 3],
            csm_sentiment: ['Good', 'Neutral', 'Bad'][i % 3],
            nps_score: String(i % 11),
            renewal_date: renewal,
            notes_last_contacted: new Date(last).toISOString(),
            createdate: created,
          },
          createdAt: created,
          updatedAt: created,
          archived: false,
          ownerId: owner,
          csmOwnerId: owner,
          lastActivityAt: last,
          renewalAt: Date.parse(renewal),
        });
      }
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
      return mine;
    },
    [ACCOUNTS, ME, FIXED_NOW] as const,
  );
}

/**
 * The book as both Portfolio benchmarks start: Portfolio open and synced, then offline (so the
 * sync leaves the injected accounts alone) with the accounts written; resolves with how many
 * accounts are mine in all (the CRM's and the injected). The page is not yet reloaded.
 */
export async function openOfflineBook(page: Page, context: BrowserContext, workspace: Workspace): Promise<number> {
  const synced = (await (
    await crmApi(workspace, '/crm/v3/objects/companies/search', {
      body: { filterGroups: [{ filters: [{ propertyName: 'csm_owner', operator: 'EQ', value: ME }] }], limit: 1 },
    })
  ).json()) as { total: number };
  await openWorkspace(page, workspace, '/portfolio');
  await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Last synced', { timeout: 120_000 });
  await waitForOfflineReady(page);
  await context.setOffline(true);
  return synced.total + (await injectAccounts(page));
}
