export const messages = {
  namespace: 'localStore',
  en: {
    title: 'The data on this computer could not be opened',
    intro: 'CS Workspace keeps a copy of your CRM on this computer. This copy did not open, so the workspace cannot start with it.',
    reason: 'Reason: {reason}',
    why: {
      VersionError: 'it was written by a newer version of CS Workspace.',
      UpgradeError: 'updating it to this version of CS Workspace failed.',
      other: '{message}',
    },
    explain:
      'Starting over deletes this copy and syncs your CRM again. Edits that had not reached the CRM are first saved to a file in the data folder; after the sync, Settings → Saved edits brings them back.',
    save: 'Save unsent edits and start over',
    saving: 'Saving unsent edits…',
    deleting: 'Deleting the local copy…',
    retry: 'Try again',
    failed: 'Nothing was deleted: the edits could not be saved ({message}).',
    unreadable:
      'The edits in this copy could not be read, so they cannot be saved. Starting over deletes them; edits that had already reached the CRM are not affected.',
    deleteAnyway: 'Delete the local copy and start over',
  },
  pl: {
    title: 'Nie udało się otworzyć danych na tym komputerze',
    intro: 'CS Workspace przechowuje kopię Twojego CRM na tym komputerze. Ta kopia się nie otworzyła, więc obszar roboczy nie może z nią wystartować.',
    reason: 'Przyczyna: {reason}',
    why: {
      VersionError: 'zapisała ją nowsza wersja CS Workspace.',
      UpgradeError: 'nie udało się jej zaktualizować do tej wersji CS Workspace.',
      other: '{message}',
    },
    explain:
      'Zacznij od nowa: ta kopia zostanie usunięta, a CRM zsynchronizowany ponownie. Zmiany, które nie dotarły jeszcze do CRM, najpierw zostaną zapisane do pliku w folderze danych; po synchronizacji Ustawienia → Zapisane zmiany przywrócą je.',
    save: 'Zapisz niewysłane zmiany i zacznij od nowa',
    saving: 'Zapisywanie niewysłanych zmian…',
    deleting: 'Usuwanie lokalnej kopii…',
    retry: 'Spróbuj ponownie',
    failed: 'Nic nie zostało usunięte: nie udało się zapisać zmian ({message}).',
    unreadable:
      'Nie udało się odczytać zmian z tej kopii, więc nie można ich zapisać. Rozpoczęcie od nowa je usunie; zmiany, które już dotarły do CRM, pozostaną bez zmian.',
    deleteAnyway: 'Usuń lokalną kopię i zacznij od nowa',
  },
};
