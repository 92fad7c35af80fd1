/**
 * How a CRM value that cannot be shown as its kind reads (namespace `values`): a date or number
 * that does not parse, an owner or a pipeline stage the CRM no longer has. Used wherever a
 * property value is formatted (`lib/format-value.ts`).
 */
export const messages = {
  namespace: 'values',
  en: {
    invalidDate: 'Not a valid date',
    invalidNumber: 'Not a valid number',
    unknownOwner: 'Unknown owner ({id})',
    unknownStage: 'Unknown stage ({id})',
    noDate: 'No date',
    showMore: 'Show all',
    showLess: 'Show less',
  },
  pl: {
    invalidDate: 'Nieprawidłowa data',
    invalidNumber: 'Nieprawidłowa liczba',
    unknownOwner: 'Nieznany właściciel ({id})',
    unknownStage: 'Nieznany etap ({id})',
    noDate: 'Brak daty',
    showMore: 'Pokaż całość',
    showLess: 'Pokaż mniej',
  },
};
