import type { InjectionKey } from 'vue';
import { createI18n, type Composer } from 'vue-i18n';
import en from './locales/en';
import pl from './locales/pl';

export const LOCALES = ['en', 'pl'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'cs.locale';

/** Polish plural forms: 1 / 2–4 (not 12–14) / 5+; choice indexes match the pl messages. */
function polishPlural(choice: number, choicesLength: number): number {
  if (choicesLength < 4) return Math.min(choice, choicesLength - 1);
  if (choice === 0) return 0;
  if (choice === 1) return 1;
  const teen = choice % 100 >= 12 && choice % 100 <= 14;
  return !teen && choice % 10 >= 2 && choice % 10 <= 4 ? 2 : 3;
}

/** The user's choice if they made one, else the OS language (what the browser/Electron reports). */
export function initialLocale(storage: Pick<Storage, 'getItem'>, languages: readonly string[]): Locale {
  const saved = storage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'pl') return saved;
  return languages.some((l) => l.toLowerCase().startsWith('pl')) ? 'pl' : 'en';
}

export function saveLocale(storage: Pick<Storage, 'setItem'>, locale: Locale): void {
  storage.setItem(STORAGE_KEY, locale);
}

/**
 * Each feature keeps its messages beside it (`messages.ts` in a feature or component folder,
 * exporting `{ namespace, en, pl }`), merged here under their namespace, so that features do not
 * edit one shared file.
 */
type FeatureMessages = { namespace: string; en: Record<string, unknown>; pl: Record<string, unknown> };
const featureMessages = import.meta.glob<FeatureMessages>(['../features/*/messages.ts', '../components/**/messages.ts'], {
  eager: true,
  import: 'messages',
});

export function allMessages() {
  const messages = { en: { ...en } as Record<string, unknown>, pl: { ...pl } as Record<string, unknown> };
  for (const m of Object.values(featureMessages)) {
    messages.en[m.namespace] = m.en;
    messages.pl[m.namespace] = m.pl;
  }
  return messages;
}

export function createAppI18n(locale: Locale) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: allMessages() as { en: typeof en; pl: typeof en },
    pluralRules: { pl: polishPlural },
  });
}

/** The global composer, provided by main.ts so that setup stores (outside components) can switch language. */
export const I18N_GLOBAL_KEY: InjectionKey<Composer> = Symbol('i18n-global');
