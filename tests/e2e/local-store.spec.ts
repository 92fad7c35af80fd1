import { readFile } from 'node:fs/promises';
import { expect, openWorkspace, test } from './fixtures';

/**
 * A local store that will not open (here: an outbox this version cannot upgrade, as a newer or
 * damaged version could leave it) gets its own screen instead of a broken workspace, and
 * nothing is deleted before the edits in it are saved to a file in the data folder.
 */
test('a local store that will not open: its unsent edits are saved to a file, then it starts over', async ({ page, workspace }) => {
  // Break the store from a page of the same origin that does not run the app (so nothing holds it open).
  await page.goto(`${workspace.url}sw.js`);
  await page.evaluate(async () => {
    const done = (req: IDBRequest | IDBOpenDBRequest) => new Promise((resolve, reject) => ((req.onsuccess = resolve), (req.onerror = () => reject(req.error))));
    await done(indexedDB.deleteDatabase('cs-workspace'));
    const open = indexedDB.open('cs-workspace', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      const intent = {
        kind: 'update',
        label: 'Rename',
        objectType: 'deals',
        recordId: '1',
        base: { dealname: 'Old' },
        desired: { dealname: 'Typed on the plane' },
      };
      db.createObjectStore('outbox', { keyPath: 'seq' }).put({ seq: 1, recordKey: 'deals:1', intent, status: 'pending', attempts: 0, createdAt: 1 });
      db.createObjectStore('conflicts', { keyPath: 'key' });
    };
    await done(open);
    open.result.close();
  });

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
  expect(await readFile(path as string, 'utf8')).toContain('Typed on the plane');
  await expect(page.getByRole('status', { name: 'Sync status' })).toBeVisible();
});
