import { CRM_PORT_CHANNEL, type CrmChannel, type HostApi, type PreloadApi } from '../../shared/contract';
import { createWebHost } from './web';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge; absent in a plain browser. */
    csHost?: PreloadApi;
  }
}

/**
 * The only code that finds the host. Features never see which one it is: the Electron
 * preload's object and the web host's HTTP client have the same `HostApi` type.
 */
export function connectHost(): HostApi {
  if (window.csHost) return electronHost(window.csHost);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="cs-host"]');
  const secret = meta?.dataset.secret;
  if (!secret) throw new Error('No host: the page was opened outside the desktop app and the web host.');
  const host = createWebHost(secret);
  // The web host has no desktop of its own: it asks the page to show notifications itself.
  host.on('onDidRequestNotification', (n) => {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    const shown = new Notification(n.title, { body: n.body, tag: n.id });
    shown.onclick = () => {
      window.focus();
      if (n.target) window.location.hash = `#${n.target}`;
    };
  });
  return host;
}

/**
 * The preload's object plus `crmChannel()`: the preload asks main for a MessagePort and posts
 * it to this window (a port cannot be a return value across the context bridge). Only a
 * message from this window itself carrying a port is taken, and the listener is in place
 * before the request goes out.
 */
export function electronHost(preload: PreloadApi, page: Window = window): HostApi {
  const crmChannel = () =>
    new Promise<CrmChannel>((resolve) => {
      const take = (ev: MessageEvent) => {
        const port = ev.ports[0];
        if (ev.source !== page || ev.data !== CRM_PORT_CHANNEL || !port) return;
        page.removeEventListener('message', take);
        resolve({ kind: 'message-port', port });
      };
      page.addEventListener('message', take);
      preload.openCrmPort();
    });
  return { ...preload, crmChannel };
}
