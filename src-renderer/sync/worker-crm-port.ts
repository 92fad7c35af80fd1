import type { CrmChannel, CrmPortAnswer, CrmPortRequest } from '../../shared/contract';
import type { CrmPort, CrmResult } from '../../shared/sync';
import { createWebHost } from '../bridge/web';

/**
 * The CRM port inside the worker, straight to the host (the UI thread never carries a CRM
 * request): over the MessagePort main handed out (Electron), or over HTTP to the web host.
 * `close` ends requests still in flight as transient failures; the outbox keeps their intents.
 */
export function createChannelCrmPort(channel: CrmChannel): CrmPort & { close(message: string): void } {
  const pending = new Map<number, (r: CrmResult) => void>();
  let nextId = 0;
  let send: (id: number, request: CrmPortRequest['request']) => void;

  if (channel.kind === 'message-port') {
    const { port } = channel;
    port.addEventListener('message', ({ data }) => {
      const answer = data as Partial<CrmPortAnswer> | null;
      if (typeof answer?.id === 'number' && answer.result) settle(answer.id, answer.result);
    });
    port.start();
    send = (id, request) => port.postMessage({ id, request } satisfies CrmPortRequest);
  } else {
    const host = createWebHost(channel.secret, channel.base);
    send = (id, request) => void host['crm:request'](request).then((result) => settle(id, result as CrmResult));
  }

  function settle(id: number, result: CrmResult) {
    pending.get(id)?.(result);
    pending.delete(id);
  }

  return {
    request(request) {
      const id = ++nextId;
      return new Promise<CrmResult>((resolve) => {
        pending.set(id, resolve);
        send(id, request);
      });
    },
    close(message) {
      for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'NETWORK', message } });
      pending.clear();
      if (channel.kind === 'message-port') channel.port.close();
    },
  };
}
