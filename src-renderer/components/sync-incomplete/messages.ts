/** Messages of the incomplete-data banner (namespace `syncIncomplete`); identical keys in both languages. */
export const messages = {
  namespace: 'syncIncomplete',
  en: {
    banner: 'The local data is incomplete: {objects} could not be synced from the CRM, so some records may be missing here. Sync status has the reason.',
  },
  pl: {
    banner:
      'Dane lokalne są niepełne: nie udało się zsynchronizować z CRM ({objects}), więc może tu brakować części rekordów. Przyczyna jest w stanie synchronizacji.',
  },
};
