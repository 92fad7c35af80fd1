import { createHash, randomBytes } from 'node:crypto';

/**
 * PKCE (RFC 7636) with S256, the only method HubSpot's and the demo CRM's authorize pages
 * are asked for: a fresh high-entropy verifier per sign-in (32 random bytes → 43 base64url
 * characters, §4.1), its challenge BASE64URL(SHA256(verifier)) (§4.2), and an unguessable
 * `state` that ties the redirect to this sign-in (RFC 6749 §10.12).
 */
export function createVerifier(random: (n: number) => Buffer = randomBytes): string {
  return random(32).toString('base64url');
}

export function challengeOf(verifier: string): string {
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) throw new Error('A PKCE code verifier is 43 to 128 unreserved characters (RFC 7636 §4.1).');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createState(random: (n: number) => Buffer = randomBytes): string {
  return random(16).toString('base64url');
}
