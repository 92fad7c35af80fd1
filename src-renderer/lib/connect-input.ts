import { checkHubspotUrl, HubspotToken, type HubspotUrlProblem } from '../../shared/contract';

/** What the Connect screens check in a field before anything is sent to the host. */

export type TokenProblem = 'empty' | 'malformed';

/** The same rule the host applies (shared/contract), checked before anything is sent. */
export function tokenProblem(raw: string): TokenProblem | null {
  const token = raw.trim();
  if (token === '') return 'empty';
  return HubspotToken.safeParse(token).success ? null : 'malformed';
}

/**
 * The HubSpot API address typed in Settings, checked with the host's own rule: the address to
 * save (null: HubSpot's own, for an empty field), or which rule it breaks.
 */
export function hubspotUrlInput(raw: string): { url: string | null } | { problem: HubspotUrlProblem } {
  const trimmed = raw.trim();
  if (trimmed === '') return { url: null };
  const checked = checkHubspotUrl(trimmed);
  return checked.ok ? { url: checked.url } : { problem: checked.code };
}
