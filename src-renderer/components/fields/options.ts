/** One choice of a SelectField: the value the model takes and the text the user reads (data, never markup). */
export interface FieldOption<T> {
  value: T;
  label: string;
  disabled?: boolean;
}

/** CRM properties as choices: the value is the property's name, the text its label (or the name where it has none). */
export const propertyOptions = (list: ReadonlyArray<{ name: string; label?: string }>): FieldOption<string>[] =>
  list.map((p) => ({ value: p.name, label: p.label ?? p.name }));
