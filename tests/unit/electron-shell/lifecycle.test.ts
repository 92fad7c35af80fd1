import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/electron/security';
import { fakeEvent, invokeEvent } from '../../support/fake-electron';
import { tmp, useTempDir } from '../../support/temp-dir';
import { onAndOff } from '../../support/switches';
import { APP_PAGE, boot } from './shell-harness';

/** The Electron shell's start and stop on the typed fake: single instance, data folder, --hubspot-url, the window, quitting. */
useTempDir('cs-shell-');

describe('single-instance lock', () => {
  it('quits at once when another instance holds the lock, before creating anything', async () => {
    const { electron, shell, crm } = await boot({ lock: false });
    expect(shell).toBeNull();
    expect(electron.app.quitCalls).toBe(1);
    expect(electron.windows).toEqual([]);
    expect(electron.ipcMain.channels()).toEqual([]);
    expect(crm.start).not.toHaveBeenCalled();
  });

  it('brings the existing window back when a second instance starts', async () => {
    const { electron } = await boot();
    const win = electron.windows[0];
    win?.close();
    expect(win?.visible).toBe(false);
    electron.app.emit('second-instance', fakeEvent(), ['/usr/bin/cs-workspace'], '/home/user', {});
    expect(win?.visible).toBe(true);
    expect(electron.windows).toHaveLength(1);
  });
});

describe('data folder', () => {
  it('uses --data-dir for everything Electron writes and for the demo CRM', async () => {
    const dir = join(tmp, 'portable', 'data');
    const { electron, shell, crm } = await boot({ argv: ['/usr/bin/cs-workspace', '--data-dir', dir] });
    expect(shell?.dataDir).toBe(dir);
    expect(existsSync(dir)).toBe(true);
    expect(electron.paths.get('userData')).toBe(dir);
    expect(electron.app.logsPath).toBe(join(dir, 'logs'));
    await shell?.connections.connect({ kind: 'demo' });
    expect(crm.start).toHaveBeenCalledWith({ port: 0, dataDir: join(dir, 'demo-crm') });
  });

  it("defaults to the OS's per-user app folder", async () => {
    const { electron, shell, crm } = await boot();
    expect(shell?.dataDir).toBe(join(tmp, 'user-data'));
    expect(electron.app.logsPath).toBeUndefined();
    await shell?.connections.connect({ kind: 'demo' });
    expect(crm.start).toHaveBeenCalledWith({ port: 0, dataDir: join(tmp, 'user-data', 'demo-crm') });
  });

  it('refuses a --data-dir without a folder', async () => {
    await expect(boot({ argv: ['/usr/bin/cs-workspace', '--data-dir'] })).rejects.toThrow(/--data-dir needs a folder/);
  });
});

describe('--hubspot-url', () => {
  it.each([
    ['--hubspot-url', 'http://127.0.0.1:4010/'],
    ['--hubspot-url=http://LOCALHOST:4010', null],
  ])('points "Connect HubSpot" at the address given (%s %s), normalised', async (flag, value) => {
    const { shell } = await boot({ argv: ['/usr/bin/cs-workspace', flag, ...(value === null ? [] : [value])] });
    expect(shell?.connections.hubspotUrl()).toEqual({
      url: value === null ? 'http://localhost:4010' : 'http://127.0.0.1:4010',
      source: 'command-line',
      defaultUrl: 'https://api.hubapi.com',
    });
  });

  it.each([
    [['--hubspot-url'], /--hubspot-url needs an address/],
    [['--hubspot-url', '--data-dir', 'x'], /--hubspot-url needs an address/],
    [['--hubspot-url', 'http://crm.example.com'], /plain http:\/\/ is allowed only for this computer/],
    [['--hubspot-url=https://me:pw@crm.example.com'], /user name or password/],
  ])('refuses %j with a usage error (exit code 2) before anything is created', async (args, message) => {
    const dir = join(tmp, 'never-made');
    const failed = boot({ argv: ['/usr/bin/cs-workspace', '--data-dir', dir, ...args] });
    await expect(failed).rejects.toThrow(message);
    await expect(failed).rejects.toMatchObject({ name: 'UsageError', exitCode: 2 });
    expect(existsSync(dir)).toBe(false);
  });
});

describe('the started shell', () => {
  it('creates one hardened window, the CSP, the tray and one IPC handler per call', async () => {
    const { electron } = await boot();
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/opt/cs-workspace/out/preload/index.cjs',
    });
    expect(electron.session.defaultSession.respond({ url: APP_PAGE }).responseHeaders).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(electron.trays).toHaveLength(1);
    expect(electron.ipcMain.channels().sort()).toEqual([...CALL_NAMES].sort());
  });

  it('serves the built renderer from app://cs-workspace/, a privileged scheme registered before ready, and loads it', async () => {
    const { electron } = await boot();
    expect(electron.protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    // Every privilege is named (none left to Electron's default); only these four are granted.
    expect(onAndOff(electron.protocol.privileged[0]?.privileges)).toEqual({
      on: ['codeCache', 'secure', 'standard', 'supportFetchAPI'],
      off: ['allowServiceWorkers', 'bypassCSP', 'corsEnabled', 'stream'],
    });
    expect([...electron.protocol.handlers.keys()]).toEqual(['app']);
    expect(electron.windows[0]?.loaded).toEqual({ url: 'app://cs-workspace/index.html' });
    // baseDir is not a real build here, so the handler answers 404, with the policy all the same.
    const answer = await electron.protocol.request('app://cs-workspace/index.html');
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('no longer trusts the built index.html as a file:// page', async () => {
    const { electron } = await boot();
    const contents = electron.windows[0]?.webContents;
    const fromFile = invokeEvent(contents, 'file:///opt/cs-workspace/out/renderer/index.html');
    expect(await electron.ipcMain.invoke('app:info', fromFile, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers the window over IPC: no CRM on first run, and the demo CRM once the user chooses it', async () => {
    const { electron, shell, crm } = await boot();
    const contents = electron.windows[0]?.webContents;
    const from = invokeEvent(contents, APP_PAGE);
    await shell?.crmReady;
    expect(await electron.ipcMain.invoke('app:info', from, {})).toMatchObject({ ok: true, data: { host: 'electron', name: 'CS Workspace' } });
    expect(await electron.ipcMain.invoke('crm:status', from, {})).toEqual({ ok: true, data: { connected: false, kind: null, baseUrl: null } });
    // Nothing is started for a user who may pick HubSpot.
    expect(crm.start).not.toHaveBeenCalled();
    expect(await electron.ipcMain.invoke('crm:connect', from, { kind: 'demo' })).toMatchObject({ ok: true, data: { connected: true } });
    expect(await electron.ipcMain.invoke('crm:status', from, {})).toEqual({
      ok: true,
      data: { connected: true, kind: 'demo', baseUrl: 'http://127.0.0.1:41234' },
    });
  });

  it('keeps running without a CRM when the demo CRM fails, and says why', async () => {
    const { electron, shell, logs } = await boot({ startDemoCrm: () => Promise.reject(new Error('port in use')) });
    await shell?.crmReady;
    const from = invokeEvent(electron.windows[0]?.webContents, APP_PAGE);
    expect(await electron.ipcMain.invoke('crm:connect', from, { kind: 'demo' })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('The demo CRM did not start: port in use') },
    });
    expect(await electron.ipcMain.invoke('crm:status', from, {})).toMatchObject({ ok: true, data: { connected: false } });
    expect(logs.some((l) => l.includes('The demo CRM did not start: port in use'))).toBe(true);
  });

  it('a notification click shows the window and tells the renderer the target', async () => {
    const { electron } = await boot();
    const win = electron.windows[0];
    win?.close();
    const from = invokeEvent(win?.webContents, APP_PAGE);
    await electron.ipcMain.invoke('notify:show', from, { id: 't1', title: 'Call ACME', body: '', target: '/tasks?task=t1' });
    electron.notifications.find((n) => n.options.title === 'Call ACME')?.emit('click');
    expect(win?.visible).toBe(true);
    expect(win?.webContents.sent).toContainEqual({ channel: 'onDidClickNotification', args: [{ id: 't1', target: '/tasks?task=t1' }] });
  });
});

describe('quitting', () => {
  it('closing the window only hides it; the app keeps running', async () => {
    const { electron } = await boot();
    electron.windows[0]?.close();
    expect(electron.windows[0]?.isDestroyed()).toBe(false);
    expect(electron.app.exited).toBe(false);
  });

  it('what it logs also goes to <data>/logs/main.log, private to the user, written out before the app exits', async () => {
    const dir = join(tmp, 'data');
    const { electron, shell, logs } = await boot({
      argv: ['/usr/bin/cs-workspace', '--data-dir', dir],
      startDemoCrm: () => Promise.reject(new Error('port in use')),
    });
    await shell?.crmReady;
    await electron.ipcMain.invoke('crm:connect', invokeEvent(electron.windows[0]?.webContents, APP_PAGE), { kind: 'demo' });
    electron.trays[0]?.menu?.item('Quit').click();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    const file = join(dir, 'logs', 'main.log');
    const written = readFileSync(file, 'utf8');
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(written).toContain(line);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('tray Quit closes the window for real and exits after the demo CRM has closed', async () => {
    const { electron, crm, shell } = await boot();
    await shell?.connections.connect({ kind: 'demo' });
    electron.trays[0]?.menu?.item('Quit').click();
    expect(electron.windows[0]?.isDestroyed()).toBe(true);
    expect(electron.app.exited).toBe(false);
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(crm.close).toHaveBeenCalledOnce();
  });
});
