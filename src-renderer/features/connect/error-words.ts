import type { HostError } from '../../../shared/contract';

/**
 * The message key, under a screen's own `…errors` group, for a host error: `unauthorized`,
 * `network` (it shows `{message}`), `other` (likewise), and for INVALID_INPUT the screen's word
 * for what it sent (a malformed token, a user the CRM does not know).
 */
export function hostErrorWord(error: HostError, invalidInput: string): string {
  if (error.code === 'UNAUTHORIZED') return 'unauthorized';
  if (error.code === 'INVALID_INPUT') return invalidInput;
  return error.code === 'NETWORK' ? 'network' : 'other';
}
