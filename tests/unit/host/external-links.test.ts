import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, linkScheme, mailtoUrl, telUrl } from '../../../shared/contract';

describe('the external link allow-list', () => {
  it.each([
    'https://app.hubspot.com/contacts/1/record/0-1/2',
    'https://meet.example.com/abc?pwd=1#x',
    'mailto:jane@example.com?subject=Hello',
    'mailto:jane.doe+cs@example.co.uk?subject=Re%3A%20Q4&body=Hi',
    'mailto:%C5%BCaneta@example.pl',
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
    // A CRM value that adds recipients or headers to a mail.
    'mailto:a@b.com?bcc=spy@evil.example',
    'mailto:a@b.com?cc=spy@evil.example',
    'mailto:a@b.com?subject=x&bcc=spy@evil.example',
    'mailto:a@b.com?to=spy@evil.example',
    'mailto:a@b.com,spy@evil.example',
    'mailto:a%3Fbcc%3Dspy@evil.example',
    'mailto:a@b.com?subject=x y',
    'mailto:',
    'mailto:not-an-address',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});

describe('links built from CRM values', () => {
  it('makes a mailto: link for one plain address, every part encoded', () => {
    expect(mailtoUrl('jane.doe+cs@example.com', { subject: 'Re: Q4 & renewal?' })).toBe('mailto:jane.doe+cs@example.com?subject=Re%3A%20Q4%20%26%20renewal%3F');
    expect(mailtoUrl('  żaneta@przykład.pl ')).toBe('mailto:%C5%BCaneta@przyk%C5%82ad.pl');
    expect(mailtoUrl('a@b.com', { subject: 'x', body: 'line 1\nline 2' })).toBe('mailto:a@b.com?subject=x&body=line%201%0Aline%202');
  });

  it.each([
    ['a query that adds a recipient', 'a@b.com?bcc=spy@evil.example'],
    ['two addresses', 'a@b.com,spy@evil.example'],
    ['two addresses with a semicolon', 'a@b.com;spy@evil.example'],
    ['a display name', 'Jane <jane@example.com>'],
    ['a space inside', 'jane doe@example.com'],
    ['a line break (header injection)', 'a@b.com\r\nBcc: spy@evil.example'],
    ['an encoded question mark', 'a%3Fbcc=x@b.com'],
    ['no domain', 'jane@'],
    ['no dot in the domain', 'jane@localhost'],
    ['nothing', ''],
  ])('refuses %s', (_what, address) => expect(mailtoUrl(address, { subject: 'Hi' })).toBeNull());

  it('makes a tel: link of digits and a leading + only', () => {
    expect(telUrl('+48 22 123 45 67')).toBe('tel:+48221234567');
    expect(telUrl('(555) 123-4567')).toBe('tel:5551234567');
    expect(isAllowedExternalUrl(telUrl('+48 600 123 456') ?? '')).toBe(true);
  });

  it.each(['', '12', 'call me', '+48 22 123;ext=javascript:alert(1)', '1'.repeat(21), '+48 22 12+3'])('refuses the phone number %j', (phone) =>
    expect(telUrl(phone)).toBeNull(),
  );

  it('says only the scheme of a link, for logs', () => {
    expect(linkScheme('mailto:jane@example.com?subject=x')).toBe('mailto:');
    expect(linkScheme('tel:+48221234567')).toBe('tel:');
    expect(linkScheme('HTTPS://meet.example.com/j/123?pwd=secret')).toBe('https:');
    expect(linkScheme('no scheme here')).toBe('unknown');
  });
});
