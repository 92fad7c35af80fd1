/**
 * The allow-list for links handed to the operating system (the system browser, the mail
 * client, the phone app). Everything else — file:, javascript:, custom schemes, http: —
 * is refused, whichever host is asked.
 */

/** A percent-encoded non-ASCII byte (UTF-8 of a non-Latin letter); encoded ASCII could hide `?`, `&` or `,`. */
const NON_ASCII_ESCAPE = '%[89A-Fa-f][0-9A-Fa-f]';
const LOCAL_PART = `(?:[A-Za-z0-9._+'-]|${NON_ASCII_ESCAPE})+`;
const DOMAIN = `(?:[A-Za-z0-9-]|${NON_ASCII_ESCAPE})+(?:\\.(?:[A-Za-z0-9-]|${NON_ASCII_ESCAPE})+)+`;
/** Only a subject and a body may ride along: never to, cc or bcc (another recipient). */
const HFIELD = `(?:subject|body)=(?:[^&#\\s%]|%[0-9A-Fa-f]{2})*`;

const ALLOWED = [
  // https with a host name; no credentials in the authority (a classic phishing shape).
  /^https:\/\/[^\s/@?#]+(?:[/?#][^\s]*)?$/i,
  // One recipient, then at most a subject and a body, each percent-encoded.
  new RegExp(`^mailto:${LOCAL_PART}@${DOMAIN}(?:\\?${HFIELD}(?:&${HFIELD})*)?$`, 'i'),
  /^tel:\+?[0-9()\-. ]{3,32}$/i,
];

export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 4096 || [...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  return ALLOWED.some((re) => re.test(url));
}

/**
 * What may be logged of a link: its scheme only. Addresses, phone numbers and meeting links
 * (which often carry a passcode) are personal data and stay out of log files.
 */
export function linkScheme(url: string): string {
  const m = /^([a-z][a-z0-9+.-]{0,31}):/i.exec(url);
  return m?.[1] ? `${m[1].toLowerCase()}:` : 'unknown';
}

/** An email address as a CRM may hold it: one address, no display name, no list, no spaces. */
const EMAIL = /^[\p{L}\p{N}._+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;

/**
 * A `mailto:` link for one CRM value, or null when the value is not a single plain address
 * (`a@b.com?bcc=…`, `a@b.com,c@d.com`, a display name…). Each part is percent-encoded, so
 * nothing in the value can add recipients or headers.
 */
export function mailtoUrl(address: string, fields: { subject?: string; body?: string } = {}): string | null {
  const a = address.trim();
  if (a.length > 254 || !EMAIL.test(a)) return null;
  const at = a.lastIndexOf('@');
  // Non-ASCII letters are percent-encoded; `+` (allowed in an address) stays as it is.
  const part = (p: string) => encodeURIComponent(p).replace(/%2B/g, '+');
  const recipient = `${part(a.slice(0, at))}@${part(a.slice(at + 1))}`;
  const query = (['subject', 'body'] as const).flatMap((k) => (fields[k] ? [`${k}=${encodeURIComponent(fields[k])}`] : [])).join('&');
  const url = `mailto:${recipient}${query ? `?${query}` : ''}`;
  return isAllowedExternalUrl(url) ? url : null;
}

/**
 * A `tel:` link for a CRM phone number (stored with spaces, dashes, brackets), or null when
 * it is not one: digits only, a leading `+` kept, 3 to 20 digits.
 */
export function telUrl(phone: string): string | null {
  const trimmed = phone.trim();
  if (!/^\+?[0-9()\-. /]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[^\d]/g, '');
  if (digits.length < 3 || digits.length > 20) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
