/** Messages of the activity forms (namespace `activityForms`); identical keys in both languages. */
export const messages = {
  namespace: 'activityForms',
  en: {
    title: { note: 'Log a note', email: 'Log an email', call: 'Log a call', task: 'Create a task', meeting: 'Log a meeting' },
    subject: { note: 'Title', email: 'Subject', call: 'Call title', task: 'Task title', meeting: 'Meeting title' },
    body: { note: 'Note', email: 'Email body', call: 'Call notes', task: 'Notes', meeting: 'Meeting notes' },
    when: { note: 'Date and time', email: 'Sent at', call: 'Call date and time', task: 'Due', meeting: 'Starts' },
    duration: 'Duration (minutes)',
    save: 'Save',
    cancel: 'Cancel',
    required: 'Fill in the required field.',
    offlineHint: 'Saved on this computer; it reaches the CRM when you are online.',
  },
  pl: {
    title: { note: 'Dodaj notatkę', email: 'Zapisz e-mail', call: 'Zapisz połączenie', task: 'Utwórz zadanie', meeting: 'Zapisz spotkanie' },
    subject: { note: 'Tytuł', email: 'Temat', call: 'Tytuł połączenia', task: 'Tytuł zadania', meeting: 'Tytuł spotkania' },
    body: { note: 'Notatka', email: 'Treść e-maila', call: 'Notatki z rozmowy', task: 'Notatki', meeting: 'Notatki ze spotkania' },
    when: { note: 'Data i godzina', email: 'Wysłano', call: 'Data i godzina połączenia', task: 'Termin', meeting: 'Początek' },
    duration: 'Czas trwania (minuty)',
    save: 'Zapisz',
    cancel: 'Anuluj',
    required: 'Uzupełnij wymagane pole.',
    offlineHint: 'Zapisane na tym komputerze; trafi do CRM, gdy będziesz online.',
  },
};
