import type { CrmPort } from '../../../../shared/sync';

/** A port that can be cut off like a plane's network: requests fail with NETWORK. */
export function switchable(inner: CrmPort): CrmPort & { online: boolean } {
  const port = {
    online: true,
    request: (req: Parameters<CrmPort['request']>[0]) =>
      port.online ? inner.request(req) : Promise.resolve({ ok: false as const, error: { code: 'NETWORK', message: 'offline' } }),
  };
  return port;
}
