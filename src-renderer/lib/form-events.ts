/**
 * The value of the field an `input` or `change` event came from (a text field, a select, a
 * textarea), for templates that bind `:value` and handle the event themselves instead of
 * `v-model` (the filter and health editors emit a whole new object on each change).
 */
export const eventValue = (e: Event): string => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
