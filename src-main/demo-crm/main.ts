import { parseArgs } from 'node:util';
import { startDemoCrm } from './index';
import { randomBytes } from 'node:crypto';
import { randomDemoToken } from './http/auth';
import { DEMO_SCOPES } from './routes/account';
import type { SearchLag } from './faults';
import { isTier, type Tier } from './tier';
import type { DatasetKind } from './dataset/generate';

const USAGE =
  'usage: demo-crm --port <n> --data <dir> [--size small|medium|large] [--dataset standard|hostile] [--seed N] [--token T]... [--tier starter|professional|enterprise] [--portal-id N] [--search-lag off|MS|MIN-MAX] [--no-uri-limit] [--no-rate-limits] [--access-token-ttl S] [--oauth-client-id ID] [--service-key SCOPE,SCOPE...]...';

function fail(message: string): never {
  process.stderr.write(`demo-crm: ${message}. ${USAGE}\n`);
  process.exit(2);
}

/** `--search-lag`: `off`/`0`, a fixed `ms`, or a range `min-max` (ms); default 1000-10000. */
function searchLag(raw: string | undefined): SearchLag | false | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'off') return false;
  const m = /^(\d+)(?:-(\d+))?$/.exec(raw);
  const minMs = Number(m?.[1]);
  const maxMs = Number(m?.[2] ?? m?.[1]);
  if (!m || minMs > maxMs || maxMs > 600_000) fail(`--search-lag must be off, <ms> or <min>-<max> (ms, at most 600000), got "${raw}"`);
  return { minMs, maxMs };
}

function options(): {
  port: number;
  dataDir: string;
  size: 'small' | 'medium' | 'large';
  dataset: DatasetKind;
  seed: number;
  token: string;
  tokens: string[];
  tier: Tier;
  portalId?: number;
  uriLimit: boolean;
  rateLimits?: false;
  searchLag?: SearchLag | false;
  accessTokenTtlS?: number;
  oauthClientId?: string;
  serviceKeys: { key: string; scopes: string[] }[];
} {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        size: { type: 'string' },
        dataset: { type: 'string' },
        seed: { type: 'string' },
        // Repeatable: the first is the main token, the others more clients of the same portal.
        token: { type: 'string', multiple: true },
        tier: { type: 'string' },
        'portal-id': { type: 'string' },
        'no-uri-limit': { type: 'boolean' },
        'no-rate-limits': { type: 'boolean' },
        'search-lag': { type: 'string' },
        'access-token-ttl': { type: 'string' },
        'oauth-client-id': { type: 'string' },
        'service-key': { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const port = Number(values.port ?? '4010');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got "${values.port}"`);
  if (!values.data) fail('--data <dir> is required');
  const size = values.size ?? 'small';
  if (size !== 'small' && size !== 'medium' && size !== 'large') fail(`--size must be small, medium or large, got "${size}"`);
  const dataset = values.dataset ?? 'standard';
  if (dataset !== 'standard' && dataset !== 'hostile') fail(`--dataset must be standard or hostile, got "${dataset}"`);
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(seed)) fail(`--seed must be an integer, got "${values.seed}"`);
  // Without --token each start makes its own (printed below), so no fixed token opens every demo CRM.
  const [token = randomDemoToken(), ...tokens] = values.token ?? [];
  if (token === '' || tokens.includes('')) fail('--token must not be empty');
  const tier = values.tier ?? 'professional';
  if (!isTier(tier)) fail(`--tier must be starter, professional or enterprise, got "${tier}"`);
  const portalId = values['portal-id'] === undefined ? undefined : Number(values['portal-id']);
  if (portalId !== undefined && !(Number.isSafeInteger(portalId) && portalId > 0)) fail(`--portal-id must be a positive integer, got "${values['portal-id']}"`);
  const lag = searchLag(values['search-lag']);
  const ttl = values['access-token-ttl'] === undefined ? undefined : Number(values['access-token-ttl']);
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0))
    fail(`--access-token-ttl must be a positive number of seconds, got "${values['access-token-ttl']}"`);
  const serviceKeys = (values['service-key'] ?? []).map((list) => {
    const scopes = list.split(',').filter(Boolean);
    const unknown = scopes.filter((x) => !DEMO_SCOPES.includes(x));
    if (unknown.length > 0) fail(`--service-key takes scopes among ${DEMO_SCOPES.join(', ')}; unknown: ${unknown.join(', ')}`);
    return { key: `demo-sk-${randomBytes(24).toString('base64url')}`, scopes };
  });
  return {
    port,
    dataDir: values.data,
    size,
    dataset,
    seed,
    token,
    tokens,
    tier,
    ...(portalId === undefined ? {} : { portalId }),
    uriLimit: !values['no-uri-limit'],
    ...(values['no-rate-limits'] ? { rateLimits: false as const } : {}),
    ...(lag === undefined ? {} : { searchLag: lag }),
    ...(ttl === undefined ? {} : { accessTokenTtlS: ttl }),
    ...(values['oauth-client-id'] ? { oauthClientId: values['oauth-client-id'] } : {}),
    serviceKeys,
  };
}

const opts = options();
startDemoCrm(opts).then(
  (crm) => {
    process.stdout.write(`Demo CRM listening on ${crm.url} (token: ${crm.token})\n`);
    for (const k of opts.serviceKeys) process.stdout.write(`Service key ${k.key} (scopes: ${k.scopes.join(' ') || 'none'})\n`);
    const stop = (): void => {
      crm.close().then(
        () => process.exit(0),
        (e: unknown) => {
          process.stderr.write(`demo-crm: ${String(e)}\n`);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (e: unknown) => {
    process.stderr.write(`demo-crm: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
