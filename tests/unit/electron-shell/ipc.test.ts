import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '../../../shared/contract';
import type { CrmGateway } from '../../../src-main/crm/gateway';
import { createAppUrl } from '../../../src-main/electron/app-url';
import { createWindowEvents, registerIpc } from '../../../src-main/electron/ipc';
import { createMainWindow } from '../../../src-main/electron/main-window';
import { createDispatcher } from '../../../src-main/host/dispatch';
import { createHostHandlers } from '../../../src-main/host/handlers';
import { CRM_PORT_CHANNEL, type CrmPortAnswer } from '../../../shared/contract';
import { createFakeElectron, invokeEvent, type FakeMessagePortMain } from '../../support/fake-electron';

const baseDir = '/opt/cs-workspace/out/main';
const APP_PAGE = 'app://cs-workspace/index.html';

/** The real dispatcher and handlers behind the IPC layer, with recording services. */
function setup() {
  const electron = createFakeElectron();
  const appUrl = createAppUrl({ baseDir });
  const mainWindow = createMainWindow({ BrowserWindow: electron.BrowserWindow, appUrl, baseDir, devTools: false, isQuitting: () => false, log: () => {} });
  const shown: unknown[] = [];
  const opened: string[] = [];
  const crm: CrmGateway = {
    status: () => ({ connected: false, kind: null, baseUrl: null }),
    request: vi.fn(),
    whoami: vi.fn(),
  };
  const handlers = createHostHandlers({
    appInfo: () => ({ name: 'CS Workspace', version: '0.1.0', platform: 'linux', host: 'electron', locale: 'en' }),
    crm,
    notifier: { show: async (n) => (shown.push(n), true) },
    opener: { open: async (url) => void opened.push(url) },
    network: { isOnline: () => true },
  });
  registerIpc({
    ipcMain: electron.ipcMain,
    MessageChannelMain: electron.MessageChannelMain,
    dispatch: createDispatcher(handlers),
    appUrl,
    mainContents: () => mainWindow.contents(),
  });
  const ours = electron.windows[0]?.webContents;
  if (!ours) throw new Error('no main window');
  return { electron, ours, shown, opened, crm };
}

const NOTE = { id: 'task-1', title: 'Call ACME', body: 'Renewal is due', target: '/tasks?task=1' };

describe('IPC', () => {
  it('handles exactly the contract calls', () => {
    const { electron } = setup();
    expect(electron.ipcMain.channels().sort()).toEqual([...CALL_NAMES].sort());
  });

  it('answers a valid call from the app window by running its handler', async () => {
    const { electron, ours, shown } = setup();
    const result = await electron.ipcMain.invoke('notify:show', invokeEvent(ours, APP_PAGE), NOTE);
    expect(result).toEqual({ ok: true, data: { shown: true } });
    expect(shown).toEqual([NOTE]);
  });

  it.each([
    ['another WebContents', () => ({}), APP_PAGE, false],
    ['a foreign page in our window', 'ours', 'https://evil.example/', false],
    ['another local file in our window', 'ours', 'file:///tmp/evil.html', false],
    ['the built index.html opened as a file', 'ours', 'file:///opt/cs-workspace/out/renderer/index.html', false],
    ['another host of our scheme', 'ours', 'app://evil/index.html', false],
    ['our host with a port', 'ours', 'app://cs-workspace:8080/index.html', false],
    ['our host with credentials', 'ours', 'app://user@cs-workspace/index.html', false],
    ['our host over https', 'ours', 'https://cs-workspace/index.html', false],
    ['an iframe of our page', 'ours', APP_PAGE, true],
  ] as const)('refuses a call from %s and runs nothing', async (_name, sender, url, subFrame) => {
    const { electron, ours, shown, opened } = setup();
    const event = invokeEvent(sender === 'ours' ? ours : sender(), url, { subFrame });
    for (const [channel, payload] of [
      ['notify:show', NOTE],
      ['shell:openExternal', { url: 'https://example.com/' }],
    ] as const) {
      const result = await electron.ipcMain.invoke(channel, event, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(shown).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('refuses a call whose frame is already gone', async () => {
    const { electron, ours, crm } = setup();
    const result = await electron.ipcMain.invoke('crm:request', { sender: ours, senderFrame: null }, { method: 'GET', path: '/crm/v3/objects/companies' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(crm.request).not.toHaveBeenCalled();
  });

  it('rejects an invalid payload with INVALID_INPUT naming the field, and changes nothing', async () => {
    const { electron, ours, shown, opened, crm } = setup();
    const event = invokeEvent(ours, APP_PAGE);

    const note = await electron.ipcMain.invoke('notify:show', event, { id: 'x', body: 'no title' });
    expect(note).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Invalid input for notify:show: title: /) } });

    const link = await electron.ipcMain.invoke('shell:openExternal', event, { url: 42 });
    expect(link).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('url:') } });

    const crmCall = await electron.ipcMain.invoke('crm:request', event, { method: 'GET', path: '/../../etc/passwd' });
    expect(crmCall).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('path:') } });

    expect(shown).toEqual([]);
    expect(opened).toEqual([]);
    expect(crm.request).not.toHaveBeenCalled();
  });

  it('refuses a valid-looking link outside the allow-list', async () => {
    const { electron, ours, opened } = setup();
    const result = await electron.ipcMain.invoke('shell:openExternal', invokeEvent(ours, APP_PAGE), { url: 'file:///etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(opened).toEqual([]);
  });
});

describe("the sync worker's CRM port", () => {
  /** The page's end of the port main handed out, and a way to send it requests. */
  function pagePort(posted: { channel: string; transfer: unknown[] } | undefined) {
    expect(posted?.channel).toBe(CRM_PORT_CHANNEL);
    expect(posted?.transfer).toHaveLength(1);
    const port = (posted!.transfer[0] as FakeMessagePortMain).port;
    const answers: CrmPortAnswer[] = [];
    port.on('message', (m: CrmPortAnswer) => answers.push(m));
    return { port, answers };
  }
  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  it('is handed to the app window, and answers each crm:request under its id through the same dispatcher', async () => {
    const { electron, ours, crm } = setup();
    vi.mocked(crm.request).mockResolvedValue({ status: 200, headers: {}, body: { results: [] } });
    electron.ipcMain.send(CRM_PORT_CHANNEL, invokeEvent(ours, APP_PAGE));
    const { port, answers } = pagePort(ours.posted[0]);
    port.postMessage({ id: 7, request: { method: 'GET', path: '/crm/v3/objects/companies' } });
    // Validated like an IPC call: a path the contract refuses never reaches the gateway.
    port.postMessage({ id: 8, request: { method: 'GET', path: '/../../etc/passwd' } });
    port.postMessage('not a request');
    await until(() => answers.length === 2);
    port.close();
    expect(answers.find((a) => a.id === 7)).toEqual({ id: 7, result: { ok: true, data: { status: 200, headers: {}, body: { results: [] } } } });
    expect(answers.find((a) => a.id === 8)?.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(answers).toHaveLength(2);
    expect(crm.request).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['another WebContents', () => ({}), APP_PAGE, false],
    ['a foreign page in our window', 'ours', 'https://evil.example/', false],
    ['an iframe of our page', 'ours', APP_PAGE, true],
  ] as const)('is not handed to %s', (_name, sender, url, subFrame) => {
    const { electron, ours } = setup();
    electron.ipcMain.send(CRM_PORT_CHANNEL, invokeEvent(sender === 'ours' ? ours : sender(), url, { subFrame }));
    expect(ours.posted).toEqual([]);
  });

  it('is no longer handed out once IPC is unregistered', () => {
    const electron = createFakeElectron();
    const appUrl = createAppUrl({ baseDir });
    const mainWindow = createMainWindow({ BrowserWindow: electron.BrowserWindow, appUrl, baseDir, devTools: false, isQuitting: () => false, log: () => {} });
    const dispatch = vi.fn();
    const off = registerIpc({
      ipcMain: electron.ipcMain,
      MessageChannelMain: electron.MessageChannelMain,
      dispatch,
      appUrl,
      mainContents: () => mainWindow.contents(),
    });
    expect(electron.ipcMain.listened()).toEqual([CRM_PORT_CHANNEL]);
    off();
    expect(electron.ipcMain.listened()).toEqual([]);
    expect(electron.ipcMain.channels()).toEqual([]);
  });
});

describe('host events', () => {
  it('are sent to the main window only while it lives', () => {
    const electron = createFakeElectron();
    const contents = new electron.BrowserWindow({}).webContents;
    const events = createWindowEvents(() => contents);
    events.emit('onDidChangeOnline', { online: false });
    contents.destroyed = true;
    events.emit('onDidResume', { at: 1 });
    expect(contents.sent).toEqual([{ channel: 'onDidChangeOnline', args: [{ online: false }] }]);
  });
});
