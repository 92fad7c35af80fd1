import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp-dir';
import { CHECK_EVERY_MS } from '../../../src-main/desktop/updates';
import { bootRunning, T0 } from './shell-harness';

/**
 * Updates (issue 20) at the shell's boundary: electron-updater behind its interface, driven
 * by the fake (tests/support/fake-updater.ts) through the contract's `updates:*` calls.
 */

useTempDir('cs-updates-');

const status = (pendingEdits: number) => ({ pendingEdits, nextDue: null });

describe('updates in a development run', () => {
  it('never load or run the updater: checking says unavailable', async () => {
    const { call, updates, sent } = await bootRunning({ packaged: false });
    expect(await call('updates:status', {})).toEqual({ ok: true, data: { phase: 'unavailable', reason: 'development' } });
    expect(await call('updates:check', {})).toEqual({ ok: true, data: { phase: 'unavailable', reason: 'development' } });
    expect(await call('updates:install', {})).toEqual({ ok: true, data: { phase: 'unavailable', reason: 'development' } });
    expect(updates.loads()).toBe(0);
    expect(updates.updater.checks).toBe(0);
    expect(sent('onDidChangeUpdate')).toEqual([]);
  });
});

describe('updates in an installed app', () => {
  it('check once at start; nothing new is "up to date", and never installs on quit by itself', async () => {
    const { call, updates, sent } = await bootRunning({ packaged: true });
    await Promise.resolve();
    expect(updates.updater.checks).toBe(1);
    expect(updates.updater.autoDownload).toBe(true);
    expect(updates.updater.autoInstallOnAppQuit).toBe(false);
    expect(await call('updates:status', {})).toEqual({ ok: true, data: { phase: 'up-to-date', version: '0.1.0' } });
    expect(sent('onDidChangeUpdate').at(-1)).toEqual({ phase: 'up-to-date', version: '0.1.0' });
  });

  it('check again every few hours while the app runs', async () => {
    const { updates, clock } = await bootRunning({ packaged: true });
    await Promise.resolve();
    expect(updates.updater.checks).toBe(1);
    clock.advanceTo(T0 + CHECK_EVERY_MS);
    await Promise.resolve();
    expect(updates.updater.checks).toBe(2);
  });

  it('checking, downloading, ready; "Restart to install" installs at once when no edit waits', async () => {
    const { call, updates, sent } = await bootRunning({ packaged: true });
    await call('desktop:setStatus', status(0));
    updates.updater.next = { version: '0.2.0' };
    expect(await call('updates:check', {})).toEqual({ ok: true, data: { phase: 'downloading', version: '0.2.0', percent: 0 } });
    updates.updater.progress(42.4);
    expect(sent('onDidChangeUpdate').at(-1)).toEqual({ phase: 'downloading', version: '0.2.0', percent: 42 });
    updates.updater.progress(100);
    expect(await call('updates:status', {})).toEqual({ ok: true, data: { phase: 'ready', version: '0.2.0', waitingForEdits: 0 } });
    expect(updates.updater.autoInstallOnAppQuit).toBe(true);
    expect(await call('updates:install', {})).toEqual({ ok: true, data: { phase: 'installing', version: '0.2.0' } });
    expect(updates.updater.installs).toBe(1);
  });

  it('never installs while edits wait to reach the CRM: installing waits until the outbox is empty', async () => {
    const { call, updates, sent, logs } = await bootRunning({ packaged: true });
    await call('desktop:setStatus', status(3));
    updates.updater.next = { version: '0.2.0' };
    await call('updates:check', {});
    updates.updater.progress(100);
    expect(updates.updater.autoInstallOnAppQuit).toBe(false);
    expect(await call('updates:install', {})).toEqual({ ok: true, data: { phase: 'ready', version: '0.2.0', waitingForEdits: 3 } });
    expect(updates.updater.installs).toBe(0);
    expect(logs).toContain('the update waits for 3 edits to reach the CRM');
    await call('desktop:setStatus', status(1));
    expect(sent('onDidChangeUpdate').at(-1)).toEqual({ phase: 'ready', version: '0.2.0', waitingForEdits: 1 });
    expect(updates.updater.installs).toBe(0);
    await call('desktop:setStatus', status(0));
    expect(updates.updater.installs).toBe(1);
    expect(sent('onDidChangeUpdate').at(-1)).toEqual({ phase: 'installing', version: '0.2.0' });
  });

  it('before the page said how many edits wait, installing waits too (an unknown outbox is not an empty one)', async () => {
    const { call, updates } = await bootRunning({ packaged: true });
    updates.updater.next = { version: '0.2.0' };
    await call('updates:check', {});
    updates.updater.progress(100);
    expect(await call('updates:install', {})).toEqual({ ok: true, data: { phase: 'ready', version: '0.2.0', waitingForEdits: null } });
    expect(updates.updater.installs).toBe(0);
  });

  it('a failed check says so, is logged, and the next check can run', async () => {
    const { call, updates, logs } = await bootRunning({ packaged: true });
    updates.updater.next = new Error('net::ERR_NAME_NOT_RESOLVED\n    at stack');
    expect(await call('updates:check', {})).toEqual({ ok: true, data: { phase: 'error', message: 'net::ERR_NAME_NOT_RESOLVED' } });
    expect(logs).toContain('update failed: net::ERR_NAME_NOT_RESOLVED');
    updates.updater.next = 'none';
    expect(await call('updates:check', {})).toEqual({ ok: true, data: { phase: 'up-to-date', version: '0.1.0' } });
  });
});
