/** Home and local time (namespace `timeZones`): Settings → Time zones and the frame's notice, English and Polish with the same keys. */
export const messages = {
  namespace: 'timeZones',
  en: {
    title: 'Time zones',
    current: 'This computer’s zone now: {zone} ({offset})',
    home: 'Home time zone',
    homeHint: 'Where you work from. While you are elsewhere, times are shown in local time.',
    useCurrent: 'Use {zone} as home',
    showHomeTime: 'Show home time too',
    showHomeTimeHint: 'While you are away from home, Tasks and Schedule give each time at home beside the local one.',
    notice: 'You are in {current} ({currentOffset}); home is {home} ({homeOffset}). Times are shown in local time, with home time alongside.',
    noticeLocalOnly: 'You are in {current} ({currentOffset}); home is {home} ({homeOffset}). Times are shown in local time.',
    dismiss: 'Dismiss the time zone notice',
  },
  pl: {
    title: 'Strefy czasowe',
    current: 'Obecna strefa tego komputera: {zone} ({offset})',
    home: 'Domowa strefa czasowa',
    homeHint: 'Skąd pracujesz na co dzień. Gdy jesteś gdzie indziej, godziny są pokazywane w czasie lokalnym.',
    useCurrent: 'Ustaw {zone} jako domową',
    showHomeTime: 'Pokazuj też czas w domu',
    showHomeTimeHint: 'Gdy jesteś poza domem, Zadania i Harmonogram podają obok czasu lokalnego także godzinę w domu.',
    notice: 'Jesteś w strefie {current} ({currentOffset}); dom to {home} ({homeOffset}). Godziny są pokazywane w czasie lokalnym, obok czas w domu.',
    noticeLocalOnly: 'Jesteś w strefie {current} ({currentOffset}); dom to {home} ({homeOffset}). Godziny są pokazywane w czasie lokalnym.',
    dismiss: 'Zamknij informację o strefie czasowej',
  },
};
