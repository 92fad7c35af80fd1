/**
 * A list a person typed, or a CRM field holds, as comma-separated text (a filter's values,
 * a stage's required properties): trimmed, without empty entries or repeats, in order.
 */
export function parseCommaList(text: string | undefined): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}
