import { useTranslation } from 'react-i18next';
import { type Language, languages } from '../../../electron/shared/models.ts';

/** The UI language currently shown. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (languages as readonly string[]).includes(current) ? (current as Language) : 'pt-BR';
}
