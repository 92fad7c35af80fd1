/**
 * How a HubSpot call travels: the request and answer of the host contract's `crm:request`, and
 * the port that carries them (the host bridge in the app, the real gateway in tests).
 */

export interface CrmRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  bucket?: 'standard' | 'search';
  /** `background`: bulk reads the gateway paces below the client's full rate (shared/sync/rate-budget.ts). */
  priority?: 'normal' | 'background';
  /** The HubSpot portal whose local store sends it: the host refuses it once connected to another (docs/oauth.md). */
  portalId?: number;
}

export interface CrmResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The portal's daily budget as the gateway last saw it (rate-budget.ts); absent until an answer stated it (shared/sync/rate-budget.ts). */
  budget?: { daily: number; dailyRemaining: number; dailyLow: boolean };
}

export type CrmResult = { ok: true; data: CrmResponse } | { ok: false; error: { code: string; message: string } };

/** How the sync reaches the CRM: through the host bridge in the app, the real gateway in tests. */
export interface CrmPort {
  request(req: CrmRequest): Promise<CrmResult>;
}
