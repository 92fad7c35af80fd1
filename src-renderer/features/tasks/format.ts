/** Display helpers of the Tasks tab (pure; the zone and locale come from the caller). */

export function parseDue(v: string | null | undefined): number | null {
  if (!v) return null;
  const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isNaN(ms) ? null : ms;
}

const cache = new Map<string, Intl.DateTimeFormat>();
export function formatDue(ms: number, timeZone: string, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    cache.set(key, f);
  }
  return f.format(ms);
}
