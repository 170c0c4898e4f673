import { describe, expect, it } from 'vitest';
import { databaseOpenFailures, DatabaseOpenError } from '../../db/open-error.ts';
import {
  startupFailureReason,
  startupFailureText,
  type StartupFailureReason,
} from '../../electron/core/startup/startup-failure.ts';
import { startupLanguage } from '../../electron/core/startup/startup-language.ts';
import { languages } from '../../electron/shared/models.ts';

const dataDirectory = '/home/ana/.config/Balancete';
const reasons: StartupFailureReason[] = [...databaseOpenFailures, 'UNKNOWN'];

function errorFor(reason: StartupFailureReason): Error {
  return reason === 'UNKNOWN'
    ? new Error('boom in start-up')
    : new DatabaseOpenError(reason, `${reason}: what SQLite said`);
}

describe('startupFailureReason', () => {
  it('takes the code of a database failure', () => {
    for (const code of databaseOpenFailures) expect(startupFailureReason(new DatabaseOpenError(code, 'x'))).toBe(code);
  });

  it('tells a folder the system will not let it write as not writable, anything else as unknown', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/data'"), { code: 'EACCES' });
    const readOnlyDisk = Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    expect(startupFailureReason(denied)).toBe('DATA_FOLDER_NOT_WRITABLE');
    expect(startupFailureReason(readOnlyDisk)).toBe('DATA_FOLDER_NOT_WRITABLE');
    expect(startupFailureReason(Object.assign(new Error('?'), { code: 'ECONNRESET' }))).toBe('UNKNOWN');
    expect(startupFailureReason('a string thrown')).toBe('UNKNOWN');
  });
});

describe('startupFailureText', () => {
  it('says a newer Balancete made the books, in Portuguese by default and in English', () => {
    const error = errorFor('DATABASE_TOO_NEW');
    const portuguese = startupFailureText(error, { language: 'pt-BR', dataDirectory });
    expect(portuguese.title).toBe('O Balancete não pôde abrir');
    expect(portuguese.message).toMatch(/Balancete mais novo/);
    expect(portuguese.openDataFolder).toBe('Abrir pasta de dados');
    const english = startupFailureText(error, { language: 'en', dataDirectory });
    expect(english.message).toMatch(/made by a newer Balancete/);
    expect(english.openDataFolder).toBe('Open data folder');
    // Its reason says it all: no technical line.
    expect(english.detail).not.toMatch(/what SQLite said/);
  });

  it('gives every reason its own message in each language, with the data folder and, but for a newer version, the error', () => {
    for (const language of languages) {
      const messages = new Set<string>();
      for (const reason of reasons) {
        const error = errorFor(reason);
        const text = startupFailureText(error, { language, dataDirectory });
        messages.add(text.message);
        expect(text.detail).toContain(dataDirectory);
        if (reason !== 'DATABASE_TOO_NEW') expect(text.detail).toContain(error.message);
      }
      expect(messages.size).toBe(reasons.length);
    }
    const [portuguese, english] = languages.map((language) =>
      startupFailureText(errorFor('DATABASE_MIGRATION_FAILED'), { language, dataDirectory }),
    );
    expect(portuguese?.detail).toMatch(/^O arquivo ficou como estava/);
    expect(english?.detail).toMatch(/^The file was left as it was/);
  });
});

describe('startupLanguage', () => {
  it("is the user's choice when the books hold one, whatever the system says", () => {
    expect(startupLanguage('en', ['pt-BR'])).toBe('en');
    expect(startupLanguage('pt-BR', ['en-US'])).toBe('pt-BR');
  });

  it('without one: English on an English system, Brazilian Portuguese otherwise', () => {
    expect(startupLanguage(null, ['en-GB', 'pt-BR'])).toBe('en');
    expect(startupLanguage(null, ['pt-PT'])).toBe('pt-BR');
    expect(startupLanguage(null, ['fr-FR', 'en-US'])).toBe('pt-BR');
    expect(startupLanguage(null, [])).toBe('pt-BR');
  });
});
