import { inInstantRange } from '../sync/values';
import type { PropertyKind } from './kinds';
import { DAY_MS, dayNumber } from './zone';

/**
 * Reading HubSpot wire values (docs/hubspot-api.md §2: every value is a string; unset is null or
 * ""). A value that does not parse for its property's kind counts as missing: it is
 * "unknown", matches no positive operator and sorts last.
 */

export type WireValue = string | null | undefined;

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const EPOCH_MS = /^-?\d+$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `YYYY-MM-DDTHH:mm:ss.sssZ`: an instant ISO above accepts, which Date.parse reads as it is. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function parseNumber(v: WireValue): number | undefined {
  if (v === null || v === undefined) return undefined;
  const s = v.trim();
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Epoch ms or ISO-8601; an ISO time without an offset is UTC, never the host's zone. Outside
 * years 0001–9999 (HubSpot's range) there is no date: `9999999999999999` is undefined.
 */
export function parseInstant(v: WireValue): number | undefined {
  if (v === null || v === undefined) return undefined;
  // HubSpot's own form (what `toISOString` writes), most of what a book holds: one test, no match.
  if (v.length === 24 && CANONICAL_ISO.test(v)) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) || !inInstantRange(ms) ? undefined : ms;
  }
  const s = v.trim();
  if (EPOCH_MS.test(s)) return inInstantRange(Number(s)) ? Number(s) : undefined;
  const m = ISO.exec(s);
  if (!m) return undefined;
  let iso = s;
  if (m[1] !== undefined && m[4] === undefined) iso += 'Z';
  else if (m[4] !== undefined && /^[+-]\d{4}$/.test(m[4])) iso = `${s.slice(0, -2)}:${s.slice(-2)}`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) || !inInstantRange(ms) ? undefined : ms;
}

/**
 * A `date` property holds a calendar day stored as midnight UTC (docs/hubspot-api.md §8), so its
 * day is the UTC day of the instant, whatever the user's zone.
 */
export function parseDateDay(v: WireValue): number | undefined {
  const ms = parseInstant(v);
  return ms === undefined ? undefined : Math.floor(ms / DAY_MS);
}

/** A strict `YYYY-MM-DD` calendar day (no rollover of 2026-02-30). */
export function parseIsoDay(v: WireValue): number | undefined {
  const m = v ? DAY.exec(v.trim()) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayNumber(y, mo, d);
  const back = new Date(day * DAY_MS);
  return back.getUTCFullYear() === y && back.getUTCMonth() + 1 === mo && back.getUTCDate() === d ? day : undefined;
}

export function parseBool(v: WireValue): boolean | undefined {
  const s = v?.trim().toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

/** Multi-select enumerations are ';'-separated option values. */
export function splitOptions(v: WireValue): string[] {
  if (v === null || v === undefined) return [];
  return v
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export type IndexKey = string | number;

/**
 * The value a store indexes for a property so that `planQuery` ranges apply to it. Text is
 * lower-cased; numbers are numbers; dates and datetimes are epoch ms (a `date` at midnight
 * UTC of its day); bools are 1/0; enumerations and owners are arrays of option values
 * (a multiEntry index). Missing values give undefined and must not be indexed.
 */
export function indexKey(kind: PropertyKind, v: WireValue): IndexKey | IndexKey[] | undefined {
  switch (kind) {
    case 'string':
    case 'phone_number':
      return v ? v.toLowerCase() : undefined;
    case 'number':
      return parseNumber(v);
    case 'date': {
      const day = parseDateDay(v);
      return day === undefined ? undefined : day * DAY_MS;
    }
    case 'datetime':
      return parseInstant(v);
    case 'bool': {
      const b = parseBool(v);
      return b === undefined ? undefined : b ? 1 : 0;
    }
    case 'enumeration':
    case 'owner': {
      const opts = splitOptions(v);
      return opts.length > 0 ? opts : undefined;
    }
  }
}
