import type { z } from 'zod';
import type { CrmConnectRequest, CrmStatus } from '../../shared/contract';
import type { Identity } from './crm-user';
import type { ConnectionSource, CrmConnection, CrmTransport } from './gateway';
import type { HubspotUrlSetting, HubspotUrlState } from './hubspot-url';
import type { SessionClock } from './oauth/session';
import type { OAuthConfig } from './oauth/token-client';
import type { PortalStore } from './portals';

/**
 * What is remembered of a connection: the choice, and for HubSpot its token, the address the
 * token was checked against (the token is only ever sent there), the portal it belongs to, and
 * the user: picked in "Who are you?" for a pasted key (it belongs to the app, not to a user),
 * from the token's info when signed in with OAuth (`oauth` then holds the refresh token and
 * the access token's expiry). The demo CRM keeps its own signed-in user (`/__demo/whoami`).
 */
export type SavedConnection =
  | { kind: 'demo' }
  | {
      kind: 'hubspot';
      token: string;
      baseUrl: string;
      user?: Identity | null;
      portalId?: number | null;
      auth?: 'oauth' | 'service-key' | 'private-app';
      oauth?: { refreshToken: string; expiresAt: number };
    };

/**
 * Where the choice is kept: the Electron shell encrypts the token with safeStorage
 * (electron/connection-store.ts); the web host keeps it in process memory only.
 */
export interface ConnectionStore {
  load(): SavedConnection | null;
  /** Throws when it cannot keep the choice safely; the caller then changes nothing. */
  save(connection: SavedConnection | null): void;
}

export function memoryConnectionStore(initial: SavedConnection | null = null): ConnectionStore {
  let saved = initial;
  return {
    load: () => saved,
    save: (c) => {
      saved = c;
    },
  };
}

/** The embedded demo CRM, started on first use and kept running until the app quits. */
export interface DemoCrmLauncher {
  start(): Promise<{ url: string; token: string }>;
}

export interface ConnectionManagerOptions {
  store: ConnectionStore;
  /** The other connected HubSpot portals' credentials (one per portal); memory only when absent. */
  portals?: PortalStore;
  /** Null when this host has no embedded demo CRM. */
  demo: DemoCrmLauncher | null;
  /**
   * Where "Connect HubSpot" goes (`--hubspot-url`, else Settings, else HubSpot's own). A
   * plain `hubspotBaseUrl` fixes it, as `--hubspot-url` does (tests point it at a demo CRM).
   */
  hubspotUrl?: HubspotUrlSetting;
  hubspotBaseUrl?: string;
  /** Connected from the start (a host preconfigured with a CRM); not saved to the store. */
  initial?: CrmConnection | null;
  /** The one transport to the CRM (shared with the gateway); else one of its own with `fetch`/`timeoutMs`. */
  transport?: CrmTransport;
  fetch?: typeof fetch;
  timeoutMs?: number;
  log?: (line: string) => void;
  /**
   * "Sign in with HubSpot": the configuration for an API address (null: not set up), and the
   * host's safe external-link opener for the authorize page. Absent: sign-in is not offered.
   */
  oauth?: { config(apiBaseUrl: string): OAuthConfig | null; openBrowser(url: string): Promise<void>; clock?: SessionClock; signInTimeoutMs?: number };
}

export interface ConnectionManager extends ConnectionSource {
  /** The HubSpot user picked in "Who are you?" (the demo CRM answers for itself: null here). */
  identity(): Identity | null;
  /**
   * What `crm:status` answers. While a saved connection is being restored (the demo CRM
   * starting) it already says connected, so a returning user never sees the first-run screen.
   */
  status(): z.output<typeof CrmStatus>;
  /** Re-opens the saved connection at startup (starting the demo CRM if that was the choice). */
  restore(): Promise<void>;
  connect(req: z.output<typeof CrmConnectRequest>): Promise<z.output<typeof CrmStatus>>;
  disconnect(): Promise<z.output<typeof CrmStatus>>;
  /**
   * "Who are you?": checks the user against the CRM (unknown → INVALID_INPUT), resolves
   * their owner id, and keeps the choice with the connection; on any failure nothing changes.
   */
  setUser(userId: string): Promise<Identity>;
  /** The address the next "Connect HubSpot" uses, and where it comes from. */
  hubspotUrl(): HubspotUrlState;
  /**
   * Saves that address (null: HubSpot's own). A live connection keeps its address: the
   * change applies to the next "Connect HubSpot" (the renderer disconnects first, so a CRM
   * switch goes through its usual path). Refused while the command line sets it.
   */
  setHubspotUrl(url: string | null): Promise<HubspotUrlState>;
  /**
   * Makes a connected portal at the current address the current connection, with its kept
   * credential; the one it replaces is kept in turn. Unknown portal → INVALID_INPUT, nothing changes.
   */
  switchPortal(portalId: number): Promise<z.output<typeof CrmStatus>>;
}
