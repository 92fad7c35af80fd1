import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A fresh bearer token for a start without `--token`: nobody can guess it, so another local
 * program (or a web page that reaches 127.0.0.1) cannot use the demo CRM of this start.
 * The embedded CRM hands its token to the app in process; `npm run crm` prints it.
 */
export function randomDemoToken(): string {
  return `demo-${randomBytes(24).toString('base64url')}`;
}

/**
 * Whether a presented token is one of this portal's, in time that does not depend on how
 * much of it matched: both sides are hashed to one length first (timingSafeEqual needs equal
 * lengths, and an early length check would leak the length), and every token is compared.
 */
export function tokenMatcher(tokens: readonly string[]): (given: string) => boolean {
  const digests = tokens.map(digest);
  return (given) => {
    const d = digest(given);
    let found = false;
    for (const t of digests) found = timingSafeEqual(d, t) || found;
    return found;
  };
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/**
 * The Host names this server answers to: its own loopback address and port. A page on a
 * foreign name that resolves to 127.0.0.1 (DNS rebinding) sends that name, and is refused.
 */
export function loopbackHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}
