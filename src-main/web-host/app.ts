import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createConnectionManager, memoryConnectionStore, type ConnectionManager } from '../crm/connection';
import { createCrmGateway, createCrmTransport, type CrmConnection } from '../crm/gateway';
import { createHubspotUrlSetting } from '../crm/hubspot-url';
import { RateLimiter } from '../crm/rate-limiter';
import { oauthConfigFor, readOAuthFile, type OAuthFile } from '../crm/oauth/config';
import { startDemoCrm, type DemoCrm, type DemoCrmOptions } from '../demo-crm';
import { createLogTail, processDiagnostics } from '../host/diagnostics';
import { createDispatcher, type Dispatch } from '../host/dispatch';
import { createExportStore } from '../host/export-files';
import { createHostHandlers } from '../host/handlers';
import { createFileLog } from '../logging/file-log';
import { linkScheme } from '../../shared/contract';
import type { ExternalOpener } from '../host/services';
import { PortInUseError, savedPort, savePort } from './origin';
import { startWebHost, type WebHost } from './server';

export interface WebHostAppOptions {
  dataDir: string;
  rootDir: string;
  /**
   * The port to serve on. Omitted: the port this data folder was served on before
   * (`web-host.json`), so the page keeps its origin and with it the browser's local store;
   * a free one on the first start. The first port used is saved; a later `port` that
   * differs serves this start only (`movedFrom` says so) and the saved origin stays.
   */
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
  /**
   * Where "Connect HubSpot" checks and uses the token, as `--hubspot-url` sets it: it wins over
   * the address saved in Settings (`hubspot-api.json` in the data folder), which Settings then
   * shows read-only. Omitted: the saved address, else https://api.hubapi.com. Tests point it
   * at a demo CRM.
   */
  hubspotBaseUrl?: string;
  /** Hands links to the OS; the default uses the platform's opener command. */
  opener?: ExternalOpener;
  /**
   * The client's own request ceilings per bucket (rate-limiter.ts DEFAULT_LIMITS when omitted).
   * End-to-end tests that are not about rate limits lift them, with the demo CRM's limits off.
   */
  crmLimits?: ConstructorParameters<typeof RateLimiter>[0];
  /** "Sign in with HubSpot" settings; the default reads `oauth.json` in the data folder (null: off). */
  oauth?: OAuthFile | null;
  /** Hands the sign-in's authorize page to the browser; the default is `opener` (tests play the browser). */
  openSignIn?: (url: string) => Promise<void>;
}

export interface WebHostApp {
  host: WebHost;
  /** The port this data folder was served on before, when this start had to use another (`--port`). */
  movedFrom: number | null;
  demoCrm: DemoCrm | null;
  connections: ConnectionManager;
  close(): Promise<void>;
}

/** Wires the web host: the same contract handlers as Electron, with Node implementations of the services. */
export async function startWebHostApp(opts: WebHostAppOptions): Promise<WebHostApp> {
  await mkdir(opts.dataDir, { recursive: true });
  // Private to the user (0600) and rotated by size; lines carry no personal data.
  const fileLog = createFileLog({ file: join(opts.dataDir, 'logs', 'web-host.log') });
  const logTail = createLogTail();
  const log = (line: string) => {
    fileLog.log(line);
    logTail.push(line);
  };

  // The port first: when this data folder's port is taken (another host on the same folder,
  // most likely), nothing else starts — above all not a second demo CRM on the same data.
  const saved = await savedPort(opts.dataDir);
  const port = opts.port ?? saved ?? 0;
  let ready: (dispatch: Dispatch) => void = () => {};
  const dispatching = new Promise<Dispatch>((resolve) => (ready = resolve));
  let host: WebHost;
  try {
    host = await startWebHost({ rootDir: opts.rootDir, dispatch: async (name, input) => (await dispatching)(name, input), port });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'EADDRINUSE') throw new PortInUseError(port, opts.dataDir, port === saved);
    throw err;
  }
  const listening = Number(new URL(host.url).port);
  // The first port sticks: a one-off --port elsewhere does not move the data folder's origin.
  if (saved === null) await savePort(opts.dataDir, listening);
  const movedFrom = saved !== null && saved !== listening ? saved : null;

  let demoCrm: DemoCrm | null;
  try {
    demoCrm = opts.crm ? null : await startDemoCrm({ port: 0, ...opts.demoCrm, dataDir: join(opts.dataDir, 'demo-crm') });
  } catch (err) {
    await host.close();
    throw err;
  }
  const preconfigured: CrmConnection | null = opts.crm ?? (demoCrm ? { kind: 'demo', baseUrl: demoCrm.url, token: demoCrm.token } : null);
  // One transport: the connection checks and the sync share its limits and its retries.
  const transport = createCrmTransport(opts.crmLimits ? { limiter: new RateLimiter(opts.crmLimits) } : {});
  const opener = loggedOpener(opts.opener ?? systemOpener(log), log);
  // "Sign in with HubSpot" when the data folder's oauth.json sets it up (docs/oauth.md).
  const oauthFile = opts.oauth === undefined ? readOAuthFile(opts.dataDir) : opts.oauth;
  // The web host keeps the connection (and a HubSpot token) in this process's memory only.
  const connections: ConnectionManager = createConnectionManager({
    ...(oauthFile
      ? { oauth: { config: (base: string) => oauthConfigFor(oauthFile, base), openBrowser: opts.openSignIn ?? ((url: string) => opener.open(url)) } }
      : {}),
    transport,
    store: memoryConnectionStore(),
    demo: demoCrm ? { start: async () => demoCrm } : null,
    hubspotUrl: createHubspotUrlSetting({ dataDir: opts.dataDir, commandLine: opts.hubspotBaseUrl, log }),
    initial: opts.startConnected === false ? null : preconfigured,
    log,
  });

  const appInfo = () => ({
    name: 'CS Workspace',
    version: opts.version,
    platform: process.platform,
    host: 'web' as const,
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
  });
  const handlers = createHostHandlers({
    appInfo,
    // No clipboard of its own: the page copies the text.
    diagnostics: processDiagnostics({ app: appInfo, crm: async () => connections.status(), recentLog: logTail.lines }),
    crm: createCrmGateway({ connection: connections, transport }),
    connections,
    // The page shows it with the browser's Notification API (the web host has no desktop of its own).
    notifier: {
      show: async (n) => {
        host.emit('onDidRequestNotification', n);
        return true;
      },
    },
    opener,
    // The web host runs beside the browser on loopback; reachability of the CRM shows in crm:request results.
    network: { isOnline: () => true },
    exports: createExportStore(opts.dataDir),
  });
  ready(createDispatcher(handlers, log));
  log(`web host listening on ${host.url}${movedFrom ? ` (this data folder was served on port ${movedFrom} before)` : ''}`);

  return {
    host,
    movedFrom,
    demoCrm,
    connections,
    async close() {
      await host.close();
      await demoCrm?.close();
      await fileLog.flush();
    },
  };
}

/**
 * Every link handed over is logged by its scheme only, never the link: mail addresses, phone
 * numbers and meeting links (often with a passcode) are personal data.
 */
function loggedOpener(opener: ExternalOpener, log: (line: string) => void): ExternalOpener {
  return {
    async open(url) {
      log(`open-external ${linkScheme(url)}`);
      await opener.open(url);
    },
  };
}

/** Opens allow-listed links with the platform's opener command. */
function systemOpener(log: (line: string) => void): ExternalOpener {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  return {
    async open(url) {
      const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
      child.on('error', (err) => log(`open-external ${linkScheme(url)} failed: ${(err as NodeJS.ErrnoException).code ?? 'error'}`));
      child.unref();
    },
  };
}
