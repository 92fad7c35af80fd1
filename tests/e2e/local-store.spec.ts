import { readFile } from 'node:fs/promises';
import { STRANDED_OUTBOX_ROW } from '../support/stranded-store';
import { expect, openWorkspace, test } from './fixtures';

/**
 * A local store that will not open (here: an outbox this version cannot upgrade, as a newer or
 * damaged version could leave it) gets its own screen instead of a broken workspace, and
 * nothing is deleted before the edits in it are saved to a file in the data folder.
 */
test('a local store that will not open: its unsent edits are saved to a file, then it starts over', async ({ page, workspace }) => {
  // Break the store from a page of the same origin that does not run the app (so nothing holds it open).
  await page.goto(`${workspace.url}sw.js`);
  await page.evaluate(async (row) => {
    const done = (req: IDBRequest | IDBOpenDBRequest) => new Promise((resolve, reject) => ((req.onsuccess = resolve), (req.onerror = () => reject(req.error))));
    await done(indexedDB.deleteDatabase('cs-workspace'));
    const open = indexedDB.open('cs-workspace', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('outbox', { keyPath: 'seq' }).put(row);
      db.createObjectStore('conflicts', { keyPath: 'key' });
    };
    await done(open);
    open.result.close();
  }, STRANDED_OUTBOX_ROW);

  await openWorkspace(page, workspace, '/summary');
  const problem = page.getByTestId('local-store-problem');
  await expect(problem.getByRole('heading', { name: 'The data on this computer could not be opened' })).toBeVisible();
  await expect(problem.getByRole('alert')).toContainText('updating it to this version of CS Workspace failed');
  await problem.getByRole('button', { name: 'Save unsent edits and start over' }).click();

  // After the reload the workspace opens on a new store and says where the edit was saved.
  const notice = page.getByTestId('saved-edits-notice');
  await expect(notice).toContainText('1 edit that had not reached the CRM was saved to', { timeout: 20_000 });
  const path = /saved to (\S+\.json)/.exec((await notice.textContent()) ?? '')?.[1];
  expect(path).toContain(workspace.dataDir);
  expect(await readFile(path as string, 'utf8')).toContain(STRANDED_OUTBOX_ROW.intent.desired.dealname);
  await expect(page.getByRole('status', { name: 'Sync status' })).toBeVisible();
});
