/**
 * How a CRM owner or user is named everywhere (tables, pickers, reports, "Who are you?"):
 * first and last name, else the email, else the id.
 */
export function ownerDisplayName(o: { id: string; firstName?: string | null; lastName?: string | null; email?: string | null }): string {
  const name = [o.firstName, o.lastName].filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(' ');
  return name || o.email || o.id;
}
