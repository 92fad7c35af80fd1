/**
 * Electron's own types, re-exported for tests/support/fake-electron.ts: lint forbids tests
 * to name the `electron` module at all (even `import type`), so its types reach them here.
 * Type-only: nothing of Electron is loaded by importing this file.
 */
export type { BrowserWindowConstructorOptions, HeadersReceivedResponse, NotificationConstructorOptions } from 'electron';
