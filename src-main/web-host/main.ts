import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { hubspotUrlOption, UsageError } from '../crm/hubspot-url';
import { resolveDataDir } from '../data-dir';
import { startWebHostApp } from './app';
import { PortInUseError } from './origin';
import { DEMO_ACTIVITY_EVERY_MS } from '../demo-crm';

/**
 * `node out/main/web-host.js [--port N] [--data-dir DIR] [--hubspot-url URL]`: the workspace in
 * any browser on this machine. `--hubspot-url` points "Connect HubSpot" at a HubSpot-compatible
 * server (a sandbox proxy, the demo CRM: `npm run crm`).
 */
const here = import.meta.dirname;
let args;
try {
  args = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'hubspot-url': { type: 'string' } },
    allowPositionals: false,
  }).values;
} catch (err) {
  console.error(`web host: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
// Without --port: the port this data folder was served on before (see origin.ts).
const port = args.port === undefined ? undefined : Number(args.port);
if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
  console.error(`web host: --port must be a whole number from 0 to 65535, not "${args.port}"`);
  process.exit(2);
}
let hubspotUrl: string | undefined;
try {
  hubspotUrl = args['hubspot-url'] === undefined ? undefined : hubspotUrlOption(args['hubspot-url']);
} catch (err) {
  if (!(err instanceof UsageError)) throw err;
  console.error(`web host: ${err.message}`);
  process.exit(err.exitCode);
}
const pkg = JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string };
const dataDir = resolveDataDir(args['data-dir']);

let app;
try {
  app = await startWebHostApp({
    dataDir,
    rootDir: join(dirname(here), 'renderer'),
    ...(port === undefined ? {} : { port }),
    version: pkg.version,
    // A newcomer chooses: the demo CRM or HubSpot (the choice lasts until the host stops).
    startConnected: false,
    demoCrm: { activityEveryMs: DEMO_ACTIVITY_EVERY_MS },
    ...(hubspotUrl === undefined ? {} : { hubspotBaseUrl: hubspotUrl }),
  });
} catch (err) {
  if (!(err instanceof PortInUseError)) throw err;
  console.error(`web host: ${err.message}`);
  process.exit(1);
}
console.log(`CS Workspace is served at ${app.host.url}`);
if (app.movedFrom !== null) {
  console.log(
    `Note: this data folder was served at http://127.0.0.1:${app.movedFrom}/ before. Edits queued there stay in that address's browser storage; start without --port to go back to it.`,
  );
}
if (hubspotUrl !== undefined) console.log(`"Connect HubSpot" connects to ${hubspotUrl} (--hubspot-url)`);
if (app.demoCrm) console.log(`Demo CRM at ${app.demoCrm.url} (token: ${app.demoCrm.token}); data in ${dataDir}`);

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
