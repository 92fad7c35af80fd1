import type { CrmPortAnswer } from '../../shared/contract';
import type { Dispatch } from '../host/dispatch';

/** The slice of Electron's MessagePortMain used here (Node-style events). */
export interface MessagePortMainLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
}

export type MessageChannelMainCtor = new () => { port1: MessagePortMainLike; port2: MessagePortMainLike };

/**
 * Main's end of the sync worker's CRM line: every message `{ id, request }` is one
 * `crm:request`, run through the same dispatcher as an IPC call (so the input is validated
 * against the contract and every failure is a Result), and answered `{ id, result }`.
 * Anything else on the port is ignored: only our page holds the other end.
 */
export function serveCrmPort(port: MessagePortMainLike, dispatch: Dispatch): void {
  port.on('message', ({ data }) => {
    const id = (data as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return;
    void dispatch('crm:request', (data as { request?: unknown }).request).then((result) =>
      port.postMessage({ id, result: result as CrmPortAnswer['result'] } satisfies CrmPortAnswer),
    );
  });
  port.start();
}
