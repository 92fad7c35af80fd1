import { defineStore } from 'pinia';
import { inject, ref, watch } from 'vue';
import { I18nInjectionKey, type Composer } from 'vue-i18n';
import { saveLocale, type Locale } from '../i18n';

/** User preferences that live on this computer only (not in the CRM). */
export const usePreferencesStore = defineStore('preferences', () => {
  const i18n = inject(I18nInjectionKey);
  if (!i18n) throw new Error('i18n was not installed before the preferences store was used.');
  // The app creates i18n in composition mode (legacy: false), so the global is a Composer.
  const global = i18n.global as unknown as Composer;
  const locale = ref(global.locale.value as Locale);
  watch(
    locale,
    (next) => {
      global.locale.value = next;
      document.documentElement.lang = next;
      saveLocale(localStorage, next);
    },
    { immediate: true },
  );
  return { locale };
});
