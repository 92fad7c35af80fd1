// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import type { HostApi } from '../../../shared/contract';
import { INITIAL_STATUS, newEntry, type SyncStatus } from '../../../shared/sync';
import SyncStatusBar from '../../../src-renderer/components/SyncStatus.vue';
import { CsDatabase } from '../../../src-renderer/db';
import { useSyncStore } from '../../../src-renderer/stores/sync';
import { mountInApp } from '../../support/mount-in-app';

const host = { on: () => () => {}, 'net:status': async () => ({ ok: true, data: { online: true } }) } as unknown as HostApi;

/** The bar over a local store holding `pending` edits, with the worker's status `status`. */
async function statusBar(locale: 'en' | 'pl', { pending = 0, ...status }: Partial<SyncStatus> & { pending?: number }) {
  const db = new CsDatabase(`sync-status-${Math.random()}`);
  await db.outbox.bulkAdd(
    Array.from({ length: pending }, (_, i) =>
      newEntry(
        { kind: 'update', label: 'property-edit', objectType: 'companies', recordId: String(i + 1), base: { name: 'a' }, desired: { name: 'b' } },
        Date.now(),
      ),
    ),
  );
  const { pinia, wrapper } = mountInApp(SyncStatusBar, { host, db, locale });
  useSyncStore(pinia).status = { ...INITIAL_STATUS, ...status };
  await expect.poll(() => wrapper.text()).toMatch(/pending edit|Sending|oczekując|Wysyłanie/);
  await nextTick();
  return wrapper.text();
}

describe('the sync status bar', () => {
  it('counts the pending edits in the local store (the worker lags behind a reload and does not count)', async () => {
    expect(await statusBar('en', { pending: 2 })).toContain('2 pending edits');
    expect(await statusBar('en', { pending: 0 })).toContain('No pending edits');
    expect(await statusBar('pl', { pending: 2 })).toContain('2 oczekujące zmiany');
  });

  it('says nothing about pending edits before the local store has answered', () => {
    const { wrapper } = mountInApp(SyncStatusBar, { host });
    expect(wrapper.text()).not.toContain('pending edit');
  });

  it('says how many edits it is sending while the outbox drains', async () => {
    expect(await statusBar('en', { running: true, phase: 'push', pending: 4 })).toContain('Sending 4 edits…');
    expect(await statusBar('en', { running: true, phase: 'push', pending: 1 })).toContain('Sending 1 edit…');
    expect(await statusBar('pl', { running: true, phase: 'push', pending: 4 })).toContain('Wysyłanie 4 zmian…');
    // Pulling is not sending.
    expect(await statusBar('en', { running: true, phase: 'incremental', pending: 4 })).not.toContain('Sending');
  });

  it('says when the next attempt is due while it waits for the CRM, and not otherwise', async () => {
    const at = new Date(2026, 10, 27, 9, 41, 30).getTime();
    const waiting = await statusBar('en', { pending: 2, lastError: 'The CRM answered 503.', nextAttemptAt: at });
    expect(waiting).toMatch(/Next attempt at 0?9:41:30/);
    expect(await statusBar('en', { pending: 2, nextAttemptAt: at, lastSyncedAt: at - 60_000 })).not.toContain('Next attempt');
  });

  it("says when HubSpot's daily limit is nearly used up and the sync polls hourly", async () => {
    expect(await statusBar('en', { lastSyncedAt: Date.now(), budgetLow: true })).toContain("HubSpot's daily API limit is nearly used up: syncing hourly");
    expect(await statusBar('pl', { lastSyncedAt: Date.now(), budgetLow: true })).toContain('Dzienny limit API HubSpot jest prawie wyczerpany');
    expect(await statusBar('en', { lastSyncedAt: Date.now() })).not.toContain('daily API limit');
  });
});
