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
 * Value equality as the CRM means it. The CRM may echo a value in another spelling than we
 * sent (`"1000"` → `"1000.0"`, epoch ms → ISO), and a false "different" here would turn an
 * already-applied edit into a conflict after a crash (G5), so numbers and instants compare
 * by meaning. Unset is null or "".
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

/** A CRM timestamp property (ISO or epoch ms) as epoch ms; undefined when absent or unparseable. */
export function toMillis(v: PropValue | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}
