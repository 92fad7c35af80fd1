/**
 * Where "Connect HubSpot" sends the token and every CRM call: HubSpot's API host, or any
 * HubSpot-compatible server (a sandbox proxy, the demo CRM). The one rule for that address,
 * shared by the command line (`--hubspot-url`), the contract (`crm:setHubspotUrl`) and the
 * Settings form, so all three accept and refuse the same values.
 *
 * No `URL` here: shared/ has neither DOM nor Node types, and the address is judged by the
 * narrow shape we accept rather than by what a URL parser would repair.
 */

/** HubSpot's API host: the address unless the user or the command line names another. */
export const HUBSPOT_API_BASE_URL = 'https://api.hubapi.com';

/** Hosts that plain `http:` may name: a token must never travel in clear text over a network. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '[::1]', 'localhost'] as const;

export const HUBSPOT_URL_MAX_LENGTH = 2048;

/** Which rule a refused address breaks, for a translated message (the form); `problem` says it in English (command line, contract). */
export type HubspotUrlProblem =
  'empty' | 'tooLong' | 'characters' | 'notAbsolute' | 'scheme' | 'credentials' | 'query' | 'fragment' | 'host' | 'port' | 'plainHttp' | 'path';

export type HubspotUrlCheck = { ok: true; url: string } | { ok: false; code: HubspotUrlProblem; problem: string };

const fail = (code: HubspotUrlProblem, problem: string): HubspotUrlCheck => ({ ok: false, code, problem });

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

function hostProblem(host: string): string | null {
  if (host.startsWith('[')) {
    return /^\[[0-9a-f:]{2,39}\]$/.test(host) && host.includes(':') ? null : 'the IPv6 address in brackets is not valid';
  }
  if (host === '') return 'the address names no host';
  if (host.length > 253) return 'the host name is too long';
  const labels = host.split('.');
  if (!labels.every((l) => HOST_LABEL.test(l))) return 'the host name is not valid (letters, digits, dots and hyphens only)';
  // A host ending in a number is read as an IPv4 address by URL parsers (`a.0`, `127.1`,
  // `0x7f.1`): only four plain numbers 0–255 are accepted, so what is shown is what is used.
  if (
    /^(?:[0-9]+|0x[0-9a-f]*)$/.test(labels.at(-1) ?? '') &&
    (labels.length !== 4 || !labels.every((l) => /^(?:0|[1-9][0-9]{0,2})$/.test(l) && Number(l) <= 255))
  ) {
    return 'the IPv4 address is not valid';
  }
  return null;
}

/**
 * Checks an address and returns it normalised: scheme and host in lower case, no default
 * port, no trailing slash. Accepted: `https://host[:port][/path]`, and `http://` only for
 * 127.0.0.1, [::1] and localhost. Refused: anything else, credentials (`user:pass@`),
 * a query or fragment, spaces, backslashes, non-ASCII characters, percent-encoding and dot
 * segments in the path. The problem is worded for the person who typed the value.
 */
export function checkHubspotUrl(raw: string): HubspotUrlCheck {
  if (raw === '') return fail('empty', 'the address is empty');
  if (raw.length > HUBSPOT_URL_MAX_LENGTH) return fail('tooLong', `the address is too long (at most ${HUBSPOT_URL_MAX_LENGTH} characters)`);
  if ([...raw].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) >= 0x7f)) {
    return fail('characters', 'the address may not contain spaces, line breaks or non-ASCII characters');
  }
  if (raw.includes('\\')) return fail('characters', 'the address may not contain backslashes');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(\/\/)?([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(raw);
  if (!m) return fail('notAbsolute', 'the address must be an absolute address like https://api.hubapi.com');
  const [, schemeRaw = '', slashes, authority = '', path = '', query, fragment] = m;
  const scheme = schemeRaw.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return fail('scheme', 'the address must start with https:// (or http:// for this computer)');
  if (!slashes) return fail('notAbsolute', `the address must be absolute: ${scheme}://host`);
  if (authority.includes('@')) return fail('credentials', 'the address may not contain a user name or password (…@)');
  if (query !== undefined) return fail('query', 'the address may not contain a query (?…)');
  if (fragment !== undefined) return fail('fragment', 'the address may not contain a fragment (#…)');

  const hp = /^(\[[^\]]*\]|[^:]*)(?::([^:]*))?$/.exec(authority);
  if (!hp) return fail('host', 'the host and port are not valid');
  const host = (hp[1] ?? '').toLowerCase();
  const problem = hostProblem(host);
  if (problem) return fail('host', problem);
  let port = '';
  if (hp[2] !== undefined) {
    if (!/^[0-9]{1,5}$/.test(hp[2]) || Number(hp[2]) < 1 || Number(hp[2]) > 65535) return fail('port', 'the port must be a number from 1 to 65535');
    const n = Number(hp[2]);
    if (!((scheme === 'https' && n === 443) || (scheme === 'http' && n === 80))) port = `:${n}`;
  }
  if (scheme === 'http' && !(LOOPBACK_HOSTS as readonly string[]).includes(host)) {
    return fail(
      'plainHttp',
      'plain http:// is allowed only for this computer (127.0.0.1, ::1, localhost); use https:// so the token is never sent unencrypted',
    );
  }

  const segments = path.replace(/\/+$/, '').split('/').slice(1);
  if (path !== '' && !path.startsWith('/')) return fail('path', 'the path is not valid');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || !PATH_SEGMENT.test(s))) {
    return fail('path', 'the path may contain only letters, digits and - . _ ~ between single slashes (no dot segments or %-encoding)');
  }
  return { ok: true, url: `${scheme}://${host}${port}${segments.map((s) => `/${s}`).join('')}` };
}

/** The normalised address, or null when it is refused (the form and the contract say why with checkHubspotUrl). */
export function normaliseHubspotUrl(raw: string): string | null {
  const r = checkHubspotUrl(raw);
  return r.ok ? r.url : null;
}
