import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkHubspotUrl, HUBSPOT_API_BASE_URL } from '../../../shared/contract';
import { createHubspotUrlSetting, HUBSPOT_URL_FILE, hubspotUrlArg, hubspotUrlOption, UsageError } from '../../../src-main/crm/hubspot-url';

/**
 * The HubSpot API address rule (shared/contract/hubspot-url.ts), which `--hubspot-url`, the
 * contract and the Settings form all apply, and the setting kept in the data folder.
 */
describe('checkHubspotUrl', () => {
  it.each([
    ['https://api.hubapi.com', 'https://api.hubapi.com'],
    ['https://api.hubapi.com/', 'https://api.hubapi.com'],
    ['HTTPS://API.HubApi.COM//', 'https://api.hubapi.com'],
    ['https://api.hubapi.com:443', 'https://api.hubapi.com'],
    ['https://sandbox.example.com:8443/hubspot/v1/', 'https://sandbox.example.com:8443/hubspot/v1'],
    ['https://10.0.0.5', 'https://10.0.0.5'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://LocalHost:80/', 'http://localhost'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
    ['https://[2001:db8::1]:8443', 'https://[2001:db8::1]:8443'],
  ])('accepts %s as %s', (raw, url) => {
    expect(checkHubspotUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', 'the address is empty'],
    ['api.hubapi.com', 'must be an absolute address'],
    ['//api.hubapi.com', 'must be an absolute address'],
    ['https:api.hubapi.com', 'must be absolute: https://host'],
    ['https:/api.hubapi.com', 'must be absolute: https://host'],
    ['ftp://api.hubapi.com', 'must start with https://'],
    ['file:///etc/passwd', 'must start with https://'],
    ['javascript://x', 'must start with https://'],
    // A token must never travel in clear text over a network.
    ['http://api.hubapi.com', 'plain http:// is allowed only for this computer'],
    ['http://192.168.1.10:4010', 'plain http:// is allowed only for this computer'],
    ['http://127.0.0.2:4010', 'plain http:// is allowed only for this computer'],
    ['http://localhost.evil.example', 'plain http:// is allowed only for this computer'],
    ['http://[::2]:4010', 'plain http:// is allowed only for this computer'],
    ['https://user:pass@api.hubapi.com', 'user name or password'],
    ['https://user@api.hubapi.com', 'user name or password'],
    ['http://evil.example@127.0.0.1:4010', 'user name or password'],
    ['https://api.hubapi.com?hapikey=x', 'query'],
    ['https://api.hubapi.com/?', 'query'],
    ['https://api.hubapi.com#top', 'fragment'],
    ['https://api.hubapi.com/ ', 'spaces'],
    [' https://api.hubapi.com', 'spaces'],
    ['https://api.hubapi.com\n', 'line breaks'],
    ['https://bücher.example', 'non-ASCII'],
    ['https://api.hubapi.com\\@evil.example', 'backslashes'],
    ['https://', 'names no host'],
    ['https://:443', 'names no host'],
    ['https://api..hubapi.com', 'host name is not valid'],
    ['https://-api.hubapi.com', 'host name is not valid'],
    ['https://api_hubapi.com', 'host name is not valid'],
    ['https://api.hubapi.com.', 'host name is not valid'],
    ['https://999.1.1.1', 'IPv4 address is not valid'],
    ['https://127.1', 'IPv4 address is not valid'],
    ['https://010.0.0.1', 'IPv4 address is not valid'],
    ['https://crm.example.0', 'IPv4 address is not valid'],
    ['https://crm.0x7f', 'IPv4 address is not valid'],
    ['https://[::1', 'not valid'],
    ['https://[xyz::1]', 'IPv6 address in brackets is not valid'],
    ['https://api.hubapi.com:0', 'port must be a number from 1 to 65535'],
    ['https://api.hubapi.com:65536', 'port must be a number from 1 to 65535'],
    ['https://api.hubapi.com:', 'port must be a number from 1 to 65535'],
    ['https://api.hubapi.com:44x', 'port must be a number from 1 to 65535'],
    ['https://api.hubapi.com/a/../b', 'path may contain only'],
    ['https://api.hubapi.com/./crm', 'path may contain only'],
    ['https://api.hubapi.com/a//b', 'path may contain only'],
    ['https://api.hubapi.com/%2e%2e', 'path may contain only'],
    [`https://${'a'.repeat(2040)}.com`, 'too long'],
  ])('refuses %j: %s', (raw, problem) => {
    const r = checkHubspotUrl(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toContain(problem);
  });

  it.each([
    ['', 'empty'],
    ['crm.example.com', 'notAbsolute'],
    ['ftp://crm.example.com', 'scheme'],
    ['http://crm.example.com', 'plainHttp'],
    ['https://a:b@crm.example.com', 'credentials'],
    ['https://crm.example.com?x', 'query'],
    ['https://crm.example.com#x', 'fragment'],
    ['https://crm example.com', 'characters'],
    ['https://crm_example.com', 'host'],
    ['https://crm.example.com:99999', 'port'],
    ['https://crm.example.com/%2e', 'path'],
  ])("names the rule %j breaks (%s), so the form can say it in the user's language", (raw, code) => {
    expect(checkHubspotUrl(raw)).toMatchObject({ ok: false, code });
  });

  it('an accepted address reads the same to the URL parser: same scheme, host, port and path, nothing else', () => {
    const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
    const host = fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')),
      fc.constantFrom('127.0.0.1', 'localhost', '[::1]'),
    );
    const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });
    const path = fc.array(
      fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/).filter((s) => s !== '.' && s !== '..'),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.constantFrom('https', 'http', 'HTTPS'), host, port, path, fc.boolean(), (scheme, h, p, segs, slash) => {
        const raw = `${scheme}://${h}${p === undefined ? '' : `:${p}`}${segs.map((s) => `/${s}`).join('')}${slash ? '/' : ''}`;
        const r = checkHubspotUrl(raw);
        const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(h);
        if (scheme.toLowerCase() === 'http' && !loopback) return !r.ok;
        if (!r.ok) return /IPv4|host name/.test(r.problem);
        const parsed = new URL(raw);
        const expected = `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
        return r.url === expected && parsed.username === '' && parsed.search === '' && parsed.hash === '';
      }),
    );
  });
});

describe('--hubspot-url on the command line', () => {
  it.each([
    [['--hubspot-url', 'http://127.0.0.1:4010/'], 'http://127.0.0.1:4010'],
    [['--hubspot-url=https://sandbox.example.com/hubspot/'], 'https://sandbox.example.com/hubspot'],
    [['/opt/cs-workspace/cs-workspace', '--no-sandbox', '--data-dir', '/tmp/d', '--hubspot-url', 'http://localhost:4010'], 'http://localhost:4010'],
    [['/opt/cs-workspace/cs-workspace', '--data-dir', '/tmp/d'], null],
    [[], null],
  ])('%j → %s', (argv, url) => {
    expect(hubspotUrlArg(argv)).toBe(url);
  });

  it.each([
    [['--hubspot-url'], '--hubspot-url needs an address: --hubspot-url <url>'],
    [['--hubspot-url='], '--hubspot-url needs an address'],
    [['--hubspot-url', '--data-dir', '/tmp/d'], '--hubspot-url needs an address'],
    [['--hubspot-url', 'http://crm.example.com'], '--hubspot-url "http://crm.example.com" is refused: plain http:// is allowed only for this computer'],
    [['--hubspot-url=https://me:pw@crm.example.com'], 'user name or password'],
    [['--hubspot-url', 'https://crm.example.com/?portal=1'], 'query'],
  ])('%j is a usage error (exit code 2): %s', (argv, message) => {
    let error: unknown;
    try {
      hubspotUrlArg(argv);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toContain(message);
  });

  it('the web host checks its parsed value with the same rule', () => {
    expect(hubspotUrlOption('http://[::1]:4010/')).toBe('http://[::1]:4010');
    expect(() => hubspotUrlOption('http://10.1.1.1')).toThrow(UsageError);
  });
});

describe('the saved HubSpot API address (hubspot-api.json in the data folder)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cs-hubspot-setting-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const file = () => join(dataDir, HUBSPOT_URL_FILE);

  it("keeps the address for the next start, private to the user; HubSpot's own removes the file", () => {
    const setting = createHubspotUrlSetting({ dataDir });
    expect(setting.get()).toEqual({ url: HUBSPOT_API_BASE_URL, source: 'default', defaultUrl: HUBSPOT_API_BASE_URL });
    expect(setting.set('https://sandbox.example.com/hubspot')).toEqual({
      url: 'https://sandbox.example.com/hubspot',
      source: 'saved',
      defaultUrl: HUBSPOT_API_BASE_URL,
    });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ baseUrl: 'https://sandbox.example.com/hubspot' });
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(createHubspotUrlSetting({ dataDir }).get()).toMatchObject({ url: 'https://sandbox.example.com/hubspot', source: 'saved' });

    expect(setting.set(HUBSPOT_API_BASE_URL)).toMatchObject({ source: 'default' });
    expect(() => statSync(file())).toThrow();
    setting.set('http://127.0.0.1:4010');
    expect(setting.set(null)).toMatchObject({ url: HUBSPOT_API_BASE_URL, source: 'default' });
    expect(createHubspotUrlSetting({ dataDir }).get().source).toBe('default');
  });

  it.each([
    ['not JSON', 'https://crm.example.com'],
    ['an address the rule refuses', JSON.stringify({ baseUrl: 'http://crm.example.com' })],
    ['no address', JSON.stringify({ url: 'https://crm.example.com' })],
  ])("a file with %s is ignored (logged): HubSpot's own address is used", (_name, content) => {
    writeFileSync(file(), content);
    const logs: string[] = [];
    expect(createHubspotUrlSetting({ dataDir, log: (l) => logs.push(l) }).get()).toMatchObject({ url: HUBSPOT_API_BASE_URL, source: 'default' });
    expect(logs.join('\n')).toContain(`${HUBSPOT_URL_FILE} holds no valid address`);
  });

  it('refuses an address the rule refuses, even from a caller that skipped the contract', () => {
    const setting = createHubspotUrlSetting({ dataDir });
    expect(() => setting.set('http://crm.example.com')).toThrow('plain http:// is allowed only for this computer');
    expect(setting.get().source).toBe('default');
  });

  it('the command line wins over the saved address and cannot be changed', () => {
    createHubspotUrlSetting({ dataDir }).set('https://sandbox.example.com');
    const setting = createHubspotUrlSetting({ dataDir, commandLine: 'http://127.0.0.1:4010' });
    expect(setting.get()).toEqual({ url: 'http://127.0.0.1:4010', source: 'command-line', defaultUrl: HUBSPOT_API_BASE_URL });
    expect(() => setting.set('https://other.example.com')).toThrow(/set by the command line/);
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ baseUrl: 'https://sandbox.example.com' });
  });
});
