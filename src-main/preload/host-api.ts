// Only names.ts at run time: the sandboxed preload is one CJS file that may require
// nothing but 'electron', so zod and the schemas must stay out of this bundle.
import { CALL_NAMES, CRM_PORT_CHANNEL, EVENT_NAMES, type CallName, type EventName } from '../../shared/contract/names';
import type { CallInput, CallOutput, HostApi, PreloadApi, Result } from '../../shared/contract';

/** The slice of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string): void;
  on(channel: string, listener: (event: { ports?: readonly unknown[] }, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: PreloadApi): void;
}

/** The page's window as the preload sees it: only to hand over the CRM port. */
export interface PageWindowLike {
  postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void;
}

/** The global the renderer's bridge looks for (src-renderer/bridge). */
export const HOST_API_KEY = 'csHost';

type HostCalls = { [K in CallName]: HostApi[K] };

/**
 * One function per contract call and a typed `on` for contract events, never a generic
 * invoke/send: the page can reach exactly the channels main handles, and nothing else.
 */
export function createHostApi(ipcRenderer: IpcRendererLike, page: PageWindowLike): PreloadApi {
  const call =
    <K extends CallName>(name: K) =>
    (input: CallInput<K>) =>
      // Main validates the payload and always answers with a Result (see host/dispatch.ts).
      ipcRenderer.invoke(name, input) as Promise<Result<CallOutput<K>>>;
  const calls = Object.fromEntries(CALL_NAMES.map((name) => [name, call(name)])) as HostCalls;

  const eventNames: readonly string[] = EVENT_NAMES;
  // Main's answer to openCrmPort: the port goes on to the page's own window (a MessagePort
  // cannot be returned across the context bridge); src-renderer/bridge picks it up there.
  ipcRenderer.on(CRM_PORT_CHANNEL, (event) => {
    if (event.ports?.length === 1) page.postMessage(CRM_PORT_CHANNEL, '*', [...event.ports]);
  });
  return {
    ...calls,
    openCrmPort: () => ipcRenderer.send(CRM_PORT_CHANNEL),
    on(event: EventName, listener: (payload: never) => void) {
      if (!eventNames.includes(event)) throw new Error(`Unknown host event "${String(event).slice(0, 64)}".`);
      // The IpcRendererEvent stays here: it carries `sender`, which would hand the page ipcRenderer.
      const forward = (_event: unknown, payload: unknown) => listener(payload as never);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  };
}

export function exposeHostApi(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike, page: PageWindowLike): void {
  contextBridge.exposeInMainWorld(HOST_API_KEY, createHostApi(ipcRenderer, page));
}
