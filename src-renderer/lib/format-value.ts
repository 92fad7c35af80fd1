import { hasInjectionContext, inject } from 'vue';
import { STAGE_PROPERTY } from '../../shared/sync';
import { dateTimeFormat } from '../../shared/time';
import type { PropertyKind } from '../../shared/views';
import { parseInstant, parseNumber } from '../../shared/views/wire';
import { I18N_GLOBAL_KEY } from '../i18n';

export interface FormattableProperty {
  /** The property's name: pipeline and stage properties say "unknown stage" for an id the CRM no longer has. */
  name?: string;
  kind: PropertyKind;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/**
 * What a value that cannot be shown as its kind reads as: never "Invalid Date", "NaN" or a
 * blank, and never the bare id of an owner or stage the CRM no longer has.
 */
export interface ValuePlaceholders {
  invalidDate: string;
  invalidNumber: string;
  unknownOwner(id: string): string;
  unknownStage(id: string): string;
}

/** English placeholders, for callers without i18n (tests); screens use `useValuePlaceholders()`. */
export const EN_PLACEHOLDERS: ValuePlaceholders = {
  invalidDate: 'Not a valid date',
  invalidNumber: 'Not a valid number',
  unknownOwner: (id) => `Unknown owner (${id})`,
  unknownStage: (id) => `Unknown stage (${id})`,
};

const STAGE_NAMES = new Set(Object.values(STAGE_PROPERTY).flatMap((s) => [s.pipeline, s.stage]));

/**
 * A CRM wire value as the screens show it: owner names, option labels, dates in the user's
 * zone (`date` properties are midnight UTC, so they are read in UTC). `datetimes` says whether
 * a datetime shows its day only (tables) or its day and time (the record preview). A value
 * that does not parse as its kind shows a placeholder (HubSpot keeps old values when a
 * property's type changes, so a date property may hold "2026-13-45").
 */
// toLocaleString builds an Intl formatter on every call, which a table of dates paid per cell
// on every sort or filter; a kept formatter per (style, zone) gives the same text.
function dateFormat(style: 'day' | 'dayAndTime', timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat(undefined, style === 'day' ? { timeZone } : { timeZone, dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPropertyValue(
  p: FormattableProperty,
  value: string | null | undefined,
  ctx: { ownerNames: ReadonlyMap<string, string>; timeZone: string; datetimes: 'day' | 'dayAndTime'; placeholders?: ValuePlaceholders },
): string {
  if (value === null || value === undefined || value === '') return '';
  const text = ctx.placeholders ?? EN_PLACEHOLDERS;
  if (p.kind === 'owner') return ctx.ownerNames.get(value) ?? text.unknownOwner(value);
  if (p.kind === 'enumeration') {
    if (p.name && STAGE_NAMES.has(p.name)) return p.options.find((o) => o.value === value)?.label ?? text.unknownStage(value);
    return value
      .split(';')
      .map((v) => p.options.find((o) => o.value === v)?.label ?? v)
      .join(', ');
  }
  if (p.kind === 'number') return parseNumber(value) === undefined ? text.invalidNumber : value;
  if (p.kind === 'date' || p.kind === 'datetime') {
    const ms = parseInstant(value);
    if (ms === undefined) return text.invalidDate;
    if (p.kind === 'date') return dateFormat('day', 'UTC').format(ms);
    return dateFormat(ctx.datetimes, ctx.timeZone).format(ms);
  }
  return value;
}

/** The placeholders in the user's language (namespace `values`, `components/values/messages.ts`); inside a component or store setup. */
export function useValuePlaceholders(): () => ValuePlaceholders {
  const i18n = hasInjectionContext() ? inject(I18N_GLOBAL_KEY, null) : null;
  if (!i18n) return () => EN_PLACEHOLDERS;
  const t = i18n.t.bind(i18n) as (key: string, named?: Record<string, unknown>) => string;
  // A function, so a reactive caller re-reads it after the language changes.
  return () => ({
    invalidDate: t('values.invalidDate'),
    invalidNumber: t('values.invalidNumber'),
    unknownOwner: (id) => t('values.unknownOwner', { id }),
    unknownStage: (id) => t('values.unknownStage', { id }),
  });
}
