// @vitest-environment happy-dom
// Dexie's liveQuery compares keys with the global IndexedDB, so the fake one is installed globally.
import 'fake-indexeddb/auto';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { newEntry } from '../../../shared/sync';
import { CsDatabase, REDIRECTED_META, type RedirectedEdit } from '../../../src-renderer/db';
import SyncReviewDialog from '../../../src-renderer/features/sync-review/SyncReviewDialog.vue';
import { createAppI18n } from '../../../src-renderer/i18n';
import { DB_KEY } from '../../../src-renderer/lib/db-key';

const waitFor = <T>(fn: () => T | Promise<T>) => vi.waitFor(fn, { timeout: 10_000, interval: 50 });
const shown = () => document.body.textContent ?? '';

async function mountDialog(locale: 'en' | 'pl') {
  const db = new CsDatabase(`review-ui-${Math.random().toString(36).slice(2)}`);
  const at = '2026-11-27T09:00:00.000Z';
  await db.records('companies').put({ id: '2001', properties: { name: 'Acme Corp' }, createdAt: at, updatedAt: at, archived: false });
  const entry = newEntry(
    { kind: 'update', label: 'property-edit', objectType: 'companies', recordId: '2001', base: { phone: null }, desired: { phone: '123' } },
    0,
  );
  await db.outbox.add({ ...entry, redirectedFrom: { id: '2002', reason: 'merged' } });
  const sent: RedirectedEdit[] = [{ seq: 7, label: 'stage-move', objectType: 'companies', loserId: '2003', survivorId: '2001', at: 0 }];
  await db.meta.put({ key: REDIRECTED_META, value: sent });
  // The dialog (AppDialog, Reka UI) teleports its box to the page's body: that is where its text is read.
  const wrapper = mount(SyncReviewDialog, {
    attachTo: document.body,
    global: { plugins: [createPinia(), createAppI18n(locale)], provide: { [DB_KEY as symbol]: db } },
  });
  return { db, wrapper };
}

describe('outbox review of edits redirected by a merge', () => {
  it('says where an edit went and why, and forgets the sent ones when dismissed', async () => {
    const { db, wrapper } = await mountDialog('en');
    await waitFor(async () => {
      await flushPromises();
      expect(shown()).toContain('Will be sent to Acme Corp: the record was merged in HubSpot');
      expect(shown()).toContain('Sent to Acme Corp: the record was merged in HubSpot');
    });
    const dismiss = [...document.body.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Dismiss');
    dismiss!.click();
    await waitFor(async () => {
      await flushPromises();
      expect(shown()).not.toContain('Sent to Acme Corp');
    });
    expect(await db.meta.get(REDIRECTED_META)).toBeUndefined();
    wrapper.unmount();
  });

  it('says so in Polish', async () => {
    const { wrapper } = await mountDialog('pl');
    await waitFor(async () => {
      await flushPromises();
      expect(shown()).toContain('Wysłano do Acme Corp: rekord został scalony w HubSpot');
    });
    wrapper.unmount();
  });
});
