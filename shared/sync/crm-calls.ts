import { crmCategory, crmMessage, parseAnswer, type HubspotCall } from '../hubspot';
import { DAILY_LIMIT_CODE, DAILY_LIMIT_MESSAGE } from './daily-limit';
import type { EntryError } from './outbox';
import type { CrmPort, CrmRequest, CrmResponse } from './ports';
import { answerKind, retryAfterMs } from './transient';

/**
 * The sync cannot go on right now (offline, rate limited, CRM down, token expired); nothing
 * is lost: outbox rows stay queued and cursors stay where they were. The coordinator backs
 * off and tries again (docs/sync-guarantees.md G12, G14).
 */
export class TransientSyncError extends Error {
  constructor(
    readonly error: EntryError,
    /** The CRM asked us to wait (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(error.message);
    this.name = 'TransientSyncError';
  }

  /**
   * No answer at all: the host or the CRM could not be reached (offline, DNS, a dropped
   * connection). That is the network being away, not the CRM asking us to slow down, so it
   * must not grow the server backoff (429/5xx/401 carry an HTTP status).
   */
  get unreachable(): boolean {
    return this.error.status === undefined && this.error.code === 'NETWORK';
  }
}

/** A request the CRM refused for good while pulling: a bug or a missing scope, not a blip. */
export class PermanentSyncError extends Error {
  constructor(readonly error: EntryError) {
    super(error.message);
    this.name = 'PermanentSyncError';
  }
}

export type CallAnswer = { kind: 'ok'; res: CrmResponse } | { kind: 'rejected'; error: EntryError };

/**
 * One CRM call, sent once (the gateway has already retried what is retryable: transient.ts):
 * 2xx (207 included) is an answer, a refusal (4xx) is returned as a value for the caller to
 * attribute to the intent that caused it, and everything transient throws — 401 pauses the
 * queue intact until re-login (G14); rate limits, locks, timeouts and 5xx pass with time.
 */
export async function callCrm(crm: CrmPort, req: CrmRequest, now: () => number): Promise<CallAnswer> {
  const result = await crm.request(req);
  if (!result.ok) {
    const { code, message } = result.error;
    if (code === 'INVALID_INPUT') return { kind: 'rejected', error: { code, message, at: now() } };
    throw new TransientSyncError({ code, message, at: now() });
  }
  const res = result.data;
  const kind = answerKind(res);
  if (kind === 'ok') return { kind: 'ok', res };
  const category = crmCategory(res);
  const error: EntryError = { status: res.status, message: crmMessage(res), at: now(), ...(category ? { code: category } : {}) };
  switch (kind) {
    case 'daily-limit':
      // Nothing gets through before the portal's midnight; the coordinator waits for it.
      throw new TransientSyncError({ ...error, code: DAILY_LIMIT_CODE, message: DAILY_LIMIT_MESSAGE });
    case 'retryable':
    case 'signed-out':
      throw new TransientSyncError(error, retryAfterMs(res));
    case 'refused':
      return { kind: 'rejected', error };
  }
}

/** For pulls: any refusal is fatal to this run (the cursor stays; the user sees the error). */
export async function fetchCrm(crm: CrmPort, req: CrmRequest, now: () => number): Promise<CrmResponse> {
  const answer = await callCrm(crm, req, now);
  if (answer.kind === 'rejected') throw new PermanentSyncError(answer.error);
  return answer.res;
}

/**
 * For pulls: a HubSpot call's parsed answer. A refusal, or an answer that is not the shape
 * HubSpot documents, is fatal to this run (the cursor stays; the user sees which call).
 */
export async function fetchCall<T>(crm: CrmPort, call: HubspotCall<T>, now: () => number): Promise<T> {
  const res = await fetchCrm(crm, call.request, now);
  const parsed = parseAnswer(call, res);
  if (!parsed.ok) throw new PermanentSyncError({ status: res.status, code: 'MALFORMED_ANSWER', message: parsed.error.message, at: now() });
  return parsed.value;
}

/**
 * For look-ups during a push: the parsed answer, or undefined when the CRM refused the call or
 * answered in a shape HubSpot does not document (then nothing is known); transient failures throw.
 */
export async function callParsed<T>(ctx: { crm: CrmPort; now: () => number }, call: HubspotCall<T>): Promise<T | undefined> {
  const answer = await callCrm(ctx.crm, call.request, ctx.now);
  if (answer.kind === 'rejected') return undefined;
  const parsed = parseAnswer(call, answer.res);
  return parsed.ok ? parsed.value : undefined;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
