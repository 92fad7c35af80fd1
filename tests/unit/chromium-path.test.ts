import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** scripts/chromium.mjs, run as `npm test` runs it (a plain Node module outside the typed tree). */
function find(options: string, which: 'findChromium' | 'findHeadlessShell' = 'findChromium'): { found: string | null; message: string } {
  const message = which === 'findChromium' ? 'NO_BROWSER' : 'NO_HEADLESS_SHELL';
  const script = `import('./scripts/chromium.mjs').then((m) => console.log(JSON.stringify({ found: m.${which}(${options}), message: m.${message} })))`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return JSON.parse(res.stdout) as { found: string | null; message: string };
}

describe('the browser npm test runs the end-to-end tests in', () => {
  it("is Debian's Chromium when it is there", () => {
    expect(find(`{ env: {}, exists: (p) => p === '/usr/bin/chromium', playwright: () => '/pw/chrome' }`).found).toBe('/usr/bin/chromium');
  });

  it('falls back to a Chromium Playwright installed itself', () => {
    expect(find(`{ env: {}, exists: (p) => p === '/pw/chrome', playwright: () => '/pw/chrome' }`).found).toBe('/pw/chrome');
  });

  it('takes CHROMIUM_PATH when set, and never replaces a wrong one silently', () => {
    expect(find(`{ env: { CHROMIUM_PATH: '/opt/chromium' }, exists: () => true }`).found).toBe('/opt/chromium');
    expect(find(`{ env: { CHROMIUM_PATH: '/nope' }, exists: (p) => p !== '/nope' }`).found).toBeNull();
  });

  it('is none when there is none, and the one line says how to get one', () => {
    const { found, message } = find(`{ env: {}, exists: () => false, playwright: () => null }`);
    expect(found).toBeNull();
    expect(message).toMatch(/apt-get install -y chromium.*CHROMIUM_PATH/);
  });
});

describe('the headless shell most end-to-end specs run in', () => {
  it("is Debian's when it is there, else none (the full Chromium then runs every spec) with a line saying how to get it", () => {
    expect(find(`{ env: {}, exists: (p) => p === '/usr/bin/chromium-headless-shell' }`, 'findHeadlessShell').found).toBe('/usr/bin/chromium-headless-shell');
    const { found, message } = find(`{ env: {}, exists: (p) => p === '/usr/bin/chromium' }`, 'findHeadlessShell');
    expect(found).toBeNull();
    expect(message).toMatch(/apt-get install -y chromium-headless-shell/);
  });

  it('takes CHROMIUM_HEADLESS_SHELL_PATH when set, and never replaces a wrong one silently', () => {
    expect(find(`{ env: { CHROMIUM_HEADLESS_SHELL_PATH: '/opt/shell' }, exists: () => true }`, 'findHeadlessShell').found).toBe('/opt/shell');
    expect(find(`{ env: { CHROMIUM_HEADLESS_SHELL_PATH: '/nope' }, exists: (p) => p !== '/nope' }`, 'findHeadlessShell').found).toBeNull();
  });
});
