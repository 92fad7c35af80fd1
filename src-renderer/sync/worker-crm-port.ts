import type { CrmPort, CrmResult } from '../../shared/sync';
import type { Endpoint, FromWorker, ToWorker } from './protocol';

/** The CRM port inside the worker: each request is a message to the main thread and back. */
export function createWorkerCrmPort(endpoint: Endpoint<ToWorker, FromWorker>): CrmPort & { settle(id: number, result: CrmResult): void; failAll(message: string): void } {
  let nextId = 0;
  const pending = new Map<number, (r: CrmResult) => void>();
  return {
    request(request) {
      const id = ++nextId;
      return new Promise<CrmResult>((resolve) => {
        pending.set(id, resolve);
        endpoint.post({ type: 'crm:request', id, request });
      });
    },
    settle(id, result) {
      pending.get(id)?.(result);
      pending.delete(id);
    },
    /** On stop, in-flight requests end as transient failures; the outbox keeps their intents. */
    failAll(message) {
      for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'NETWORK', message } });
      pending.clear();
    },
  };
}
