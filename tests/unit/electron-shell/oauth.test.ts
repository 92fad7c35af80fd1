import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OAUTH_FILE } from '../../../src-main/crm/oauth/config';
import { DEMO_CLIENT_ID } from '../../../src-main/demo-crm/oauth/routes';
import { startTestDemoCrm, type TestDemoCrm } from '../../support/demo-crm';
import { demoBrowser } from '../../support/oauth-browser';
import { tmp, useTempDir } from '../../support/temp-dir';
import { bootRunning } from './shell-harness';

/**
 * "Sign in with HubSpot" in the desktop app: offered when the data folder's oauth.json sets it
 * up, HubSpot's page opened in the system browser through the shell's checked link opener, and
 * the person and portal taken from the token. A real demo CRM plays HubSpot's API and token
 * endpoint (`--hubspot-url`); the page the fake shell "opens" is HubSpot's own address, which
 * the test's browser then answers at the demo CRM.
 */
const HUBSPOT_SIGN_IN = 'https://app.hubspot.com/oauth/authorize';

let hubspot: TestDemoCrm;
beforeAll(async () => {
  hubspot = await startTestDemoCrm({ portalId: 7770001 });
});
afterAll(() => hubspot.stop());
useTempDir('cs-shell-oauth-');
const dataDir = () => join(tmp, 'data');

const boot = () => bootRunning({ argv: ['/usr/bin/cs-workspace', '--data-dir', dataDir(), '--hubspot-url', hubspot.url] });
function setUp(file: unknown) {
  mkdirSync(dataDir(), { recursive: true });
  writeFileSync(join(dataDir(), OAUTH_FILE), JSON.stringify(file));
}

describe('Sign in with HubSpot in the desktop app', () => {
  it('signs in through the system browser: the person and portal come from the token, which is kept only encrypted', async () => {
    setUp({ clientId: DEMO_CLIENT_ID, authorizeUrl: HUBSPOT_SIGN_IN, tokenUrl: `${hubspot.url}/oauth/v1/token` });
    const { electron, shell, call } = await boot();
    await shell.crmReady;
    expect(await call('crm:status', {})).toMatchObject({ ok: true, data: { connected: false, oauthAvailable: true } });

    const connecting = call('crm:connect', { kind: 'hubspot-oauth' });
    await expect.poll(() => electron.shell.opened.length).toBe(1);
    const opened = electron.shell.opened[0] ?? '';
    expect(opened.startsWith(`${HUBSPOT_SIGN_IN}?`)).toBe(true);
    expect(new URL(opened).searchParams.get('code_challenge_method')).toBe('S256');
    expect(await demoBrowser(opened.replace(HUBSPOT_SIGN_IN, `${hubspot.url}/oauth/authorize`), '1000003')).toBe(200);

    expect(await connecting).toMatchObject({ ok: true });
    expect(await call('crm:status', {})).toMatchObject({ ok: true, data: { connected: true, kind: 'hubspot', auth: 'oauth', portalId: 7770001 } });
    const written = readdirSync(dataDir(), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
      .join('\n');
    expect(written).not.toMatch(/"(accessToken|refreshToken|token)":\s*"[^"]/);
  });

  it('without oauth.json it is not offered; a broken one is logged and the app still starts', async () => {
    const plain = await boot();
    expect(await plain.call('crm:status', {})).toMatchObject({ ok: true, data: { connected: false } });
    expect(await plain.call('crm:status', {})).not.toMatchObject({ data: { oauthAvailable: true } });

    setUp({ clientId: 'not a client id!' });
    const broken = await boot();
    expect(await broken.call('crm:status', {})).not.toMatchObject({ data: { oauthAvailable: true } });
    expect(broken.logs.some((l) => l.startsWith('Sign in with HubSpot is off:'))).toBe(true);
  });
});
