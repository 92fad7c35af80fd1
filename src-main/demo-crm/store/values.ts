import type { PropertyDef } from '../schema/properties';
import { DAY } from '../dataset/context';

export type Normalized = { ok: true; value: string } | { ok: false; error: string; message: string };

/** HubSpot stores string values up to this many characters. */
export const MAX_VALUE_LENGTH = 65_536;
/** Dates are years 0001–9999 (what ISO-8601's four-digit years can say). */
const MIN_TIME = -62_135_596_800_000;
const MAX_TIME = 253_402_300_799_999;

/**
 * Parses a date filter or property value given as epoch ms or ISO-8601; NaN when neither,
 * when the calendar date does not exist (2026-02-30) or when it is outside years 0001–9999.
 */
export function parseTime(raw: string): number {
  const s = raw.trim();
  let t: number;
  if (/^-?\d+$/.test(s)) t = Number(s);
  else {
    const ymd = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
    if (!ymd) return NaN;
    t = Date.parse(s);
    // Date.parse rolls 2026-02-30 over to March; HubSpot rejects such a date.
    const d = new Date(Date.UTC(Number(ymd[1]), Number(ymd[2]) - 1, Number(ymd[3])));
    if (d.getUTCMonth() !== Number(ymd[2]) - 1 || d.getUTCDate() !== Number(ymd[3])) return NaN;
  }
  return Number.isFinite(t) && t >= MIN_TIME && t <= MAX_TIME ? t : NaN;
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
  if (value.length > MAX_VALUE_LENGTH) {
    return {
      ok: false,
      error: 'INVALID_PROPERTY_VALUE',
      message: `The value of ${def.name} is ${value.length} characters long; property values may have at most ${MAX_VALUE_LENGTH} characters.`,
    };
  }
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
      return Number.isNaN(t) ? { ok: false, error: 'INVALID_DATE', message: `${value} was not a valid date.` } : { ok: true, value: new Date(t).toISOString() };
    }
    case 'enumeration': {
      const options = def.options ?? [];
      if (options.some((o) => o.value === value)) return { ok: true, value };
      // Multiple checkboxes: several options separated by semicolons.
      if (def.fieldType === 'checkbox') {
        const bad = value.split(';').find((v) => !options.some((o) => o.value === v));
        if (bad === undefined) return { ok: true, value };
        return { ok: false, error: 'INVALID_OPTION', message: `${bad} was not one of the allowed options: [${options.map((o) => o.value).join(', ')}]` };
      }
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
