import Database from 'better-sqlite3';
import { Language } from '../../shared/models.ts';

/**
 * The language the user chose in Settings, read from books that may not open (too new,
 * half-readable): read-only, so nothing is written, and null when it cannot be read.
 */
export function readStoredLanguage(databaseFile: string): Language | null {
  try {
    const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'language'").get();
      const parsed = row ? Language.safeParse(JSON.parse(row.value)) : undefined;
      return parsed?.success ? parsed.data : null;
    } finally {
      sqlite.close();
    }
  } catch {
    return null;
  }
}

/**
 * The language to say start-up failed in: the user's choice when the books hold one;
 * else English when the system's first language is English; else Balancete's default,
 * Brazilian Portuguese.
 */
export function startupLanguage(stored: Language | null, systemLanguages: readonly string[]): Language {
  if (stored) return stored;
  return systemLanguages[0]?.toLowerCase().startsWith('en') ? 'en' : 'pt-BR';
}
