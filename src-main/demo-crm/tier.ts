/**
 * The HubSpot subscription tier a demo portal plays. It decides the API limits
 * (`http/rate-limit.ts`) and what the portal may do at all (custom object schemas need
 * Enterprise). The default is Professional: the tier most customers have.
 */
export type Tier = 'starter' | 'professional' | 'enterprise';

export const TIERS: readonly Tier[] = ['starter', 'professional', 'enterprise'];
export const DEFAULT_TIER: Tier = 'professional';

/** A demo portal's id when none is given (HubSpot portal ids are positive integers). */
export const DEFAULT_PORTAL_ID = 9_000_001;

export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}
