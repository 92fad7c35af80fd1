// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from 'vue';
import type { CallInput, HostApi } from '../../../shared/contract';
import { CsDatabase } from '../../../src-renderer/db';
import { createAppI18n, I18N_GLOBAL_KEY } from '../../../src-renderer/i18n';
import { DB_KEY } from '../../../src-renderer/lib/db-key';
import { useDesktopStore } from '../../../src-renderer/stores/desktop';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';
import { useTimeZonesStore } from '../../../src-renderer/stores/time-zones';
import { useWorkspaceStore } from '../../../src-renderer/stores/workspace';

const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
let db: CsDatabase | undefined;
afterEach(async () => {
  vi.useRealTimers();
  db?.close();
  if (db) await db.delete();
  db = undefined;
});

describe('a system zone change while the app runs', () => {
  it('re-hands the reminders to the desktop host with the new zone and home', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const sets: Array<CallInput<'reminders:set'>> = [];
    const ok = (data: unknown) => async () => ({ ok: true, data });
    const host = {
      on: () => () => {},
      'net:status': ok({ online: true }),
      'desktop:setStatus': ok({}),
      'reminders:takeActions': ok({ actions: [], open: null }),
      'reminders:set': async (input: CallInput<'reminders:set'>) => {
        sets.push(input);
        return { ok: true, data: { ownedByHost: true } };
      },
    } as unknown as HostApi;
    db = new CsDatabase(`desktop-zone-${Math.random()}`);
    const pinia = createPinia();
    const i18n = createAppI18n('en');
    createApp({ render: () => null })
      .provide(DB_KEY, db)
      .provide(HOST_KEY, host)
      .provide(I18N_GLOBAL_KEY, i18n.global as never)
      .use(pinia);
    setActivePinia(pinia);
    const workspace = useWorkspaceStore(pinia);
    workspace.timeZone = 'Europe/Warsaw';
    workspace.identity = { userId: '1000001', ownerId: '60000001', email: 'alex@demo-crm.test' };
    const zones = useTimeZonesStore(pinia);
    let system = 'Europe/Warsaw';
    await zones.start(() => system);
    useDesktopStore(pinia).start();
    await vi.waitFor(() => expect(sets.at(-1)).toMatchObject({ timeZone: 'Europe/Warsaw', homeTimeZone: null }), { timeout: 3000 });

    // Landed in Lisbon: the next check (every minute, on focus, on showing the window) sees it.
    system = 'Europe/Lisbon';
    await zones.check(() => system);
    await vi.waitFor(() => expect(sets.at(-1)).toMatchObject({ timeZone: 'Europe/Lisbon', homeTimeZone: 'Europe/Warsaw' }), { timeout: 3000 });
    pinia._e.stop();
  });
});
