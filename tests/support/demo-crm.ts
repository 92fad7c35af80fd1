import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoCrm, type DemoCrm, type DemoCrmOptions } from '../../src-main/demo-crm';

/** A fixed "now" for tests that depend on today: Friday 27 Nov 2026, 10:00 in Warsaw. */
export const TEST_NOW = Date.UTC(2026, 10, 27, 9, 0);
export const TEST_ZONE = 'Europe/Warsaw';

/** A clock that starts at `start` and then moves with real time, so successive writes get later timestamps. */
export function advancingClock(start = TEST_NOW): () => number {
  const t0 = Date.now();
  return () => start + (Date.now() - t0);
}

export interface TestDemoCrm extends DemoCrm {
  dataDir: string;
  /** Authorized fetch against the demo CRM (JSON body when given). */
  api(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Closes the server and deletes its temporary data dir. */
  stop(): Promise<void>;
}

/**
 * Starts the demo CRM in-process on a free port with a temp data dir (or the given one).
 * Defaults: small dataset, fixed advancing clock from TEST_NOW in Europe/Warsaw, rate limits off.
 */
export async function startTestDemoCrm(opts: Partial<DemoCrmOptions> = {}): Promise<TestDemoCrm> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'demo-crm-'));
  const crm = await startDemoCrm({ port: 0, now: advancingClock(), timeZone: TEST_ZONE, rateLimits: false, ...opts, dataDir });
  return {
    ...crm,
    dataDir,
    api: (path, init = {}) =>
      fetch(`${crm.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { Authorization: `Bearer ${crm.token}`, 'Content-Type': 'application/json', ...init.headers },
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      }),
    stop: async () => {
      await crm.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates the app's unique `cs_client_id` property on `types` as an admin would
 * (`POST /crm/v3/properties/{type}`): a fresh portal has no such property.
 */
export async function createClientIdProperty(crm: TestDemoCrm, types: readonly string[]): Promise<void> {
  for (const type of types) {
    const res = await crm.api(`/crm/v3/properties/${type}`, {
      body: { name: 'cs_client_id', label: 'CS Workspace client id', type: 'string', fieldType: 'text', groupName: 'cs_workspace', hasUniqueValue: true },
    });
    if (res.status !== 201) throw new Error(`creating cs_client_id on ${type}: ${res.status} ${await res.text()}`);
  }
}
