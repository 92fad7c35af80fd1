import { defineStore } from 'pinia';
import { inject, ref, watch } from 'vue';
import { I18N_GLOBAL_KEY, saveLocale, type Locale } from '../i18n';
import { applyTheme, initialTheme, saveTheme, type Theme } from '../lib/theme';

/** User preferences that live on this computer only (not in the CRM). */
export const usePreferencesStore = defineStore('preferences', () => {
  const global = inject(I18N_GLOBAL_KEY);
  if (!global) throw new Error('i18n was not provided before the preferences store was used.');
  const locale = ref(global.locale.value as Locale);
  document.documentElement.lang = locale.value;
  // Saved only when the user chooses: until then the language follows the operating system's.
  watch(locale, (next) => {
    global.locale.value = next;
    document.documentElement.lang = next;
    saveLocale(localStorage, next);
  });
  // The theme was applied before the app mounted (main.ts), so the first paint has its colours.
  const theme = ref<Theme>(initialTheme(localStorage));
  watch(theme, (next) => {
    applyTheme(document.documentElement, next);
    saveTheme(localStorage, next);
  });
  return { locale, theme };
});
