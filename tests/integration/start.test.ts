import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const noElectron = mkdtempSync(join(tmpdir(), 'csw-no-electron-'));
const dirs: string[] = [noElectron];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  out: () => string;
  /** The URL printed, or the exit code when it stopped first. */
  outcome: Promise<{ url: string } | { exitCode: number | null }>;
  stop(): Promise<void>;
}

/** `npm start` (scripts/start.mjs) on a machine without Electron's binary. */
function start(args: string[]): Started {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    // An empty Electron folder: the launcher must find no binary, whatever this machine has.
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const outcome = new Promise<{ url: string } | { exitCode: number | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; output so far:\n${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /served at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode });
    });
  });
  return {
    child,
    out: () => out,
    outcome,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function urlOf(s: Started): Promise<string> {
  const o = await s.outcome;
  if (!('url' in o)) throw new Error(`exited with ${o.exitCode}:\n${s.out()}`);
  return o.url;
}

/**
 * `npm start` on a machine without Electron's binary: one line saying so, then the web host
 * serves the workspace (with the embedded demo CRM) from the data folder it was given.
 */
describe('npm start without the Electron binary', () => {
  it('explains itself in one line and serves the workspace', async () => {
    expect(existsSync('out/main/web-host.js'), 'run `npm run build` first (npm test does)').toBe(true);
    const dataDir = tempDir('csw-start-');
    const s = start(['--port', '0', '--data-dir', dataDir]);
    try {
      const url = await urlOf(s);
      const lines = s.out().trim().split('\n');
      expect(lines[0]).toMatch(/^Electron binary is not installed here .* web host instead\.$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
      expect(existsSync(join(dataDir, 'logs', 'web-host.log'))).toBe(true);
    } finally {
      await s.stop();
    }
  });

  // The browser keeps the local store (and the queued edits in it) per origin: a new port
  // would open an empty store and strand them.
  it('serves a data folder at the same address on every start, and says so clearly when that port is taken', async () => {
    const dataDir = tempDir('csw-origin-');
    const first = start(['--data-dir', dataDir]);
    let url: string;
    try {
      url = await urlOf(first);
      expect(JSON.parse(readFileSync(join(dataDir, 'web-host.json'), 'utf8'))).toEqual({ port: Number(new URL(url).port) });

      // A second host on the same data folder while the first runs: the port is taken.
      const second = start(['--data-dir', dataDir]);
      const outcome = await second.outcome;
      expect(outcome).toEqual({ exitCode: 1 });
      expect(second.out()).toContain(`Port ${new URL(url).port} is in use`);
      expect(second.out()).toContain('web-host.json');
      expect(second.out()).toContain('Another CS Workspace may be running on this data folder');
    } finally {
      await first.stop();
    }

    const again = start(['--data-dir', dataDir]);
    try {
      expect(await urlOf(again)).toBe(url);
    } finally {
      await again.stop();
    }
  });

  it('--hubspot-url points "Connect HubSpot" at another server; a bad one stops the start with exit code 2', async () => {
    const dataDir = tempDir('csw-hubspot-url-');
    const refused = start(['--data-dir', dataDir, '--hubspot-url', 'http://crm.example.com']);
    expect(await refused.outcome).toEqual({ exitCode: 2 });
    expect(refused.out()).toContain('--hubspot-url "http://crm.example.com" is refused: plain http:// is allowed only for this computer');
    // Refused before anything started: no port saved, no demo CRM data.
    expect(existsSync(join(dataDir, 'web-host.json'))).toBe(false);

    const s = start(['--port', '0', '--data-dir', dataDir, '--hubspot-url', 'http://127.0.0.1:4010/']);
    try {
      await urlOf(s);
      await expect.poll(() => s.out()).toContain('"Connect HubSpot" connects to http://127.0.0.1:4010 (--hubspot-url)');
    } finally {
      await s.stop();
    }
  });
});
