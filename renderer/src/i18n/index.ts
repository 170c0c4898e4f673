import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../electron/shared/models.ts';
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';

export const resources = {
  'pt-BR': { translation: ptBR },
  // `satisfies` makes a key missing from the English file a type error.
  en: { translation: en satisfies typeof ptBR },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: (typeof resources)['pt-BR'];
  }
}

/** Starts i18next in the given language; pt-BR is the fallback for anything missing. */
export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'pt-BR',
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
