import type { Page } from '@playwright/test';
import { reconcile } from '../support/reconciled-fixture.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { screenshotsAtEveryWidth } from './support/screenshots.ts';

/**
 * Demo data and real data never mix silently (issue 16): a quiet "Dados de demonstração"
 * in the shell while any is in the books, and choosing one's own Pluggy application offers
 * to remove it (by default), reconciled rows named; kept, it is marked and never updated.
 */

/** Calls a channel through the page's bridge, as the screens do. */
async function invoke(page: Page, channel: string, input?: unknown): Promise<unknown> {
  const result = await page.evaluate(async ([name, value]) => window.balancete?.invoke(name as never, value as never), [
    channel,
    input,
  ] as const);
  if (!result?.ok) throw new Error(`${channel} failed`);
  return result.value;
}

/** Reconciles the checking account's latest transaction, straight in the books; its description. */
function reconcileOne(app: AppFixture): string {
  const row = app.database.sqlite
    .prepare(
      `SELECT t.id, t.account_id AS accountId, t.description FROM transactions t
       JOIN accounts a ON a.id = t.account_id
       WHERE a.subtype = 'CHECKING_ACCOUNT' AND t.removed_at IS NULL ORDER BY t.date DESC, t.id LIMIT 1`,
    )
    .get() as { id: string; accountId: string; description: string };
  reconcile(app.database.sqlite, row.accountId, [row.id]);
  return row.description;
}

test('the demo data marker: on every screen while demo data is in the books, quiet, explained, and leading to Conta Pluggy', async ({
  app,
  page,
}) => {
  await app.open('/accounts');
  const marker = page.getByRole('button', { name: 'Dados de demonstração' });
  await expect(page.getByRole('heading', { level: 1, name: 'Contas' })).toBeVisible();
  await expect(marker).toHaveCount(0);

  await linkSyncedSandboxBank(app, page);
  for (const [keys, title] of [
    ['Control+1', 'Contas'],
    ['Control+2', 'Conexões'],
    ['Control+3', 'Transações'],
    ['Control+7', 'Relatórios'],
    ['Control+,', 'Configurações'],
  ] as const) {
    await page.keyboard.press(keys);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(marker).toBeVisible();
  }
  await expect(marker).toHaveAttribute('title', /modo demonstração/);

  await page.keyboard.press('Control+1');
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(marker).toHaveAttribute('aria-expanded', 'true');
  const note = page.locator('.demo-marker-note');
  await expect(note).toContainText('vêm do banco de testes embutido');
  await screenshotsAtEveryWidth(page, 'demo-data-marker');
  // Esc closes it and leaves the keyboard on the marker.
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(marker).toBeFocused();

  await marker.click();
  await note.getByRole('link', { name: 'Abrir Configurações → Conta Pluggy' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Conta Pluggy' })).toBeFocused();
  await expect(note).toBeHidden();

  await invoke(page, 'settings:update', { language: 'en' });
  await page.keyboard.press('Control+1');
  const english = page.getByRole('button', { name: 'Demo data' });
  await english.click();
  await expect(page.locator('.demo-marker-note')).toContainText('come from the test bank built into Balancete');
  await screenshotsAtEveryWidth(page, 'demo-data-marker-en');
});

test('choosing my own Pluggy application offers to remove the demo data, names reconciled rows, and removes it all', async ({
  app,
  page,
}) => {
  await linkSyncedSandboxBank(app, page);
  const reconciled = reconcileOne(app);
  await app.open('/settings');
  const section = page.getByRole('region', { name: 'Conta Pluggy' });
  await section.getByLabel('Minha aplicação Pluggy').check();

  const offer = section.getByRole('group', { name: 'Dados de demonstração', exact: true });
  await expect(offer).toContainText(/1 conexão \(Pluggy Bank\), 3 contas e [\d.]+ transações/);
  await expect(offer.getByLabel('Remover os dados de demonstração (recomendado)')).toBeChecked();
  await expect(offer.getByRole('listitem')).toContainText([reconciled]);
  await expect(offer).toContainText('1 transação de demonstração está conciliada e também será apagada');
  const { clientId, clientSecret } = app.sandbox.sandbox.credentials;
  await section.getByLabel('Client ID').fill(clientId);
  await section.getByLabel('Client secret').fill(clientSecret);
  // The reconciled row goes only once the user says so.
  const save = section.getByRole('button', { name: 'Verificar e salvar' });
  await expect(save).toBeDisabled();
  await screenshotsAtEveryWidth(page, 'demo-data-offer');

  await page.getByLabel('Idioma').selectOption('en');
  const englishOffer = page.getByRole('group', { name: 'Demo data', exact: true });
  await expect(englishOffer.getByLabel('Remove the demo data (recommended)')).toBeChecked();
  await screenshotsAtEveryWidth(page, 'demo-data-offer-en');

  await englishOffer.getByLabel('I understand: delete the reconciled transaction too').check();
  await page.getByRole('button', { name: 'Check and save' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Credentials checked and kept in the system keychain. The demo data was removed.',
  );
  await expect(page.getByRole('button', { name: 'Demo data' })).toHaveCount(0);
  await screenshotsAtEveryWidth(page, 'demo-data-removed-en');
  await page.keyboard.press('Control+2');
  await expect(page.getByText('No bank connected yet.')).toBeVisible();
  expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM transactions').get()).toEqual({ n: 0 });
});

test('kept, the demo data stays marked and never updates; it can be removed later', async ({ app, page }) => {
  await linkSyncedSandboxBank(app, page);
  await app.open('/settings');
  const section = page.getByRole('region', { name: 'Conta Pluggy' });
  // Keys kept earlier: choosing the own application asks first, and switches on the button.
  await invoke(page, 'pluggy-account:save', app.sandbox.sandbox.credentials);
  await invoke(page, 'pluggy-account:use', { mode: 'demo' });
  await page.reload();
  await section.getByLabel('Minha aplicação Pluggy').check();
  await section.getByLabel('Manter, marcados como demonstração').check();
  await section.getByRole('button', { name: 'Usar minha aplicação Pluggy' }).click();
  const kept = section.getByRole('group', { name: 'Dados de demonstração', exact: true });
  await expect(kept).toContainText('Continuam nos seus livros, marcados como demonstração e sem atualizar');

  await page.keyboard.press('Control+2');
  const card = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(card).toContainText('Demonstração — não atualiza com sua aplicação Pluggy.');
  await expect(card.locator('.connection-badge')).toHaveText('Demonstração');
  await expect(card.getByRole('button', { name: 'Atualizar agora' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Remover' })).toBeVisible();
  const marker = page.getByRole('button', { name: 'Dados de demonstração' });
  await expect(marker).toHaveAttribute('title', /Parte das contas é de demonstração/);
  await screenshotsAtEveryWidth(page, 'demo-data-kept-connections');
  await invoke(page, 'settings:update', { language: 'en' });
  await expect(card).toContainText('Demo — not updated with your Pluggy application.');
  await screenshotsAtEveryWidth(page, 'demo-data-kept-connections-en');
  await invoke(page, 'settings:update', { language: 'pt-BR' });

  await marker.click();
  await page.getByRole('link', { name: 'Abrir Configurações → Conta Pluggy' }).click();
  await expect(kept).toBeVisible();
  await screenshotsAtEveryWidth(page, 'demo-data-kept-settings');
  await kept.getByRole('button', { name: 'Remover dados de demonstração' }).click();
  await expect(section.getByRole('status')).toHaveText('Os dados de demonstração foram removidos.');
  await expect(marker).toHaveCount(0);
  await expect(section.getByLabel('Minha aplicação Pluggy')).toBeChecked();
});
