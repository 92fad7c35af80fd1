import type { Criterion } from '../../../shared/health';
import type { Filter } from '../../../shared/views';

type T = (key: string, params?: Record<string, unknown>) => string;

/** A condition in words; the operator as the filter editor names it (`filters.ops`), in the user's language. */
function filterText(f: Filter, t: T): string {
  const value = f.values?.join(', ') ?? [f.value, f.highValue].filter((v) => v !== undefined && v !== '').join(' – ');
  return `${f.property} ${t(`filters.ops.${f.operator}`)} ${value}`.trim();
}

/**
 * A criterion in words ("at least 2 meetings in 30 days"); the user's own label wins.
 */
export function describeCriterion(c: Criterion, t: T, accountObject = 'companies'): string {
  if (c.label?.trim()) return c.label.trim();
  if (c.kind === 'property') {
    const object = c.objectType === accountObject ? '' : t('health.criterion.relatedPrefix', { object: t(`health.types.${c.objectType}`) });
    return `${object}${filterText(c.filter, t)}`;
  }
  const state = c.state && c.state !== 'any' ? `${t(`health.states.${c.state}`)} ` : '';
  const what = `${state}${t(`health.types.${c.objectType}`)}`;
  const where = c.where?.length ? ` ${t('health.criterion.where', { conditions: c.where.map((f) => filterText(f, t)).join(', ') })}` : '';
  if (c.kind === 'recency') return `${t('health.criterion.recency', { what, days: c.withinDays })}${where}`;
  const head =
    c.comparator === 'eq' && c.count === 0 ? t('health.criterion.count.none', { what }) : t(`health.criterion.count.${c.comparator}`, { count: c.count, what });
  const window = c.windowDays ? ` ${t('health.criterion.inWindow', { days: c.windowDays })}` : '';
  return `${head}${where}${window}`;
}

/** "+10", "−15" (a real minus sign), "0". */
export function signed(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `\u2212${Math.abs(points)}`;
  return '0';
}
