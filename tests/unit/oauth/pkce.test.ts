import { describe, expect, it } from 'vitest';
import { challengeOf, createState, createVerifier } from '../../../src-main/crm/oauth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('gives Appendix B’s verifier and challenge for Appendix B’s 32 octets', () => {
    const octets = Buffer.from([
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ]);
    const verifier = createVerifier(() => octets);
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(challengeOf(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes a fresh 43-character verifier and state each time', () => {
    const a = createVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createVerifier()).not.toBe(a);
    expect(createState()).not.toBe(createState());
  });

  it('refuses a verifier outside the RFC’s alphabet or length', () => {
    expect(() => challengeOf('short')).toThrow(/43 to 128/);
    expect(() => challengeOf(`${'a'.repeat(42)}!`)).toThrow(/43 to 128/);
  });
});
