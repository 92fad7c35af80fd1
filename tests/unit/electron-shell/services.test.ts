import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { createSecretStore, SECRET_FILE } from '../../../src-main/electron/secret-store';
import { createExternalOpener, createNetworkMonitor, createNotifier, watchPower, watchResume } from '../../../src-main/electron/services';
import type { HostEvents } from '../../../src-main/host/services';
import { createFakeElectron, createFakeSafeStorage } from '../../support/fake-electron';

function recordingEvents() {
  const emitted: Array<{ event: EventName; payload: unknown }> = [];
  const events: HostEvents = { emit: (event, payload) => void emitted.push({ event, payload }) };
  return { events, emitted };
}

describe('notifier', () => {
  it('shows a native notification and reports its click with the target', async () => {
    const electron = createFakeElectron();
    const onClick = vi.fn();
    const notifier = createNotifier({ Notification: electron.Notification, onClick });
    expect(await notifier.show({ id: 't1', title: 'Call ACME', body: 'Due now', target: '/tasks?task=t1' })).toBe(true);
    const [shown] = electron.notifications;
    expect(shown?.options).toEqual({ title: 'Call ACME', body: 'Due now' });
    expect(shown?.shown).toBe(true);
    expect(notifier.pending()).toBe(1);
    shown?.emit('click');
    expect(onClick).toHaveBeenCalledWith({ id: 't1', target: '/tasks?task=t1' });
    expect(notifier.pending()).toBe(0);
  });

  it('says so when the system has no notifications', async () => {
    const electron = createFakeElectron();
    electron.Notification.supported = false;
    const notifier = createNotifier({ Notification: electron.Notification, onClick: () => {} });
    expect(await notifier.show({ id: 't1', title: 'x', body: '' })).toBe(false);
    expect(electron.notifications).toEqual([]);
  });
});

describe('external opener', () => {
  it('opens allowed links and refuses the rest even when called directly', async () => {
    const electron = createFakeElectron();
    const opener = createExternalOpener(electron.shell);
    await opener.open('mailto:cs@example.com');
    await expect(opener.open('file:///etc/passwd')).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(electron.shell.opened).toEqual(['mailto:cs@example.com']);
  });
});

describe('network, power and resume: what the page is told for the sync schedule (Electron net and powerMonitor, faked)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports a change of online state once, on the next poll', () => {
    const electron = createFakeElectron();
    const { events, emitted } = recordingEvents();
    const monitor = createNetworkMonitor({ net: electron.net, events, intervalMs: 1_000 });
    electron.net.online = false;
    expect(monitor.isOnline()).toBe(true);
    vi.advanceTimersByTime(1_000);
    vi.advanceTimersByTime(5_000);
    expect(monitor.isOnline()).toBe(false);
    expect(emitted).toEqual([{ event: 'onDidChangeOnline', payload: { online: false } }]);
    monitor.stop();
  });

  it('re-checks the network and tells the renderer after the machine wakes up', () => {
    const electron = createFakeElectron();
    const { events, emitted } = recordingEvents();
    const network = createNetworkMonitor({ net: electron.net, events });
    watchResume({ powerMonitor: electron.powerMonitor, events, network, now: () => 1_700_000_000_000 });
    electron.net.online = false;
    electron.powerMonitor.emit('resume');
    expect(emitted).toEqual([
      { event: 'onDidChangeOnline', payload: { online: false } },
      { event: 'onDidResume', payload: { at: 1_700_000_000_000 } },
    ]);
    network.stop();
  });

  it('tells the page at once when the laptop goes on battery or the screen locks, and again on every poll', () => {
    const electron = createFakeElectron();
    const { events, emitted } = recordingEvents();
    const power = watchPower({ powerMonitor: electron.powerMonitor, events, intervalMs: 60_000 });
    expect(power.current()).toEqual({ onBattery: false, idle: false });

    electron.powerMonitor.onBattery = true;
    electron.powerMonitor.emit('on-battery');
    electron.powerMonitor.idleState = 'locked';
    electron.powerMonitor.emit('lock-screen');
    expect(emitted).toEqual([
      { event: 'onDidChangePower', payload: { onBattery: true, idle: false } },
      { event: 'onDidChangePower', payload: { onBattery: true, idle: true } },
    ]);

    // Idleness has no event: the poll finds it (and repeats the state for a page loaded since).
    electron.powerMonitor.onBattery = false;
    electron.powerMonitor.idleState = 'idle';
    vi.advanceTimersByTime(60_000);
    expect(emitted.at(-1)).toEqual({ event: 'onDidChangePower', payload: { onBattery: false, idle: true } });
    electron.powerMonitor.idleState = 'active';
    vi.advanceTimersByTime(60_000);
    expect(emitted.at(-1)).toEqual({ event: 'onDidChangePower', payload: { onBattery: false, idle: false } });
    power.stop();
    const count = emitted.length;
    vi.advanceTimersByTime(10 * 60_000);
    expect(emitted).toHaveLength(count);
  });

  it('an unknown idle state (a platform that cannot tell) counts as present', () => {
    const electron = createFakeElectron();
    electron.powerMonitor.idleState = 'unknown';
    const power = watchPower({ powerMonitor: electron.powerMonitor, events: recordingEvents().events });
    expect(power.current().idle).toBe(false);
    power.stop();
  });
});

describe('secret store', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-secret-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the token encrypted in credentials.bin and reads it back', () => {
    const store = createSecretStore({ safeStorage: createFakeSafeStorage(), dataDir });
    expect(store.get()).toBeNull();
    store.set('pat-na1-secret-token');
    expect(readFileSync(join(dataDir, SECRET_FILE)).toString()).not.toContain('pat-na1-secret-token');
    expect(createSecretStore({ safeStorage: createFakeSafeStorage(), dataDir }).get()).toBe('pat-na1-secret-token');
    store.set(null);
    expect(store.get()).toBeNull();
  });

  it('refuses to store a token in plain text when encryption is unavailable', () => {
    const safeStorage = createFakeSafeStorage();
    safeStorage.available = false;
    const store = createSecretStore({ safeStorage, dataDir });
    expect(() => store.set('pat-na1-secret-token')).toThrow(/Secure storage is not available/);
    expect(store.get()).toBeNull();
  });

  it("refuses Linux's keyring-less fallback (basic_text), which is plain text in all but name, and says how to get a keyring", () => {
    const safeStorage = createFakeSafeStorage();
    safeStorage.backend = 'basic_text';
    expect(() => createSecretStore({ safeStorage, dataDir, platform: 'linux' }).set('pat-na1-secret-token')).toThrow(/no keyring.*GNOME Keyring or KWallet/);
    expect(createSecretStore({ safeStorage, dataDir }).get()).toBeNull();
    // Elsewhere the backend is the OS's own (Keychain, DPAPI).
    createSecretStore({ safeStorage, dataDir, platform: 'darwin' }).set('pat-na1-secret-token');
    expect(createSecretStore({ safeStorage, dataDir }).get()).toBe('pat-na1-secret-token');
  });
});
