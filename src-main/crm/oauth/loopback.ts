import { timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Why a sign-in did not come back with a code; the message is for the user, never holds a code. */
export class SignInError extends Error {
  constructor(
    readonly reason: 'state' | 'denied' | 'timeout' | 'cancelled' | 'exchange' | 'info',
    message: string,
  ) {
    super(message);
  }
}

export interface LoopbackRedirect {
  /** `http://127.0.0.1:<port>/callback`: what the authorize URL names as `redirect_uri`. */
  redirectUri: string;
  /** The code of the one redirect with our `state`; rejects with SignInError otherwise. */
  code: Promise<string>;
  close(): void;
}

const CALLBACK = '/callback';

function sameState(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function answer(res: ServerResponse, status: number, text: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CS Workspace</title></head><body><p>${text}</p></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html;charset=utf-8',
    'Content-Security-Policy': "default-src 'none'",
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  res.end(html);
}

/**
 * The redirect target of a native app's sign-in (RFC 8252 §7.3): a listener on 127.0.0.1 only,
 * on a port the OS picks, for one redirect. The first request to `/callback` settles it —
 * with the code when its `state` is ours, with an error otherwise (a forged or stale
 * redirect) — and the listener closes, so a second request finds nothing to talk to. Other
 * paths get 404 and settle nothing. It also gives up after `timeoutMs`.
 */
export async function startLoopbackRedirect(opts: { state: string; timeoutMs: number }): Promise<LoopbackRedirect> {
  let settle!: { resolve(code: string): void; reject(e: SignInError): void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be awaiting yet (the browser is still opening); the rejection is read by whoever awaits `code`.
  code.catch(() => {});
  let done = false;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (done || req.method !== 'GET' || url.pathname !== CALLBACK) {
      answer(res, done ? 410 : 404, done ? 'This sign-in is over. Return to CS Workspace.' : 'Not found.');
      return;
    }
    done = true;
    const q = url.searchParams;
    if (!sameState(q.get('state') ?? '', opts.state)) {
      answer(res, 400, 'This sign-in link is not the one CS Workspace started. Return to the app and sign in again.');
      finish(new SignInError('state', 'The sign-in answer did not carry the state this sign-in sent; nothing was changed. Sign in again.'));
    } else if (q.get('error')) {
      answer(res, 400, 'Sign-in was not completed. Return to CS Workspace.');
      finish(new SignInError('denied', `HubSpot did not sign you in (${(q.get('error') ?? '').slice(0, 64)}); nothing was changed.`));
    } else if (!q.get('code')) {
      answer(res, 400, 'Sign-in was not completed. Return to CS Workspace.');
      finish(new SignInError('denied', 'HubSpot came back without an authorization code; nothing was changed.'));
    } else {
      answer(res, 200, 'You are signed in. You can close this tab and return to CS Workspace.');
      finish(q.get('code') ?? '');
    }
  });
  const timer = setTimeout(() => finish(new SignInError('timeout', 'Sign-in took too long; nothing was changed. Try again.')), opts.timeoutMs);
  timer.unref();

  function finish(result: string | SignInError): void {
    done = true;
    clearTimeout(timer);
    // Stop listening at once; the answer being written still goes out on its connection.
    server.close();
    if (typeof result === 'string') settle.resolve(result);
    else settle.reject(result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK}`,
    code,
    close: () => {
      if (!done) finish(new SignInError('cancelled', 'Sign-in was cancelled; nothing was changed.'));
    },
  };
}
