import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkHubspotUrl, HUBSPOT_API_BASE_URL } from '../../../shared/contract/hubspot-url';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../shared/hubspot/scopes';
import type { OAuthConfig } from './token-client';

export const OAUTH_FILE = 'oauth.json';

/** HubSpot's own sign-in endpoints (docs/oauth.md); another API address gets `<address>/oauth/…`. */
export const HUBSPOT_AUTHORIZE_URL = 'https://app.hubspot.com/oauth/authorize';
export const HUBSPOT_TOKEN_URL = 'https://api.hubapi.com/oauth/v1/token';

/** An endpoint is https, or http on this computer only, with no credentials, query or fragment (as the API address). */
const Endpoint = z.string().superRefine((raw, ctx) => {
  const c = checkHubspotUrl(raw);
  if (!c.ok) ctx.addIssue({ code: 'custom', message: c.problem });
});

/** What the deploying company sets in `oauth.json` (docs/oauth.md); only the client id is required. */
export const OAuthFile = z
  .object({
    clientId: z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, { message: 'clientId must be the HubSpot app’s client id' }),
    authorizeUrl: Endpoint.optional(),
    tokenUrl: Endpoint.optional(),
    tokenExchangeUrl: Endpoint.optional(),
    scopes: z.array(z.string().regex(/^[a-z0-9._-]{1,100}$/)).optional(),
    optionalScopes: z.array(z.string().regex(/^[a-z0-9._-]{1,100}$/)).optional(),
  })
  .strict();
export type OAuthFile = z.output<typeof OAuthFile>;

/** The configuration for one API address: the file's values, else HubSpot's endpoints (or the address's own `/oauth/…`). */
export function oauthConfigFor(file: OAuthFile, apiBaseUrl: string): OAuthConfig {
  const own = apiBaseUrl.replace(/\/$/, '') === HUBSPOT_API_BASE_URL;
  const base = apiBaseUrl.replace(/\/$/, '');
  return {
    clientId: file.clientId,
    scopes: file.scopes ?? REQUIRED_SCOPES,
    optionalScopes: file.optionalScopes ?? OPTIONAL_SCOPES,
    authorizeUrl: file.authorizeUrl ?? (own ? HUBSPOT_AUTHORIZE_URL : `${base}/oauth/authorize`),
    tokenUrl: file.tokenUrl ?? (own ? HUBSPOT_TOKEN_URL : `${base}/oauth/v1/token`),
    tokenExchangeUrl: file.tokenExchangeUrl ?? null,
  };
}

/**
 * Reads `<data-dir>/oauth.json`. No file: "Sign in with HubSpot" is not offered (pasting a key
 * still works). A file that does not parse throws with the reason: a deployment mistake
 * should be seen, not turn silently into "no sign-in".
 */
export function readOAuthFile(dataDir: string): OAuthFile | null {
  let raw: string;
  try {
    raw = readFileSync(join(dataDir, OAUTH_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`${OAUTH_FILE} is not valid JSON.`);
  }
  const parsed = OAuthFile.safeParse(json);
  if (!parsed.success) throw new Error(`${OAUTH_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
