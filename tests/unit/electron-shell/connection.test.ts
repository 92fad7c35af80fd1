import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONNECTION_FILE } from '../../../src-main/electron/connection-store';
import { startShell, type StartDemoCrm } from '../../../src-main/electron/lifecycle';
import { SECRET_FILE } from '../../../src-main/electron/secret-store';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';
import { tmp, useTempDir } from '../../support/temp-dir';
import { createFakeElectron, invokeEvent } from '../../support/fake-electron';
import { createFakeUpdater } from '../../support/fake-updater';

/**
 * The desktop app keeps its CRM connection across restarts: the choice in connection.json,
 * a HubSpot token only through safeStorage (here the shared fake). A "restart" is a new
 * shell (new fake Electron) on the same data folder; a real demo CRM plays HubSpot.
 */
const APP_PAGE = 'app://cs-workspace/index.html';
const TOKEN = 'pat-eu1-7a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

let hubspot: TestDemoCrm;
beforeAll(async () => {
  hubspot = await startTestDemoCrm({ token: TOKEN });
});
afterAll(() => hubspot.stop());
// Every shell a test booted quits (stops its timers, closes its demo CRM, flushes its log)
// before useTempDir removes the folder it writes to: registered after it, so it runs first
// (Vitest runs afterEach hooks in reverse order).
useTempDir('cs-shell-conn-');
const booted: ReturnType<typeof createFakeElectron>[] = [];
afterEach(async () => {
  for (const electron of booted.splice(0)) {
    if (electron.app.exited) continue;
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
  }
});

async function boot(opts: { encryption?: boolean; hubspotUrl?: string | null } = {}) {
  const electron = createFakeElectron({ userData: join(tmp, 'unused') });
  booted.push(electron);
  electron.safeStorage.available = opts.encryption ?? true;
  const close = vi.fn(async () => {});
  const startDemoCrm = vi.fn<StartDemoCrm>(async () => ({ url: 'http://127.0.0.1:41234', token: 'demo-token', close }));
  const logs: string[] = [];
  const shell = await startShell(electron, {
    // The real demo CRM plays HubSpot through the command line, as `--hubspot-url` is meant for.
    argv: ['/usr/bin/cs-workspace', '--data-dir', tmp, ...(opts.hubspotUrl === null ? [] : ['--hubspot-url', opts.hubspotUrl ?? hubspot.url])],
    devServerUrl: undefined,
    baseDir: '/opt/cs-workspace/out/main',
    startDemoCrm,
    log: (line) => logs.push(line),
    loadUpdater: createFakeUpdater().load,
  });
  await shell?.crmReady;
  const from = invokeEvent(electron.windows[0]?.webContents, APP_PAGE);
  const call = (name: string, payload: unknown = {}) => electron.ipcMain.invoke(name, from, payload);
  return { electron, call, startDemoCrm, logs };
}

/** Every byte the app wrote to its data folder, as one string. */
function everythingWritten(dir = tmp): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

describe('the connection across restarts (Electron)', () => {
  it('first run: not connected, nothing written, no demo CRM started', async () => {
    const { call, startDemoCrm } = await boot();
    expect(await call('crm:status')).toEqual({ ok: true, data: { connected: false, kind: null, baseUrl: null } });
    expect(startDemoCrm).not.toHaveBeenCalled();
    expect(existsSync(join(tmp, CONNECTION_FILE))).toBe(false);
  });

  it('a HubSpot token is kept encrypted and the app is connected again after a restart', async () => {
    const first = await boot();
    expect(await first.call('crm:connect', { kind: 'hubspot', token: TOKEN })).toEqual({
      ok: true,
      data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url, auth: 'private-app', portalId: 9000001 },
    });
    // On disk: the choice and where the token was checked in plain JSON, the token only as safeStorage output.
    expect(JSON.parse(readFileSync(join(tmp, CONNECTION_FILE), 'utf8'))).toEqual({
      kind: 'hubspot',
      baseUrl: hubspot.url,
      auth: 'private-app',
      portalId: 9000001,
    });
    expect(existsSync(join(tmp, SECRET_FILE))).toBe(true);
    expect(first.electron.safeStorage.decryptString(readFileSync(join(tmp, SECRET_FILE)))).toBe(TOKEN);
    expect(everythingWritten()).not.toContain(TOKEN);
    expect(first.logs.join('\n')).not.toContain(TOKEN);

    const second = await boot();
    expect(await second.call('crm:status')).toEqual({
      ok: true,
      data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url, auth: 'private-app', portalId: 9000001 },
    });
    // The restored token is the one CRM calls carry.
    expect(await second.call('crm:request', { method: 'GET', path: '/crm/v3/owners' })).toMatchObject({ ok: true, data: { status: 200 } });
    expect(second.startDemoCrm).not.toHaveBeenCalled();
  });

  it('the demo CRM choice is restored at start, starting the demo CRM', async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'demo' });
    expect(existsSync(join(tmp, SECRET_FILE))).toBe(false);
    const second = await boot();
    expect(second.startDemoCrm).toHaveBeenCalledOnce();
    expect(await second.call('crm:status')).toEqual({ ok: true, data: { connected: true, kind: 'demo', baseUrl: 'http://127.0.0.1:41234' } });
  });

  it('Disconnect deletes the saved choice and the token: the next start is a first run', async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await first.call('crm:disconnect')).toEqual({ ok: true, data: { connected: false, kind: null, baseUrl: null } });
    expect(existsSync(join(tmp, CONNECTION_FILE))).toBe(false);
    expect(existsSync(join(tmp, SECRET_FILE))).toBe(false);
    const second = await boot();
    expect(await second.call('crm:status')).toMatchObject({ ok: true, data: { connected: false } });
  });

  it('a wrong token is refused and nothing is written', async () => {
    const { call } = await boot();
    const res = await call('crm:connect', { kind: 'hubspot', token: 'pat-eu1-wrong-token-0000' });
    expect(res).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(readdirSync(tmp).filter((f) => f === CONNECTION_FILE || f === SECRET_FILE)).toEqual([]);
  });

  it('without an OS keychain a HubSpot token is refused rather than stored in plain text; the demo CRM still works', async () => {
    const { call, logs } = await boot({ encryption: false });
    const res = await call('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(res).toMatchObject({ ok: false, error: { message: expect.stringContaining('Secure storage is not available') } });
    expect(await call('crm:status')).toMatchObject({ ok: true, data: { connected: false } });
    expect(everythingWritten()).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
    expect(await call('crm:connect', { kind: 'demo' })).toMatchObject({ ok: true, data: { connected: true, kind: 'demo' } });
  });

  it('a saved token that cannot be decrypted is reported, and the app starts not connected', async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'hubspot', token: TOKEN });
    // A file that safeStorage cannot read (e.g. copied from another machine).
    writeFileSync(join(tmp, SECRET_FILE), 'garbage');
    const second = await boot();
    expect(await second.call('crm:status')).toMatchObject({ ok: true, data: { connected: false } });
    expect(second.logs.some((l) => l.includes('could not be decrypted'))).toBe(true);
  });
});

describe('"Who are you?" across restarts (Electron)', () => {
  it('the picked HubSpot user is saved next to the connection kind (never the token in plain text) and returned after a restart', async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'hubspot', token: TOKEN });
    expect(await first.call('crm:whoami')).toEqual({ ok: true, data: null });
    const riley = { userId: '1000006', ownerId: '60000006', email: 'riley.chen@demo-crm.test' };
    expect(await first.call('crm:setUser', { userId: '1000006' })).toEqual({ ok: true, data: riley });
    expect(JSON.parse(readFileSync(join(tmp, CONNECTION_FILE), 'utf8'))).toEqual({
      kind: 'hubspot',
      baseUrl: hubspot.url,
      user: riley,
      portalId: 9000001,
      auth: 'private-app',
    });
    expect(everythingWritten()).not.toContain(TOKEN);
    expect(first.electron.safeStorage.decryptString(readFileSync(join(tmp, SECRET_FILE)))).toBe(TOKEN);

    const second = await boot();
    expect(await second.call('crm:whoami')).toEqual({ ok: true, data: riley });
    // Disconnect forgets the user with the connection.
    await second.call('crm:disconnect');
    const third = await boot();
    expect(await third.call('crm:status')).toMatchObject({ ok: true, data: { connected: false } });
    expect(existsSync(join(tmp, CONNECTION_FILE))).toBe(false);
  });

  it('an unknown user is refused and the saved file stays as it was', async () => {
    const { call } = await boot();
    await call('crm:connect', { kind: 'hubspot', token: TOKEN });
    await call('crm:setUser', { userId: '1000002' });
    const before = readFileSync(join(tmp, CONNECTION_FILE), 'utf8');
    expect(await call('crm:setUser', { userId: '4242' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('no user 4242') },
    });
    expect(await call('crm:setUser', { userId: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(readFileSync(join(tmp, CONNECTION_FILE), 'utf8')).toBe(before);
    expect(await call('crm:whoami')).toMatchObject({ ok: true, data: { userId: '1000002' } });
  });

  it('a damaged user entry is dropped at start: still connected, and "Who are you?" is asked again', async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'hubspot', token: TOKEN });
    writeFileSync(join(tmp, CONNECTION_FILE), JSON.stringify({ kind: 'hubspot', baseUrl: hubspot.url, user: { userId: 7 } }));
    const second = await boot();
    expect(await second.call('crm:status')).toMatchObject({ ok: true, data: { connected: true, kind: 'hubspot' } });
    expect(await second.call('crm:whoami')).toEqual({ ok: true, data: null });
  });
});

describe('where "HubSpot" is (Electron): --hubspot-url and Settings', () => {
  it("a connection.json from before the address was kept is HubSpot's own: restored only where HubSpot is api.hubapi.com", async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'hubspot', token: TOKEN });
    writeFileSync(join(tmp, CONNECTION_FILE), JSON.stringify({ kind: 'hubspot' }));
    // Started against the demo CRM "HubSpot": the token was checked elsewhere, so it is not sent here.
    const elsewhere = await boot();
    expect(await elsewhere.call('crm:status')).toMatchObject({ ok: true, data: { connected: false } });
    expect(elsewhere.logs.join('\n')).toContain('the saved HubSpot connection is for https://api.hubapi.com, but HubSpot is now at');
    // Without --hubspot-url it comes back as it was (no request is made at start).
    const plain = await boot({ hubspotUrl: null });
    expect(await plain.call('crm:status')).toEqual({ ok: true, data: { connected: true, kind: 'hubspot', baseUrl: 'https://api.hubapi.com' } });
  });

  it('a saved connection is not restored when --hubspot-url names another server, and comes back without it', async () => {
    const first = await boot();
    await first.call('crm:connect', { kind: 'hubspot', token: TOKEN });
    const other = await boot({ hubspotUrl: 'http://127.0.0.1:9' });
    expect(await other.call('crm:status')).toMatchObject({ ok: true, data: { connected: false } });
    expect(await other.call('crm:hubspotUrl')).toEqual({
      ok: true,
      data: { url: 'http://127.0.0.1:9', source: 'command-line', defaultUrl: 'https://api.hubapi.com' },
    });
    // The saved choice is kept for the next start at its own address.
    expect(JSON.parse(readFileSync(join(tmp, CONNECTION_FILE), 'utf8'))).toEqual({
      kind: 'hubspot',
      baseUrl: hubspot.url,
      portalId: 9000001,
      auth: 'private-app',
    });
    const back = await boot();
    expect(await back.call('crm:status')).toEqual({
      ok: true,
      data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url, auth: 'private-app', portalId: 9000001 },
    });
  });

  it('Settings keeps the address in the data folder: the next "Connect HubSpot" goes there, also after a restart', async () => {
    const first = await boot({ hubspotUrl: null });
    expect(await first.call('crm:hubspotUrl')).toEqual({
      ok: true,
      data: { url: 'https://api.hubapi.com', source: 'default', defaultUrl: 'https://api.hubapi.com' },
    });
    expect(await first.call('crm:setHubspotUrl', { url: `${hubspot.url}/` })).toEqual({
      ok: true,
      data: { url: hubspot.url, source: 'saved', defaultUrl: 'https://api.hubapi.com' },
    });
    expect(JSON.parse(readFileSync(join(tmp, 'hubspot-api.json'), 'utf8'))).toEqual({ baseUrl: hubspot.url });

    const second = await boot({ hubspotUrl: null });
    expect(await second.call('crm:hubspotUrl')).toMatchObject({ ok: true, data: { url: hubspot.url, source: 'saved' } });
    expect(await second.call('crm:connect', { kind: 'hubspot', token: TOKEN })).toEqual({
      ok: true,
      data: { connected: true, kind: 'hubspot', baseUrl: hubspot.url, auth: 'private-app', portalId: 9000001 },
    });
    expect(await second.call('crm:request', { method: 'GET', path: '/crm/v3/owners' })).toMatchObject({ ok: true, data: { status: 200 } });

    // Back to HubSpot's own: the file goes; the live connection keeps its address until the next connect.
    expect(await second.call('crm:setHubspotUrl', { url: null })).toMatchObject({ ok: true, data: { url: 'https://api.hubapi.com', source: 'default' } });
    expect(existsSync(join(tmp, 'hubspot-api.json'))).toBe(false);
    expect(await second.call('crm:status')).toMatchObject({ ok: true, data: { connected: true, baseUrl: hubspot.url } });
  });

  it('--hubspot-url wins over the saved address, and Settings cannot change it', async () => {
    const first = await boot({ hubspotUrl: null });
    await first.call('crm:setHubspotUrl', { url: 'https://sandbox.example.com/hubspot' });
    const { call } = await boot();
    expect(await call('crm:hubspotUrl')).toMatchObject({ ok: true, data: { url: hubspot.url, source: 'command-line' } });
    const refused = await call('crm:setHubspotUrl', { url: 'https://other.example.com' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('set by the command line (--hubspot-url') } });
    expect(JSON.parse(readFileSync(join(tmp, 'hubspot-api.json'), 'utf8'))).toEqual({ baseUrl: 'https://sandbox.example.com/hubspot' });
  });

  it.each([
    ['plain http to another computer', 'http://crm.example.com', 'plain http:// is allowed only for this computer'],
    ['credentials', 'https://user:secret@crm.example.com', 'user name or password'],
    ['a query', 'https://crm.example.com/?portal=1', 'query'],
    ['a relative address', 'crm.example.com', 'absolute address'],
  ])('refuses an address with %s at the contract; nothing is written', async (_name, url, message) => {
    const { call } = await boot({ hubspotUrl: null });
    const res = await call('crm:setHubspotUrl', { url });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    expect(existsSync(join(tmp, 'hubspot-api.json'))).toBe(false);
    expect(await call('crm:hubspotUrl')).toMatchObject({ ok: true, data: { source: 'default' } });
  });
});
