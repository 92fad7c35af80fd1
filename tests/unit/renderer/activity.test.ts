// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick } from 'vue';
import type { EventName, EventPayload, HostApi } from '../../../shared/contract';
import { startSyncClient } from '../../../src-renderer/sync';
import { typesOnScreen } from '../../../src-renderer/sync/on-screen';
import type { ToWorker } from '../../../src-renderer/sync/protocol';
import { IDLE_AFTER_MS, useActivityStore } from '../../../src-renderer/stores/activity';
import { HOST_KEY } from '../../../src-renderer/stores/host-key';

/** A host whose events the test sends by hand. */
function fakeHost() {
  const listeners = new Map<string, Array<(p: unknown) => void>>();
  const host = {
    on: (event: EventName, fn: (p: unknown) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return () => {};
    },
  } as unknown as HostApi;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => listeners.get(event)?.forEach((fn) => fn(payload));
  return { host, emit };
}

function activityStore() {
  const { host, emit } = fakeHost();
  const app = createApp({}).provide(HOST_KEY, host);
  const pinia = createPinia();
  app.use(pinia);
  setActivePinia(pinia);
  const store = app.runWithContext(() => useActivityStore());
  return { store, emit };
}

const setVisibility = (state: 'visible' | 'hidden') => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
};

describe('activity for the sync schedule (web page signals, host power events)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('in use while the window is shown and had input in the last 5 minutes; hidden or idle is not in use', async () => {
    const { store } = activityStore();
    expect(store.inUse).toBe(true);
    vi.advanceTimersByTime(IDLE_AFTER_MS + 30_000);
    await nextTick();
    expect(store.inUse).toBe(false);
    window.dispatchEvent(new Event('keydown'));
    await nextTick();
    expect(store.inUse).toBe(true);
    setVisibility('hidden');
    await nextTick();
    expect(store.inUse).toBe(false);
    setVisibility('visible');
    await nextTick();
    expect(store.inUse).toBe(true);
  });

  it("the host's powerMonitor (Electron) says battery and a user away from the computer", async () => {
    const { store, emit } = activityStore();
    expect(store.onBattery).toBe(false);
    emit('onDidChangePower', { onBattery: true, idle: false });
    await nextTick();
    expect(store.onBattery).toBe(true);
    expect(store.inUse).toBe(true);
    emit('onDidChangePower', { onBattery: false, idle: true });
    await nextTick();
    expect(store.inUse).toBe(false);
  });

  it('each tab names its types on screen; the worker gets plain data it can clone', async () => {
    expect(typesOnScreen('tasks')).toEqual(['tasks']);
    expect(typesOnScreen('pipelines')).toEqual(['deals', 'tickets']);
    expect(typesOnScreen('settings')).toEqual([]);
    expect(typesOnScreen(undefined)).toEqual([]);
    const posted: ToWorker[] = [];
    const host = { crmChannel: async () => ({ kind: 'http', base: '', secret: 's' }) } as unknown as HostApi;
    const client = startSyncClient(host, { endpoint: { post: (m) => void posted.push(m), onMessage: () => {} } });
    const onScreen = typesOnScreen('summary');
    client.notifyActivity({ inUse: true, onBattery: false, onScreen });
    await vi.waitFor(() => expect(posted.map((m) => m.type)).toEqual(['start', 'activity']));
    const msg = posted.find((m) => m.type === 'activity');
    expect(msg).toEqual({ type: 'activity', activity: { inUse: true, onBattery: false, onScreen: ['tasks', 'meetings'] } });
    expect(() => structuredClone(msg)).not.toThrow();
  });
});
