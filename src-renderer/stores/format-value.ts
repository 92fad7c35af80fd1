import type { PropertyKind } from '../../shared/views';

export interface FormattableProperty {
  kind: PropertyKind;
  options: ReadonlyArray<{ value: string; label: string }>;
}

/**
 * A CRM wire value as the screens show it: owner names, option labels, dates in the user's
 * zone (`date` properties are midnight UTC, so they are read in UTC). `datetimes` says whether
 * a datetime shows its day only (tables) or its day and time (the record preview).
 */
export function formatPropertyValue(
  p: FormattableProperty,
  value: string | null | undefined,
  ctx: { ownerNames: ReadonlyMap<string, string>; timeZone: string; datetimes: 'day' | 'dayAndTime' },
): string {
  if (value === null || value === undefined || value === '') return '';
  if (p.kind === 'owner') return ctx.ownerNames.get(value) ?? value;
  if (p.kind === 'enumeration') return value.split(';').map((v) => p.options.find((o) => o.value === v)?.label ?? v).join(', ');
  if (p.kind === 'date' || p.kind === 'datetime') {
    const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
    if (Number.isNaN(ms)) return value;
    if (p.kind === 'date') return new Date(ms).toLocaleDateString(undefined, { timeZone: 'UTC' });
    return ctx.datetimes === 'day'
      ? new Date(ms).toLocaleDateString(undefined, { timeZone: ctx.timeZone })
      : new Date(ms).toLocaleString(undefined, { timeZone: ctx.timeZone, dateStyle: 'medium', timeStyle: 'short' });
  }
  return value;
}
