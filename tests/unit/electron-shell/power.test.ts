import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/contract';
import { watchPower } from '../../../src-main/electron/services';
import type { HostEvents } from '../../../src-main/host/services';
import { createFakeElectron } from '../../support/fake-electron';

function recordingEvents() {
  const emitted: Array<{ event: EventName; payload: unknown }> = [];
  const events: HostEvents = { emit: (event, payload) => void emitted.push({ event, payload }) };
  return { events, emitted };
}

describe('battery and presence for the sync schedule (Electron powerMonitor, faked)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

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
