import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import type { ExportResult } from '../../electron/shared/exports.ts';
import { providerRow as row } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { handlerSession } from '../support/handler-session.ts';

/**
 * After an export, "Abrir" and "Mostrar na pasta" (exports:open-file, exports:show-in-folder):
 * the shell is asked to open a file only when an export of this session wrote it, and it is
 * still there; anything else a window names is refused before the shell hears of it.
 */
const session = handlerSession({
  seed: (database) => {
    seedTwoAccounts(database.db);
    new ProviderTransactionWriter(database.sqlite).write([row('t1'), row('t2', { amountCents: 5_000 })]);
  },
});
const { call } = session;

const exportCsv = async () => {
  const written = await call<ExportResult | null>('exports:csv', { dialect: 'pt-BR' });
  if (!written) throw new Error('the save dialog stand-in chose no path');
  return written.path;
};

describe('opening an exported file', () => {
  it('asks the shell to open the file, or show it in its folder, with its real path', async () => {
    const path = await exportCsv();
    expect(existsSync(path)).toBe(true);
    expect(await call('exports:open-file', { path })).toBeNull();
    expect(await call('exports:show-in-folder', { path })).toBeNull();
    // The same file named another way is still that file, and the shell gets its plain path.
    await call('exports:open-file', { path: join(dirname(path), 'elsewhere', '..', basename(path)) });
    expect(session.deps.openedExports).toEqual([
      { path, action: 'open' },
      { path, action: 'reveal' },
      { path, action: 'open' },
    ]);
  });

  it('refuses a path no export of this session wrote, even one that exists', async () => {
    const path = await exportCsv();
    const beside = join(dirname(path), 'notes.txt');
    writeFileSync(beside, 'not an export');
    for (const other of [beside, session.database.sqlite.name, '/etc/passwd', `${path}.part`]) {
      await expect(call('exports:open-file', { path: other })).rejects.toThrow('EXPORT_UNKNOWN');
      await expect(call('exports:show-in-folder', { path: other })).rejects.toThrow('EXPORT_UNKNOWN');
    }
    await expect(call('exports:open-file', { path: '' })).rejects.toThrow('INVALID_INPUT');
    expect(session.deps.openedExports).toEqual([]);
  });

  it('says the file is gone when it was moved or deleted since', async () => {
    const path = await exportCsv();
    rmSync(path);
    await expect(call('exports:open-file', { path })).rejects.toThrow('EXPORT_MISSING');
    await expect(call('exports:show-in-folder', { path })).rejects.toThrow('EXPORT_MISSING');
    expect(session.deps.openedExports).toEqual([]);
  });
});
