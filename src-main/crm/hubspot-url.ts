import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { checkHubspotUrl, HUBSPOT_API_BASE_URL, type HubspotUrlInfo } from '../../shared/contract';
import { argvOption, UsageError } from '../argv';
import { HostCallError } from '../host/dispatch';
import { writePrivateFileSync } from '../private-file';

export type HubspotUrlState = z.output<typeof HubspotUrlInfo>;

export { UsageError };

/** The value of `--hubspot-url`, checked and normalised (shared/contract/hubspot-url.ts); a bad one is a UsageError. */
export function hubspotUrlOption(value: string): string {
  const checked = checkHubspotUrl(value);
  if (!checked.ok) throw new UsageError(`--hubspot-url "${value.slice(0, 200)}" is refused: ${checked.problem}.`);
  return checked.url;
}

/**
 * `--hubspot-url <url>` or `--hubspot-url=<url>` in a raw argv (the Electron main process,
 * whose argv also carries Chromium's switches, so it is scanned like `--data-dir`); null
 * when absent. Checked and normalised; a missing or bad value is a UsageError.
 */
export function hubspotUrlArg(argv: readonly string[]): string | null {
  const value = argvOption(argv, 'hubspot-url', '--hubspot-url needs an address: --hubspot-url <url>, e.g. --hubspot-url http://127.0.0.1:4010');
  return value === null ? null : hubspotUrlOption(value);
}

/**
 * Where "Connect HubSpot" goes: `--hubspot-url` when given, else the address saved in
 * Settings, else HubSpot's own. Main owns it (it owns the network and the token), so it is
 * kept in the host's data folder, never in the page's storage.
 */
export interface HubspotUrlSetting {
  get(): HubspotUrlState;
  /** Saves an already normalised address (null: HubSpot's own). Throws when it cannot; nothing changes then. */
  set(url: string | null): HubspotUrlState;
}

/** A host whose HubSpot address is fixed from outside (`--hubspot-url`, a test's `hubspotBaseUrl`). */
export function fixedHubspotUrl(given: string | null | undefined): HubspotUrlSetting {
  const url = given ? hubspotUrlOption(given) : null;
  const state: HubspotUrlState = url
    ? { url, source: 'command-line', defaultUrl: HUBSPOT_API_BASE_URL }
    : { url: HUBSPOT_API_BASE_URL, source: 'default', defaultUrl: HUBSPOT_API_BASE_URL };
  return {
    get: () => state,
    set: () => {
      throw refusedByCommandLine(state);
    },
  };
}

function refusedByCommandLine(state: HubspotUrlState): HostCallError {
  return state.source === 'command-line'
    ? new HostCallError(
        'NOT_ALLOWED',
        `The HubSpot API address is set by the command line (--hubspot-url ${state.url}); start without it to change it here. Nothing was changed.`,
      )
    : new HostCallError('NOT_ALLOWED', 'This host cannot keep a HubSpot API address; nothing was changed.');
}

export const HUBSPOT_URL_FILE = 'hubspot-api.json';

/**
 * The setting in `<data-dir>/hubspot-api.json` (`{ "baseUrl": "…" }`, 0600; absent = HubSpot's
 * own). A command-line address wins and cannot be changed here. A file that does not hold a
 * valid address is ignored (logged), so a hand edit cannot point the token anywhere unchecked.
 */
export function createHubspotUrlSetting(opts: { dataDir: string; commandLine?: string | null; log?: (line: string) => void }): HubspotUrlSetting {
  if (opts.commandLine) return fixedHubspotUrl(opts.commandLine);
  const file = join(opts.dataDir, HUBSPOT_URL_FILE);
  const log = opts.log ?? (() => {});
  const stateOf = (saved: string | null): HubspotUrlState =>
    saved === null
      ? { url: HUBSPOT_API_BASE_URL, source: 'default', defaultUrl: HUBSPOT_API_BASE_URL }
      : { url: saved, source: 'saved', defaultUrl: HUBSPOT_API_BASE_URL };

  function load(): string | null {
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        log(`${HUBSPOT_URL_FILE} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); using ${HUBSPOT_API_BASE_URL}`);
      return null;
    }
    let value: unknown;
    try {
      value = (JSON.parse(raw) as { baseUrl?: unknown } | null)?.baseUrl;
    } catch {
      value = undefined;
    }
    const checked = typeof value === 'string' ? checkHubspotUrl(value) : null;
    if (!checked?.ok) {
      log(`${HUBSPOT_URL_FILE} holds no valid address${checked ? ` (${checked.problem})` : ''}; using ${HUBSPOT_API_BASE_URL}`);
      return null;
    }
    return checked.url;
  }

  let saved = load();
  return {
    get: () => stateOf(saved),
    set(url) {
      const checked = url === null ? null : checkHubspotUrl(url);
      if (checked && !checked.ok) throw new HostCallError('INVALID_INPUT', `The HubSpot API address is refused: ${checked.problem}. Nothing was changed.`);
      const next = checked === null || checked.url === HUBSPOT_API_BASE_URL ? null : checked.url;
      if (next === null) {
        rmSync(file, { force: true });
      } else {
        writePrivateFileSync(file, `${JSON.stringify({ baseUrl: next })}\n`);
      }
      saved = next;
      log(`HubSpot API address set to ${next ?? HUBSPOT_API_BASE_URL}`);
      return stateOf(saved);
    },
  };
}
