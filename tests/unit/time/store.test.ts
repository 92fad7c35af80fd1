// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi } from '../../../shared/contract';
import HomeTimeNotice from '../../../src-renderer/features/time-zones/HomeTimeNotice.vue';
import { CsDatabase } from '../../../src-renderer/db';
import { getMeta, META } from '../../../src-renderer/db/meta';
import { useTimeZonesStore } from '../../../src-renderer/stores/time-zones';
import { useWorkspaceStore } from '../../../src-renderer/stores/workspace';
import { mountInApp } from '../../support/mount-in-app';

/** Friday 27 Nov 2026, 09:00 in Warsaw: winter time (Warsaw UTC+1, Lisbon UTC+0). */
const NOW = Date.UTC(2026, 10, 27, 8, 0, 0);
const host = { on: () => () => {} } as unknown as HostApi;

/** One run of the app on `db`: the frame's notice and the store, with the system zone as `zone.now` says. */
function run(db: CsDatabase, zone: { now: string }) {
  const { pinia, wrapper } = mountInApp(HomeTimeNotice, { host, db });
  const workspace = useWorkspaceStore(pinia);
  workspace.timeZone = zone.now;
  const zones = useTimeZonesStore(pinia);
  return { wrapper, workspace, zones, start: () => zones.start(() => zone.now) };
}

beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }));
afterEach(() => vi.useRealTimers());

describe('home and local time in the page', () => {
  it('keeps the first zone as home, notices a system zone change while running, states it once across restarts', async () => {
    const db = new CsDatabase(`zones-${Math.random()}`);
    const zone = { now: 'Europe/Warsaw' };
    const first = run(db, zone);
    await first.start();
    await flushPromises();
    expect(first.zones.home).toBe('Europe/Warsaw');
    expect(await getMeta(db, META.timeZones)).toEqual({ home: 'Europe/Warsaw', showHomeTime: null });
    expect(first.wrapper.find('[role="status"]').exists()).toBe(false);

    // The plane lands: the system zone changes while the app runs (the minute's check, focus, or showing the window).
    zone.now = 'Europe/Lisbon';
    await first.zones.check(() => zone.now);
    await flushPromises();
    expect(first.workspace.timeZone).toBe('Europe/Lisbon');
    expect(first.zones.homeZone).toBe('Europe/Warsaw');
    expect(first.wrapper.get('[role="status"]').text()).toContain(
      'You are in Europe/Lisbon (UTC+0); home is Europe/Warsaw (UTC+1). Times are shown in local time, with home time alongside.',
    );
    await first.wrapper.get('button[aria-label="Dismiss the time zone notice"]').trigger('click');
    expect(first.wrapper.find('[role="status"]').exists()).toBe(false);
    // The next minute's check states nothing new.
    await first.zones.check(() => zone.now);
    await flushPromises();
    expect(first.wrapper.find('[role="status"]').exists()).toBe(false);
    first.wrapper.unmount();

    // A restart in Lisbon: already stated.
    const second = run(db, zone);
    await second.start();
    await flushPromises();
    expect(second.zones.away).toBe(true);
    expect(second.wrapper.find('[role="status"]').exists()).toBe(false);

    // On to New York: a new zone on the trip is stated.
    zone.now = 'America/New_York';
    await second.zones.check(() => zone.now);
    await flushPromises();
    expect(second.wrapper.get('[role="status"]').text()).toContain('You are in America/New_York (UTC-5); home is Europe/Warsaw (UTC+1).');

    // Home time switched off: nothing beside local times.
    await second.zones.setShowHomeTime(false);
    expect(second.zones.homeZone).toBeNull();
    expect(await getMeta(db, META.timeZones)).toEqual({ home: 'Europe/Warsaw', showHomeTime: false });
    second.wrapper.unmount();
  });
});
