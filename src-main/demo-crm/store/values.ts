import type { PropertyDef } from '../schema/properties';

export type Normalized = { ok: true; value: string } | { ok: false; error: string; message: string };

const DAY = 86_400_000;

/** Parses a date filter or property value given as epoch ms or ISO-8601; NaN when neither. */
export function parseTime(raw: string): number {
  if (/^-?\d+$/.test(raw.trim())) return Number(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw.trim())) return NaN;
  return Date.parse(raw);
}

/**
 * Turns a wire value into the stored form, or names the problem with HubSpot's error codes.
 * `date` is midnight UTC and is returned as `YYYY-MM-DD`; `datetime` as ISO with milliseconds.
 */
export function normalizeValue(def: PropertyDef, raw: unknown): Normalized {
  if (raw === null || raw === undefined) return { ok: true, value: '' };
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
    return { ok: false, error: 'INVALID_PROPERTY_VALUE', message: `${JSON.stringify(raw)} is not a valid value for ${def.name}.` };
  }
  const value = String(raw).trim();
  if (value === '') return { ok: true, value: '' };
  switch (def.type) {
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) && Number.isFinite(Number(value))
        ? { ok: true, value }
        : { ok: false, error: 'INVALID_INTEGER', message: `${value} was not a valid number.` };
    case 'bool':
      return /^(true|false)$/i.test(value)
        ? { ok: true, value: value.toLowerCase() }
        : { ok: false, error: 'INVALID_OPTION', message: `${value} was not one of the allowed options: [true, false]` };
    case 'date': {
      const t = parseTime(value);
      if (Number.isNaN(t)) return { ok: false, error: 'INVALID_DATE', message: `${value} was not a valid date.` };
      if (t % DAY !== 0) {
        return { ok: false, error: 'INVALID_DATE', message: `${value} is at ${new Date(t).toISOString()}, which is not midnight UTC!` };
      }
      return { ok: true, value: new Date(t).toISOString().slice(0, 10) };
    }
    case 'datetime': {
      const t = parseTime(value);
      return Number.isNaN(t)
        ? { ok: false, error: 'INVALID_DATE', message: `${value} was not a valid date.` }
        : { ok: true, value: new Date(t).toISOString() };
    }
    case 'enumeration': {
      const options = def.options ?? [];
      if (options.some((o) => o.value === value)) return { ok: true, value };
      if (def.owner && !/^\d+$/.test(value)) {
        return { ok: false, error: 'INVALID_INTEGER', message: `${value} was not a valid integer (for owner ID).` };
      }
      return {
        ok: false,
        error: 'INVALID_OPTION',
        message: `${value} was not one of the allowed options: [${options.map((o) => o.value).join(', ')}]`,
      };
    }
    default:
      return { ok: true, value };
  }
}

/** Comparable form of a stored value for sorting and range filters. */
export function comparable(def: PropertyDef | undefined, value: string): number | string {
  if (!def) return value.toLowerCase();
  if (def.type === 'number') return Number(value);
  if (def.type === 'date' || def.type === 'datetime') return parseTime(value);
  return value.toLowerCase();
}
