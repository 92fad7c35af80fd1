import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { CRM_PORT_CHANNEL, type PreloadApi } from '../../../shared/contract';
import { electronHost } from '../../../src-renderer/bridge';

/** A message event as the page's window would get it from the preload's window.postMessage. */
function message(source: unknown, data: unknown, ports: unknown[]) {
  return Object.assign(new Event('message'), { source, data, ports });
}

describe('the Electron bridge', () => {
  it("asks the preload for the sync worker's CRM port only once listening, and takes only this window's message with a port", async () => {
    const page = new EventTarget() as unknown as Window;
    const { port1, port2 } = new MessageChannel();
    const preload = {
      openCrmPort: vi.fn(() => {
        // The answer may come at once: the listener is already in place.
        page.dispatchEvent(message({}, CRM_PORT_CHANNEL, [port2]));
        page.dispatchEvent(message(page, 'something else', [port2]));
        page.dispatchEvent(message(page, CRM_PORT_CHANNEL, []));
        page.dispatchEvent(message(page, CRM_PORT_CHANNEL, [port1]));
      }),
    } as unknown as PreloadApi;
    const channel = await electronHost(preload, page).crmChannel();
    expect(preload.openCrmPort).toHaveBeenCalledTimes(1);
    expect(channel).toEqual({ kind: 'message-port', port: port1 });
    port1.close();
  });

  it('passes the contract calls through as the preload exposed them', () => {
    const call = vi.fn();
    const host = electronHost({ 'app:info': call, openCrmPort: () => {} } as unknown as PreloadApi, new EventTarget() as unknown as Window);
    void host['app:info']({});
    expect(call).toHaveBeenCalledWith({});
  });
});
