import { spawn } from 'node:child_process';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnectionManager, memoryConnectionStore, type ConnectionManager } from '../crm/connection';
import { createCrmGateway, type CrmConnection } from '../crm/gateway';
import { startDemoCrm, type DemoCrm, type DemoCrmOptions } from '../demo-crm';
import { createDispatcher } from '../host/dispatch';
import { createHostHandlers } from '../host/handlers';
import type { ExternalOpener } from '../host/services';
import { startWebHost, type WebHost } from './server';

export interface WebHostAppOptions {
  dataDir: string;
  rootDir: string;
  port?: number;
  version: string;
  /** Use this CRM instead of starting the embedded demo CRM. */
  crm?: CrmConnection;
  /** Options for the embedded demo CRM (tests fix its clock and size). */
  demoCrm?: Omit<DemoCrmOptions, 'dataDir'>;
  /**
   * Open already connected (to `crm`, else to the embedded demo CRM) — what tests and the
   * benchmarks want. False shows the first-run "Connect" screen, as a newcomer sees it
   * (`npm start`). Default true.
   */
  startConnected?: boolean;
  /** Where "Connect HubSpot" checks and uses the token (default https://api.hubapi.com); tests point it at a demo CRM. */
  hubspotBaseUrl?: string;
  /** Hands links to the OS; the default uses the platform's opener command. */
  opener?: ExternalOpener;
}

export interface WebHostApp {
  host: WebHost;
  demoCrm: DemoCrm | null;
  connections: ConnectionManager;
  close(): Promise<void>;
}

/** Wires the web host: the same contract handlers as Electron, with Node implementations of the services. */
export async function startWebHostApp(opts: WebHostAppOptions): Promise<WebHostApp> {
  await mkdir(join(opts.dataDir, 'logs'), { recursive: true });
  const logFile = join(opts.dataDir, 'logs', 'web-host.log');
  const log = (line: string) => {
    void appendFile(logFile, `${new Date().toISOString()} ${line}\n`).catch(() => {});
  };

  const demoCrm = opts.crm ? null : await startDemoCrm({ port: 0, ...opts.demoCrm, dataDir: join(opts.dataDir, 'demo-crm') });
  const preconfigured: CrmConnection | null = opts.crm ?? (demoCrm ? { kind: 'demo', baseUrl: demoCrm.url, token: demoCrm.token } : null);
  // The web host keeps the connection (and a HubSpot token) in this process's memory only.
  const connections: ConnectionManager = createConnectionManager({
    store: memoryConnectionStore(),
    demo: demoCrm ? { start: async () => demoCrm } : null,
    hubspotBaseUrl: opts.hubspotBaseUrl,
    initial: opts.startConnected === false ? null : preconfigured,
    log,
  });

  let host: WebHost | null = null;
  const opener = opts.opener ?? systemOpener(log);
  const handlers = createHostHandlers({
    appInfo: () => ({
      name: 'CS Workspace',
      version: opts.version,
      platform: process.platform,
      host: 'web',
      locale: Intl.DateTimeFormat().resolvedOptions().locale,
    }),
    crm: createCrmGateway({ connection: connections }),
    connections,
    // The page shows it with the browser's Notification API (the web host has no desktop of its own).
    notifier: {
      show: async (n) => {
        host?.emit('onDidRequestNotification', n);
        return host !== null;
      },
    },
    opener,
    // The web host runs beside the browser on loopback; reachability of the CRM shows in crm:request results.
    network: { isOnline: () => true },
  });
  host = await startWebHost({ rootDir: opts.rootDir, dispatch: createDispatcher(handlers, log), port: opts.port });
  log(`web host listening on ${host.url}`);

  return {
    host,
    demoCrm,
    connections,
    async close() {
      await host?.close();
      await demoCrm?.close();
    },
  };
}

/** Opens allow-listed links with the OS; every link handed over is logged in the data folder. */
function systemOpener(log: (line: string) => void): ExternalOpener {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  return {
    async open(url) {
      log(`open-external ${url}`);
      const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
      child.on('error', (err) => log(`open-external failed: ${err.message}`));
      child.unref();
    },
  };
}
