import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One address for several demo CRMs, as HubSpot serves every portal at `https://api.hubapi.com`
 * and the credential decides the portal: a request goes to the portal whose token its
 * `Authorization` header carries (else to the first). `served` counts what each portal got.
 */
export interface PortalProxy {
  url: string;
  served: Record<string, number>;
  stop(): Promise<void>;
}

export async function startPortalProxy(portals: Array<{ name: string; url: string; token: string }>): Promise<PortalProxy> {
  const served: Record<string, number> = Object.fromEntries(portals.map((p) => [p.name, 0]));
  const pick = (req: IncomingMessage) => portals.find((p) => req.headers.authorization === `Bearer ${p.token}`) ?? portals[0];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = pick(req);
    if (!target) return void res.writeHead(502).end();
    served[target.name] = (served[target.name] ?? 0) + 1;
    const to = new URL(req.url ?? '/', target.url);
    const out = request(to, { method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
