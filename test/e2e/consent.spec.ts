import type { Page } from '@playwright/test';
import type { SandboxHandle } from '../../electron/core/sandbox/server.ts';
import { expect, test } from './support/app.ts';
import { invokeInConnectWindow } from './support/connect-window.ts';
import { connectSandboxBank } from './support/sandbox-bank.ts';
import { screenshotsAtEveryWidth } from './support/screenshots.ts';

// These reach into demo mode's Pluggy (its clock, items and faults), which the books worker keeps out of reach.
test.use({ books: 'in-process' });

/**
 * Open Finance consents don't lapse silently (issue 16): the connection says until when,
 * warns from 15 days before (on its card and in a banner on Conexões), "Renovar
 * consentimento" runs the Connect window in update mode for it, and after the end it says
 * why it stopped. Time is the demo sandbox's clock, which Balancete's warnings follow.
 */

const day = 24 * 3600 * 1000;
const bank = 'Pluggy Bank Open Finance';

/** The consent's last day as the screens write it (São Paulo, dd/mm/yyyy). */
const lastDay = (end: number) => new Date(end).toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });

async function setLanguage(page: Page, language: 'pt-BR' | 'en'): Promise<void> {
  await page.evaluate((value) => window.balancete?.invoke('settings:update', { language: value }), language);
}

test('an Open Finance consent: its end, the warning from 15 days before, renewal in the Connect window, and the stop after it', async ({
  app,
  page,
  context,
}) => {
  test.slow();
  await app.open('/connections');
  await invokeInConnectWindow(page, 'connectors:list', {}); // demo mode's sandbox starts
  const sandbox: SandboxHandle = await app.demoSandbox();
  sandbox.control.setConsentDuration(30 * day);
  const itemId = await connectSandboxBank(page, 'user-ok', 10);
  const card = page.getByRole('region', { name: bank });
  await expect(card).toContainText('Última sincronização', { timeout: 15_000 });
  const { items, clock } = sandbox.control;
  const end = items.consentExpiresAt(items.get(itemId)) ?? 0;
  await expect(card).toContainText(`Consentimento Open Finance até ${lastDay(end)}`);
  const banner = page.getByRole('region', { name: 'Consentimentos Open Finance' });
  await expect(banner).toHaveCount(0);

  // 12 days before the end: the card and a banner say so, each with the way to renew.
  clock.advance(end - 12 * day - clock.now());
  await app.poll();
  await expect(card).toContainText(
    `O consentimento Open Finance termina em 12 dias, em ${lastDay(end)}. Renove para o banco continuar enviando seus dados.`,
    { timeout: 10_000 },
  );
  await expect(card.locator('.connection-badge')).toHaveText('Consentimento no fim');
  await expect(banner).toHaveText(
    `O consentimento de ${bank} termina em 12 dias (${lastDay(end)}).Renovar consentimento`,
  );
  await screenshotsAtEveryWidth(page, 'consent-expiring');
  await setLanguage(page, 'en');
  await expect(page.getByRole('region', { name: 'Open Finance consents' })).toContainText(
    `Your consent for ${bank} ends in 12 days (${lastDay(end)}).`,
  );
  await expect(card).toContainText('The Open Finance consent ends in 12 days');
  await screenshotsAtEveryWidth(page, 'consent-expiring-en');
  await setLanguage(page, 'pt-BR');

  // Renewing: the Connect window, in update mode for this connection, says what it does.
  const opened = context.waitForEvent('page');
  await banner.getByRole('button', { name: 'Renovar consentimento' }).click();
  const connect = await opened;
  await expect(connect.getByRole('heading', { level: 1, name: 'Renovar consentimento' })).toBeVisible();
  await expect(connect.getByText(`O Open Finance pede um novo consentimento para o ${bank}`)).toBeVisible();
  await expect(connect.getByText('Banco do Open Finance: você autoriza')).toBeVisible();
  await connect.getByLabel('User').fill('user-ok');
  await connect.getByLabel('Password').fill('password-ok');
  await screenshotsAtEveryWidth(connect, 'consent-renew-window');
  await connect.getByRole('button', { name: 'Conectar' }).click();
  await expect(connect.getByRole('heading', { name: `${bank} conectado!` })).toBeVisible({ timeout: 15_000 });
  await connect.close();

  const renewed = items.consentExpiresAt(items.get(itemId)) ?? 0;
  expect(renewed).toBeGreaterThan(end);
  await expect(card).toContainText(`Consentimento Open Finance até ${lastDay(renewed)}`, { timeout: 10_000 });
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole('region', { name: bank })).toHaveCount(1); // the same connection, not a new one

  // After the end: the connection says why it stopped, and offers the renewal only.
  clock.advance(renewed + day - clock.now());
  await app.poll();
  await expect(card).toContainText(
    `Esta conexão parou de atualizar: o consentimento Open Finance terminou em ${lastDay(renewed)}.`,
    { timeout: 10_000 },
  );
  await expect(card.locator('.connection-badge')).toHaveText('Consentimento encerrado');
  await expect(card.getByRole('button', { name: 'Atualizar agora' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Reconectar' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Renovar consentimento' })).toBeVisible();
  await expect(banner).toContainText(`O consentimento de ${bank} terminou em ${lastDay(renewed)}`);
  await screenshotsAtEveryWidth(page, 'consent-expired');
  await setLanguage(page, 'en');
  await expect(card).toContainText('This connection stopped updating: its Open Finance consent ended');
  await screenshotsAtEveryWidth(page, 'consent-expired-en');
});
