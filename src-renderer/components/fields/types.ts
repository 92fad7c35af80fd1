/** One choice of a SelectField: the value the model takes and the text the user reads (data, never markup). */
export interface FieldOption<T> {
  value: T;
  label: string;
  disabled?: boolean;
}
