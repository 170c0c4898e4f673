import { readFileSync } from 'node:fs';
import type { Language } from '../../../electron/shared/models.ts';

type Messages = { [key: string]: string | Messages };

const files: Record<Language, string> = {
  'pt-BR': 'renderer/src/i18n/locales/pt-BR.json',
  en: 'renderer/src/i18n/locales/en.json',
};
const loaded = new Map<Language, Messages>();

/**
 * The app's own text for a key in a language ("transactions.details.open"), with
 * `{{name}}` filled from `values`: for tests that walk the screens in both languages.
 */
export function localeText(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const messages = loaded.get(language) ?? (JSON.parse(readFileSync(files[language], 'utf8')) as Messages);
  loaded.set(language, messages);
  const found = key
    .split('.')
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      messages,
    );
  if (typeof found !== 'string') throw new Error(`no text for ${key} in ${language}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
