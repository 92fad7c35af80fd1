import { z } from 'zod';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../shared/hubspot/scopes';
import { validation } from '../http/errors';
import type { Router } from '../http/router';
import type { Ctx } from './context';

/** What the portal's static demo tokens may do (every scope the workspace asks for); service keys and OAuth tokens choose among them. */
export const DEMO_SCOPES: readonly string[] = [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES, 'settings.users.teams.read'];

/** `+01:00` and its milliseconds for a zone at an instant. */
export function utcOffset(timeZone: string, at: number): { utcOffset: string; utcOffsetMilliseconds: number } {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!m) return { utcOffset: '+00:00', utcOffsetMilliseconds: 0 };
  const ms = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return { utcOffset: `${m[1]}${m[2]}:${m[3]}`, utcOffsetMilliseconds: ms };
}

const LimitsPatch = z
  .object({ dailyUsed: z.number().int().min(0) })
  .partial()
  .strict();

/**
 * Account information: `GET /account-info/v3/details` (the portal id: which portal a key
 * belongs to) and the daily usage of private apps (token info: `oauth/routes.ts`).
 * `/__demo/limits` reads and sets the portal's daily count.
 */
export function accountRoutes(api: Router, demo: Router, ctx: Ctx): void {
  api.on('GET', /^\/account-info\/(?:v3|2026-03)\/details$/, () => ({
    status: 200,
    body: {
      portalId: ctx.portalId,
      accountType: 'STANDARD',
      timeZone: ctx.timeZone,
      companyCurrency: 'USD',
      additionalCurrencies: [],
      ...utcOffset(ctx.timeZone, ctx.now()),
      uiDomain: 'app.hubspot.com',
      dataHostingLocation: 'na1',
    },
  }));

  api.on(
    'GET',
    /^\/account-info\/v3\/api-usage\/daily\/private-apps$/,
    () => ({
      status: 200,
      body: {
        results: [
          {
            name: 'private-apps-api-calls-daily',
            usageLimit: ctx.limiter.config.daily,
            currentUsage: ctx.limiter.dailyUsed,
            collectedAt: new Date(ctx.now()).toISOString(),
            resetsAt: new Date(ctx.limiter.dailyResetsAt()).toISOString(),
            fetchStatus: 'SUCCESS',
          },
        ],
      },
      // Not counted: it is how a client finds out that the budget is spent.
    }),
    'none',
  );

  const limits = (): { status: number; body: unknown } => ({
    status: 200,
    body: {
      tier: ctx.tier,
      enabled: ctx.limiter.enabled,
      ...ctx.limiter.config,
      dailyUsed: ctx.limiter.dailyUsed,
      dailyResetsAt: new Date(ctx.limiter.dailyResetsAt()).toISOString(),
    },
  });
  demo.on('GET', /^\/__demo\/limits$/, limits);
  demo.on('PUT', /^\/__demo\/limits$/, (req) => {
    const r = LimitsPatch.safeParse(req.body ?? {});
    if (!r.success) throw validation(`Invalid demo control body: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    if (r.data.dailyUsed !== undefined) ctx.limiter.dailyUsed = r.data.dailyUsed;
    return limits();
  });
}
