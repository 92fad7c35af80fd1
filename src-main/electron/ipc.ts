import { CALL_NAMES, CRM_PORT_CHANNEL, type EventName, type EventPayload, type Result } from '../../shared/contract';
import type { Dispatch } from '../host/dispatch';
import { serveCrmPort, type MessageChannelMainCtor } from './crm-port';
import type { HostEvents } from '../host/services';
import type { AppUrl } from './app-url';
import type { ContentsLike } from './main-window';

/** What the sender check reads from Electron's IpcMainInvokeEvent. */
export interface InvokeEventLike {
  readonly sender: unknown;
  /** Null when the frame navigated away or was destroyed before the call arrived. */
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
  on(channel: string, listener: (event: InvokeEventLike) => void): unknown;
  removeAllListeners(channel: string): unknown;
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  appUrl: AppUrl;
  /** The main window's WebContents, the only sender we answer. */
  mainContents: () => ContentsLike | null;
  /** Electron's MessageChannelMain: the sync worker's CRM line (`crm:port`). */
  MessageChannelMain: MessageChannelMainCtor;
}

/**
 * One handler per contract call, never a generic channel. Main trusts nothing that crosses
 * the bridge: the sender must be our window's top frame showing our page (not an iframe,
 * not a page it was navigated to), and the dispatcher zod-parses the payload.
 * Returns a function that removes the handlers.
 */
export function registerIpc({ ipcMain, dispatch, appUrl, mainContents, MessageChannelMain }: IpcDeps): () => void {
  const isTrustedSender = (event: InvokeEventLike): boolean => {
    const contents = mainContents();
    const frame = event.senderFrame;
    return contents !== null && event.sender === contents && frame !== null && frame.parent === null && appUrl.isAppUrl(frame.url);
  };

  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, payload) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: `${name} refused: the call did not come from the CS Workspace window.` } };
      }
      return dispatch(name, payload);
    });
  }
  // The sync worker's own line to `crm:request`, so a large pull does not pass through the UI
  // thread: a new port per request (a reload asks again), handed to the trusted window only.
  ipcMain.on(CRM_PORT_CHANNEL, (event) => {
    const contents = mainContents();
    if (!contents || !isTrustedSender(event)) return;
    const { port1, port2 } = new MessageChannelMain();
    serveCrmPort(port2, dispatch);
    contents.postMessage(CRM_PORT_CHANNEL, null, [port1]);
  });
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(name);
    ipcMain.removeAllListeners(CRM_PORT_CHANNEL);
  };
}

/** Host events go to the main window only; with no live window they are dropped (nobody listens). */
export function createWindowEvents(mainContents: () => ContentsLike | null): HostEvents {
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      const contents = mainContents();
      if (contents && !contents.isDestroyed()) contents.send(event, payload);
    },
  };
}
