import { describe, expect, it } from 'vitest';
import { startLoopbackRedirect } from '../../../src-main/crm/oauth/loopback';

/** The status a request gets, or 'refused' when nothing listens any more. */
const hit = (url: string): Promise<number | 'refused'> =>
  fetch(url).then(
    (r) => r.status,
    () => 'refused' as const,
  );

describe('one-shot loopback redirect', () => {
  it('listens on 127.0.0.1 on a port of its own and takes the code of the redirect with our state', async () => {
    const a = await startLoopbackRedirect({ state: 's-1', timeoutMs: 5000 });
    const b = await startLoopbackRedirect({ state: 's-2', timeoutMs: 5000 });
    expect(a.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(b.redirectUri).not.toBe(a.redirectUri);
    expect(await hit(`${a.redirectUri}?code=c-1&state=s-1`)).toBe(200);
    await expect(a.code).resolves.toBe('c-1');
    b.close();
    await expect(b.code).rejects.toMatchObject({ reason: 'cancelled' });
  });

  it('refuses a second request: the first settled it and the listener closed', async () => {
    const l = await startLoopbackRedirect({ state: 's', timeoutMs: 5000 });
    expect(await hit(`${l.redirectUri}?code=first&state=s`)).toBe(200);
    expect(['refused', 410]).toContain(await hit(`${l.redirectUri}?code=second&state=s`));
    await expect(l.code).resolves.toBe('first');
  });

  it('rejects a redirect whose state is not ours, and takes nothing after it', async () => {
    const l = await startLoopbackRedirect({ state: 'ours', timeoutMs: 5000 });
    expect(await hit(`${l.redirectUri}?code=c&state=theirs`)).toBe(400);
    await expect(l.code).rejects.toMatchObject({ reason: 'state' });
    expect(['refused', 410]).toContain(await hit(`${l.redirectUri}?code=c&state=ours`));
  });

  it('passes over other paths, reports a denial, and gives up after its time', async () => {
    const l = await startLoopbackRedirect({ state: 's', timeoutMs: 5000 });
    expect(await hit(l.redirectUri.replace('/callback', '/favicon.ico'))).toBe(404);
    expect(await hit(`${l.redirectUri}?error=access_denied&state=s`)).toBe(400);
    await expect(l.code).rejects.toMatchObject({ reason: 'denied' });
    const slow = await startLoopbackRedirect({ state: 's', timeoutMs: 50 });
    await expect(slow.code).rejects.toMatchObject({ reason: 'timeout' });
    expect(await hit(`${slow.redirectUri}?code=c&state=s`)).toBe('refused');
  });
});
