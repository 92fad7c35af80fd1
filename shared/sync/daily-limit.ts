import type { CrmResponse } from './ports';

/**
 * HubSpot's daily API limit (per portal, shared by every integration of the account) resets
 * at midnight in the portal's time zone. A 429 whose body names `policyName: 'DAILY'` cannot
 * be retried sooner: every attempt before then is refused and spends nothing but goodwill.
 */
export function isDailyLimit(res: CrmResponse): boolean {
  if (res.status !== 429) return false;
  const body = res.body as { policyName?: unknown } | null;
  return typeof body === 'object' && body !== null && body.policyName === 'DAILY';
}

/**
 * Milliseconds from `nowMs` to the next midnight on the wall clock of `timeZone` (an IANA
 * name; unknown or absent → UTC). Exact except on the night a DST change happens, when it
 * may be an hour off — the retry is jittered anyway.
 */
export function msUntilMidnight(nowMs: number, timeZone?: string): number {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone ?? 'UTC',
      hourCycle: 'h23',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(nowMs);
  } catch {
    return msUntilMidnight(nowMs, 'UTC');
  }
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = ((part('hour') * 60 + part('minute')) * 60 + part('second')) * 1000 + (nowMs % 1000);
  return 86_400_000 - sinceMidnight;
}

export const DAILY_LIMIT_CODE = 'DAILY_LIMIT';
export const DAILY_LIMIT_MESSAGE = "HubSpot's daily API limit is used up; edits are kept and will be sent at 00:00 portal time.";

/** Where the sync keeps what it learnt of the portal (`/account-info/v3/details`). */
export const PORTAL_INFO_META = 'portal:info';
export interface PortalInfo {
  portalId?: number;
  timeZone?: string;
}
