import { describe, expect, it } from 'vitest';
import { RETRY_MS, startOAuthSession, type SessionClock } from '../../../src-main/crm/oauth/session';
import { TokenRejected, TokenUnreachable, type TokenSet } from '../../../src-main/crm/oauth/token-client';

/** A clock that moves only when told, firing due timers in order. */
function fixedClock(start = Date.UTC(2026, 11, 1, 9, 0)): SessionClock & { advance(ms: number): Promise<void> } {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout: (h) => void timers.delete(h as number),
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = end;
    },
  };
}

const set = (n: number, expiresAt: number): TokenSet => ({ accessToken: `at-${n}`, refreshToken: 'rt', expiresAt });

describe('OAuth session refresh', () => {
  it('renews 5 minutes before a 30-minute token runs out, and keeps doing so', async () => {
    const clock = fixedClock();
    const t0 = clock.now();
    let n = 1;
    const saved: TokenSet[] = [];
    const s = startOAuthSession({
      tokens: set(1, t0 + 1_800_000),
      clock,
      refresh: async () => set(++n, clock.now() + 1_800_000),
      onTokens: (t) => saved.push(t),
      onSignedOut: () => {},
    });
    expect(s.nextRefreshAt()).toBe(t0 + 1_500_000);
    await clock.advance(1_499_999);
    expect(s.accessToken()).toBe('at-1');
    await clock.advance(1);
    expect(s.accessToken()).toBe('at-2');
    expect(saved.map((t) => t.accessToken)).toEqual(['at-2']);
    expect(s.nextRefreshAt()).toBe(t0 + 3_000_000);
    s.stop();
  });

  it('renews a short-lived token a fifth of its life ahead', async () => {
    const clock = fixedClock();
    const s = startOAuthSession({
      tokens: set(1, clock.now() + 60_000),
      clock,
      refresh: async () => set(2, clock.now() + 60_000),
      onTokens: () => {},
      onSignedOut: () => {},
    });
    expect(s.nextRefreshAt()).toBe(clock.now() + 48_000);
    s.stop();
  });

  it('retries later when HubSpot cannot be reached, keeping the token it has', async () => {
    const clock = fixedClock();
    let calls = 0;
    const s = startOAuthSession({
      tokens: set(1, clock.now() + 1_800_000),
      clock,
      refresh: async () => {
        calls++;
        if (calls === 1) throw new TokenUnreachable('offline');
        return set(2, clock.now() + 1_800_000);
      },
      onTokens: () => {},
      onSignedOut: () => {},
    });
    await clock.advance(1_500_000);
    expect([calls, s.accessToken(), s.signedOut()]).toEqual([1, 'at-1', false]);
    await clock.advance(RETRY_MS);
    expect([calls, s.accessToken()]).toEqual([2, 'at-2']);
    s.stop();
  });

  it('signs out when the refresh token is refused (revoked or expired), once', async () => {
    const clock = fixedClock();
    const reasons: string[] = [];
    const s = startOAuthSession({
      tokens: set(1, clock.now() + 1_800_000),
      clock,
      refresh: () => Promise.reject(new TokenRejected('Refreshing the sign-in: refused (400 BAD_REFRESH_TOKEN).')),
      onTokens: () => {},
      onSignedOut: (r) => reasons.push(r),
    });
    await clock.advance(3_600_000);
    expect([s.signedOut(), s.accessToken(), s.nextRefreshAt()]).toEqual([true, null, null]);
    expect(reasons).toEqual(['Refreshing the sign-in: refused (400 BAD_REFRESH_TOKEN).']);
  });
});
