// Which Chromium the end-to-end tests run in. Ours come from Debian (`/usr/bin/chromium`);
// CHROMIUM_PATH names another; a browser Playwright installed itself is used when it is there.
// Most specs run in Chromium's headless shell (Debian's `chromium-headless-shell`, or
// CHROMIUM_HEADLESS_SHELL_PATH), the few that need the full browser in it (playwright.config.ts).
// Nothing is downloaded here.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

export const NO_BROWSER =
  "No Chromium for the end-to-end tests: install Debian's (`sudo apt-get install -y chromium`), or set CHROMIUM_PATH to a Chromium binary.";

/** Playwright's own Chromium, when `npx playwright install chromium` has put one on this machine. */
function playwrightChromium() {
  try {
    return createRequire(import.meta.url)('playwright-core').chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * The first browser that exists: CHROMIUM_PATH (when set, it must exist: a wrong path is not
 * silently replaced), else Debian's, else Playwright's own. Null when there is none.
 */
export function findChromium({ env = process.env, exists = existsSync, debian = DEBIAN_CHROMIUM, playwright = playwrightChromium } = {}) {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  if (exists(debian)) return debian;
  const own = playwright();
  return own && exists(own) ? own : null;
}

export const NO_HEADLESS_SHELL =
  'No Chromium headless shell: every end-to-end test runs in the full Chromium, about a third slower (`sudo apt-get install -y chromium-headless-shell`, or set CHROMIUM_HEADLESS_SHELL_PATH).';

/**
 * Chromium's headless shell: CHROMIUM_HEADLESS_SHELL_PATH (when set, it must exist), else
 * Debian's. Null when there is none; the full Chromium then runs every spec.
 */
export function findHeadlessShell({ env = process.env, exists = existsSync, debian = DEBIAN_HEADLESS_SHELL } = {}) {
  if (env.CHROMIUM_HEADLESS_SHELL_PATH) return exists(env.CHROMIUM_HEADLESS_SHELL_PATH) ? env.CHROMIUM_HEADLESS_SHELL_PATH : null;
  return exists(debian) ? debian : null;
}
