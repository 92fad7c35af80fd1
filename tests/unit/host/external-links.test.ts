import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../shared/contract';

describe('the external link allow-list', () => {
  it.each([
    'https://app.hubspot.com/contacts/1/record/0-1/2',
    'https://meet.example.com/abc?pwd=1#x',
    'mailto:jane@example.com?subject=Hello',
    'tel:+48 22 123 45 67',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@evil.example/',
    'https://',
    'smb://host/share',
    'tel:javascript:alert(1)',
    'https://example.com/\nfoo',
    'vbscript:msgbox',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
