import { describe, expect, it } from 'vitest';
import type { CrmPort } from '../../../shared/sync';
import { callCrm, TransientSyncError } from '../../../shared/sync/crm-calls';
import { answerKind, retryAfterMs } from '../../../shared/sync/transient';

const answer = (status: number, body: unknown = null, headers: Record<string, string> = {}) => ({ status, headers, body });
const port = (res: ReturnType<typeof answer>): CrmPort => ({ request: async () => ({ ok: true, data: res }) });
const req = { method: 'GET' as const, path: '/crm/v3/objects/deals' };

describe('what is transient, decided once', () => {
  it.each([
    [200, 'ok'],
    [207, 'ok'],
    [408, 'retryable'],
    [423, 'retryable'],
    [429, 'retryable'],
    [477, 'retryable'],
    [500, 'retryable'],
    [503, 'retryable'],
    [401, 'signed-out'],
    [400, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [409, 'refused'],
  ] as const)('%i is %s', (status, kind) => {
    expect(answerKind(answer(status))).toBe(kind);
  });

  it("a 429 for the portal's daily budget is its own kind, never retryable", () => {
    expect(answerKind(answer(429, { policyName: 'DAILY', message: 'daily' }))).toBe('daily-limit');
    expect(answerKind(answer(429, { policyName: 'TEN_SECONDLY_ROLLING' }))).toBe('retryable');
  });

  it('reads Retry-After as milliseconds, and ignores what is not a positive number', () => {
    expect(retryAfterMs(answer(429, null, { 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(answer(429, null, { 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(answer(429))).toBeUndefined();
  });

  it('the sync stops the pass on what the gateway gave up on, and hands a refusal to the edit', async () => {
    const now = () => 1;
    await expect(callCrm(port(answer(503, null, { 'retry-after': '5' })), req, now)).rejects.toMatchObject({ retryAfterMs: 5000 });
    await expect(callCrm(port(answer(401)), req, now)).rejects.toBeInstanceOf(TransientSyncError);
    await expect(callCrm(port(answer(429, { policyName: 'DAILY' })), req, now)).rejects.toMatchObject({ error: { code: 'DAILY_LIMIT' } });
    expect(await callCrm(port(answer(409, { message: 'Conflict' })), req, now)).toMatchObject({
      kind: 'rejected',
      error: { status: 409, message: 'Conflict' },
    });
  });
});
