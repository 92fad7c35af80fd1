/** Property values as HubSpot sends them: always strings on the wire; null or "" when unset. */
export type PropValue = string | null;
export type Props = Record<string, PropValue>;

/** The record envelope of the CRM (`SimplePublicObject`), as the synced rows keep it. */
export interface SyncedRecord {
  id: string;
  properties: Props;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function asInstant(v: string): number | undefined {
  if (/^\d{10,}$/.test(v)) return Number(v);
  if (ISO_DATE.test(v)) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/**
 * Value equality as the CRM means it. The CRM may echo a value in another spelling than we sent
 * (`"1000"` → `"1000.0"`, epoch ms → ISO), and a false "different" here would turn an
 * already-applied edit into a conflict after a crash (docs/sync-guarantees.md G5), so numbers
 * and instants compare by meaning. Unset is null or "".
 */
export function sameValue(a: PropValue | undefined, b: PropValue | undefined): boolean {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return true;
  if (x === '' || y === '') return false;
  const ix = asInstant(x);
  const iy = asInstant(y);
  if (ix !== undefined && iy !== undefined) return ix === iy;
  if (NUMERIC.test(x) && NUMERIC.test(y)) return Number(x) === Number(y);
  return false;
}

/** The first and last instants HubSpot takes for a date (years 0001–9999 UTC). */
export const MIN_INSTANT = -62_135_596_800_000;
export const MAX_INSTANT = 253_402_300_799_999;

/**
 * Whether `ms` is a date HubSpot could hold. Outside years 0001–9999 a value is not a date to
 * show or compare: past ±8.64e15 `Date` is invalid and `Intl` formatting throws, and the
 * engine's lenient `Date.parse` reads "-99999" as the year 99999.
 */
export function inInstantRange(ms: number): boolean {
  return ms >= MIN_INSTANT && ms <= MAX_INSTANT;
}

/** A CRM timestamp property (ISO or epoch ms) as epoch ms; undefined when absent, unparseable or outside years 0001–9999. */
export function toMillis(v: PropValue | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const ms = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isNaN(ms) || !inInstantRange(ms) ? undefined : ms;
}
