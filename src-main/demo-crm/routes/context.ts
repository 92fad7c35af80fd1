import type { Faults } from '../faults';
import type { RateLimiter } from '../http/rate-limit';
import type { Req } from '../http/router';
import { findUser } from '../schema/users';
import type { Store } from '../store/store';
import type { WriteSource } from '../store/types';
import type { Tier } from '../tier';

/** What every route module gets: the store, the switches and the signed-in user. */
export interface Ctx {
  store: Store;
  faults: Faults;
  limiter: RateLimiter;
  now(): number;
  /** Shifts the server clock (POST /__demo/clock). */
  clockOffset: { ms: number };
  whoami: { userId: string };
  /** The subscription tier the portal plays and its id. */
  tier: Tier;
  portalId: number;
  /** `leanDataset`: the properties API lists only the app's and the dataset's properties. */
  leanCatalogue: boolean;
  /** The portal's IANA time zone (account info, the daily limit's midnight). */
  timeZone: string;
  /** Every bearer token of this portal (they share its limits). */
  tokens: readonly string[];
  /** Creates "new activity" for the feed (POST /__demo/tick). */
  tick(count: number): { created: Record<string, number> };
}

/**
 * API writes are attributed to the private app; `X-Demo-Act-As` makes them look like a
 * user's edit in HubSpot's UI, which is what conflict tests need.
 */
export function writeSource(req: Req): WriteSource {
  if (req.actAs && findUser(req.actAs)) return { sourceType: 'CRM_UI', sourceId: `userId:${req.actAs}`, updatedByUserId: Number(req.actAs) };
  return { sourceType: 'INTEGRATION', sourceId: 'demo-private-app' };
}
