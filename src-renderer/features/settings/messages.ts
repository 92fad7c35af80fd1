export const messages = {
  namespace: 'desktop',
  en: {
    title: 'Desktop',
    openAtLogin: 'Open CS Workspace when I log in',
    openAtLoginHint: 'It starts in the tray, so reminders and sync run from the start of your day.',
    openAtLoginFailed: 'The setting could not be changed: {message}',
  },
  pl: {
    title: 'Pulpit',
    openAtLogin: 'Otwieraj CS Workspace po zalogowaniu',
    openAtLoginHint: 'Uruchamia się w zasobniku, więc przypomnienia i synchronizacja działają od początku dnia.',
    openAtLoginFailed: 'Nie udało się zmienić ustawienia: {message}',
  },
};
