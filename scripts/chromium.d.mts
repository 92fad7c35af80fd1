/** Debian's Chromium. */
export declare const DEBIAN_CHROMIUM: string;
/** Debian's Chromium headless shell. */
export declare const DEBIAN_HEADLESS_SHELL: string;
/** One line: how to get a Chromium for the end-to-end tests. */
export declare const NO_BROWSER: string;
/** One line: the end-to-end tests run without the headless shell, and how to get it. */
export declare const NO_HEADLESS_SHELL: string;
interface Where {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  debian?: string;
}
/** The Chromium the end-to-end tests run in, or null when there is none. */
export declare function findChromium(where?: Where & { playwright?: () => string | null }): string | null;
/** Chromium's headless shell, or null when there is none. */
export declare function findHeadlessShell(where?: Where): string | null;
