import { existsSync, rmSync } from 'node:fs';
import { expect, test } from './support/app.ts';
import { insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';

/**
 * After an export (issue 20): "Abrir", "Mostrar na pasta" and "Fechar". Opening is the
 * shell's (main's) job: the bridge records what the shell was asked, with the exported
 * file's real path, as no file manager can run in a test.
 */
test('a finished export offers to open the file or its folder, starting on Abrir; Esc closes', async ({
  app,
  page,
}) => {
  const { checking } = seedAccountsAndCategories(app.database.db, []);
  insertTransactions(app.database.db, [
    { id: 'f1', accountId: checking, date: '2026-11-18', description: 'CAFÉ SÃO JOSÉ', amountCents: -1250 },
    { id: 'f2', accountId: checking, date: '2026-11-17', description: 'PIX RECEBIDO ACME', amountCents: 500000 },
  ]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('/transactions');
  await expect(page.getByRole('grid').locator('.tx-description')).toHaveCount(2);

  const exportButton = page.getByRole('button', { name: 'Exportar…' });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Exportar transações' });
  await dialog.getByRole('button', { name: 'Escolher onde salvar…' }).click();
  const saved = dialog.getByRole('status');
  await expect(saved).toContainText(/2 transações salvas em .+\.csv\./);
  const path = /salvas em (.+\.csv)\./.exec((await saved.textContent()) ?? '')?.[1];
  if (!path) throw new Error('no path shown');
  expect(existsSync(path)).toBe(true);

  const open = dialog.getByRole('button', { name: 'Abrir', exact: true });
  await expect(open).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Escolher onde salvar…' })).toHaveCount(0);
  await screenshotsEverywhere(page, 'export-finished', async (language) => {
    await expect(
      page.getByRole('dialog').getByRole('button', { name: language === 'en' ? 'Open' : 'Abrir', exact: true }),
    ).toBeVisible();
  });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Enter on the focused "Abrir", then "Mostrar na pasta": both reach the shell with the file's path.
  await open.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => app.openedExports).toEqual([{ path, action: 'open' }]);
  await dialog.getByRole('button', { name: 'Mostrar na pasta' }).click();
  await expect
    .poll(() => app.openedExports)
    .toEqual([
      { path, action: 'open' },
      { path, action: 'reveal' },
    ]);
  // The bridge logs a request once its answer is back, a moment after the shell heard it.
  const asked = () =>
    app.ipc
      .filter((each) => String(each.channel).startsWith('exports:') && each.channel !== 'exports:csv')
      .map((each) => [each.channel, each.input]);
  await expect.poll(asked).toEqual([
    ['exports:open-file', { path }],
    ['exports:show-in-folder', { path }],
  ]);

  // The file moved or deleted since: said in plain words, and nothing is asked of the shell.
  rmSync(path);
  await open.click();
  await expect(dialog.getByRole('alert')).toHaveText(/não está mais onde foi salvo/);
  expect(app.openedExports).toHaveLength(2);

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  // "Fechar" closes too; a window naming some other path is refused before the shell hears of it.
  await exportButton.click();
  await dialog.getByRole('radio', { name: /CSV internacional/ }).check();
  await dialog.getByRole('button', { name: 'Escolher onde salvar…' }).click();
  await expect(dialog.getByRole('button', { name: 'Abrir', exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();
  const refused = await page.evaluate(() => window.balancete?.invoke('exports:open-file', { path: '/etc/passwd' }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'EXPORT_UNKNOWN' } });
  expect(app.openedExports).toHaveLength(2);
});
