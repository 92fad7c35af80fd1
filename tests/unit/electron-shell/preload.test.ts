import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, CRM_PORT_CHANNEL } from '../../../shared/contract';
import { exposeHostApi, HOST_API_KEY } from '../../../src-main/preload/host-api';
import { createFakeRenderer } from '../../support/fake-electron';

function setup() {
  const { contextBridge, ipcRenderer, page } = createFakeRenderer();
  exposeHostApi(contextBridge, ipcRenderer, page);
  const api = contextBridge.exposed.get(HOST_API_KEY);
  if (!api) throw new Error(`nothing exposed as ${HOST_API_KEY}`);
  return { api, ipcRenderer, page, exposedKeys: [...contextBridge.exposed.keys()] };
}

describe('preload', () => {
  it('exposes one object, csHost, with exactly the contract calls, on() and openCrmPort()', () => {
    const { api, exposedKeys } = setup();
    expect(exposedKeys).toEqual(['csHost']);
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES, 'on', 'openCrmPort'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as Record<string, unknown>)[key]).toBe('function');
  });

  it('sends each call on its own channel with the input as it is', async () => {
    const { api, ipcRenderer } = setup();
    await api['shell:openExternal']({ url: 'https://example.com/' });
    await api['app:info']({});
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'shell:openExternal', args: [{ url: 'https://example.com/' }] },
      { channel: 'app:info', args: [{}] },
    ]);
  });

  it('refuses to subscribe to anything but a contract event', () => {
    const { api, ipcRenderer } = setup();
    const on = api.on as (event: string, listener: () => void) => () => void;
    expect(() => on('crm:request', () => {})).toThrow(/Unknown host event "crm:request"/);
    expect(() => on('ELECTRON_BROWSER_REQUIRE', () => {})).toThrow(/Unknown host event/);
    // Only the preload's own listener for the CRM port.
    expect(ipcRenderer.eventNames()).toEqual([CRM_PORT_CHANNEL]);
  });

  it('passes listeners the payload only, never the IPC event, and unsubscribes', () => {
    const { api, ipcRenderer } = setup();
    const listener = vi.fn();
    const off = api.on('onDidChangeOnline', listener);
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit('onDidChangeOnline', ipcEvent, { online: false });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ online: false }]);

    off();
    ipcRenderer.emit('onDidChangeOnline', ipcEvent, { online: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('onDidChangeOnline')).toBe(0);
  });

  it("asks main for the sync worker's CRM port and hands the port, alone, to the page's window", () => {
    const { api, ipcRenderer, page } = setup();
    api.openCrmPort();
    expect(ipcRenderer.sentChannels).toEqual([CRM_PORT_CHANNEL]);
    const port = { a: 'MessagePort' };
    ipcRenderer.emit(CRM_PORT_CHANNEL, { sender: ipcRenderer, ports: [port] });
    // A message without exactly one port is not passed on.
    ipcRenderer.emit(CRM_PORT_CHANNEL, { sender: ipcRenderer, ports: [] });
    expect(page.posted).toEqual([{ message: CRM_PORT_CHANNEL, targetOrigin: '*', transfer: [port] }]);
  });
});
