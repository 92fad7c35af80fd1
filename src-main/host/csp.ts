/**
 * The renderer's Content-Security-Policy, the same under both hosts. FullCalendar injects
 * <style> tags at run time (hence 'unsafe-inline' for styles only) and draws its arrows with
 * a data: font. No remote origin is allowed anywhere: every byte of the UI ships with the app.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
