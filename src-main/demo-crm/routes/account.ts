import { z } from 'zod';
import { HttpError, validation } from '../http/errors';
import type { Router } from '../http/router';
import { DEFAULT_USER_ID, findUser } from '../schema/users';
import type { Ctx } from './context';
import { tokenMatcher } from '../http/auth';

/** The id of the demo's (private) app in token info. */
export const DEMO_APP_ID = 4_000_001;

/** What a demo token may do: the scopes the workspace asks for. */
export const DEMO_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.custom.read',
  'crm.objects.custom.write',
  'crm.objects.owners.read',
  'crm.schemas.companies.read',
  'crm.schemas.contacts.read',
  'crm.schemas.custom.read',
  'crm.schemas.deals.read',
  'sales-email-read',
  'settings.users.read',
  'settings.users.teams.read',
  'tickets',
];

/** A token's remaining life as reported by token info; demo tokens never expire, so it is always a fresh token's. */
const EXPIRES_IN_S = 1800;

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
 * Account and token information: `GET /account-info/v3/details`, the daily usage of private
 * apps, and token info (`GET /oauth/v1/access-tokens/{token}`, on the `open` router: the token
 * is the path, no bearer header). `/__demo/limits` reads and sets the portal's daily count.
 */
export function accountRoutes(api: Router, open: Router, demo: Router, ctx: Ctx): void {
  const isToken = tokenMatcher(ctx.tokens);
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

  open.on('GET', /^\/oauth\/v1\/access-tokens\/([^/]+)$/, (_req, [token = '']) => {
    if (!isToken(token)) throw new HttpError(404, 'OBJECT_NOT_FOUND', 'Token not found');
    const user = findUser(ctx.whoami.userId) ?? findUser(DEFAULT_USER_ID);
    return {
      status: 200,
      body: {
        token,
        user: user?.email,
        hub_domain: `demo-${ctx.portalId}.example.com`,
        scopes: DEMO_SCOPES,
        hub_id: ctx.portalId,
        app_id: DEMO_APP_ID,
        expires_in: EXPIRES_IN_S,
        user_id: Number(user?.id),
        token_type: 'access',
      },
    };
  });

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
