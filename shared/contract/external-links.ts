/**
 * The allow-list for links handed to the operating system (the system browser, the mail
 * client, the phone app). Everything else — file:, javascript:, custom schemes, http: —
 * is refused, whichever host is asked.
 */
const ALLOWED = [
  // https with a host name; no credentials in the authority (a classic phishing shape).
  /^https:\/\/[^\s/@?#]+(?:[/?#][^\s]*)?$/i,
  /^mailto:[^\s]+$/i,
  /^tel:\+?[0-9()\-. ]{3,32}$/i,
];

export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 4096 || [...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return false;
  return ALLOWED.some((re) => re.test(url));
}
