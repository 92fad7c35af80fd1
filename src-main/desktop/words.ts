/**
 * The main process's own sentences (dialogs, the one-time notice), in the OS language like
 * the tray; English and Polish, as in the renderer.
 */
function plEdits(n: number): string {
  if (n === 1) return '1 zmiana nie dotarła jeszcze do CRM';
  const last = n % 10;
  const lastTwo = n % 100;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? `${n} zmiany nie dotarły jeszcze do CRM` : `${n} zmian nie dotarło jeszcze do CRM`;
}

const WORDS = {
  en: {
    quitTitle: 'Quit CS Workspace?',
    quitMessage: (n: number) => (n === 1 ? '1 edit has not reached the CRM yet.' : `${n} edits have not reached the CRM yet.`),
    quitDetail: 'They stay saved on this computer and are sent the next time CS Workspace runs and is online.',
    quitAnyway: 'Quit anyway',
    cancel: 'Cancel',
    hiddenTitle: 'CS Workspace is still running',
    hiddenBody: 'It keeps syncing and reminding you of tasks from the tray; quit from the tray menu.',
  },
  pl: {
    quitTitle: 'Zakończyć CS Workspace?',
    quitMessage: (n: number) => `${plEdits(n)}.`,
    quitDetail: 'Zostają zapisane na tym komputerze i zostaną wysłane, gdy CS Workspace znów będzie działać z dostępem do sieci.',
    quitAnyway: 'Zakończ mimo to',
    cancel: 'Anuluj',
    hiddenTitle: 'CS Workspace nadal działa',
    hiddenBody: 'Synchronizuje i przypomina o zadaniach z zasobnika; zamkniesz je z menu w zasobniku.',
  },
} as const;

export function desktopWords(locale: string) {
  return locale.toLowerCase().startsWith('pl') ? WORDS.pl : WORDS.en;
}
