import type { HubspotCall } from './calls';
import { StandardError } from './schemas';
import type { CrmPort, CrmResponse } from './transport';

/**
 * Why a call gave no value: `unreachable` (no answer: offline, the host or CRM away), `refused`
 * (the host or the CRM said no: 4xx/5xx, or a host error such as a missing connection), or
 * `malformed` (a 2xx whose body is not the shape HubSpot documents).
 */
export interface CallError {
  kind: 'unreachable' | 'refused' | 'malformed';
  message: string;
  /** The HTTP status, when the CRM answered. */
  status?: number;
  /** HubSpot's error category (e.g. MISSING_SCOPES) or the host's error code. */
  code?: string;
}

export type Sent<T> = { ok: true; value: T; response: CrmResponse } | { ok: false; error: CallError; response?: CrmResponse };

/** A refused request's body read once as HubSpot's StandardError: the message a user reads, and the category when it gave one. */
function refusal(res: CrmResponse): { message: string; category?: string } {
  const parsed = StandardError.safeParse(res.body);
  const body = parsed.success ? parsed.data : {};
  const main = body.message ?? `The CRM answered ${res.status}.`;
  const details = (body.errors ?? []).map((e) => e.message ?? '').filter((m) => m && !main.includes(m));
  const message = details.length ? `${main} (${details.join('; ')})` : main;
  return body.category === undefined ? { message } : { message, category: body.category };
}

/** The CRM's message for a refused request, as a user reads it ("needs attention", an error line). */
export function crmMessage(res: CrmResponse): string {
  return refusal(res).message;
}

/** HubSpot's error category of a refused request, when it gave one. */
export function crmCategory(res: CrmResponse): string | undefined {
  return refusal(res).category;
}

/** Reads a 2xx answer as the call's documented shape, or says which field is not. */
export function parseAnswer<T>(c: HubspotCall<T>, res: CrmResponse): { ok: true; value: T } | { ok: false; error: CallError } {
  const parsed = c.response.safeParse(res.body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the body';
  return {
    ok: false,
    error: {
      kind: 'malformed',
      status: res.status,
      message: `The CRM's answer when ${c.what} was not understood (${where}: ${issue?.message ?? 'unexpected shape'}).`,
    },
  };
}

/** Sends one call through the port and reads its answer. Never throws for a CRM or network failure. */
export async function send<T>(port: CrmPort, c: HubspotCall<T>): Promise<Sent<T>> {
  const result = await port.request(c.request);
  if (!result.ok) {
    const { code, message } = result.error;
    return { ok: false, error: { kind: code === 'NETWORK' ? 'unreachable' : 'refused', code, message } };
  }
  const res = result.data;
  if (res.status < 200 || res.status >= 300) {
    const { message, category } = refusal(res);
    return { ok: false, response: res, error: { kind: 'refused', status: res.status, message, ...(category ? { code: category } : {}) } };
  }
  const parsed = parseAnswer(c, res);
  return parsed.ok ? { ok: true, value: parsed.value, response: res } : { ok: false, response: res, error: parsed.error };
}
