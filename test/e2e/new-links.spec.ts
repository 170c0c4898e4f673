import type { BrowserContext, Page } from '@playwright/test';
import { type AppFixture, expect, test } from './support/app.ts';
import { closeWidget, standInForPluggyWidget, useOwnApplication, widgetFrame } from './support/pluggy-widget.ts';
import { invokeInConnectWindow } from './support/connect-window.ts';
import { connectSandboxBank, linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';

// These reach into demo mode's Pluggy (its clock, items and faults), which the books worker keeps out of reach.
test.use({ books: 'in-process' });

/**
 * Linking a bank never leaves junk (issue 16), as the user sees it: a failed first login
 * leaves nothing and "Tentar de novo" comes back to the same form; the same bank linked
 * twice is asked about; an update that brought only part of the data says what is missing;
 * the remove dialog names the connection, and asks nothing of one with no data.
 */

/** Opens the Connect window from the main window and logs in to a sandbox bank there. */
async function loginInConnectWindow(
  page: Page,
  context: BrowserContext,
  user: string,
  bank = 'Pluggy Bank',
): Promise<Page> {
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  await connect.getByRole('button', { name: bank, exact: true }).click();
  await connect.getByLabel('User').fill(user);
  await connect.getByLabel('Password').fill('password-ok');
  await connect.getByRole('button', { name: 'Conectar' }).click();
  return connect;
}

/** The ids of the items Pluggy (demo mode's sandbox) holds now. */
async function itemsAtPluggy(app: AppFixture): Promise<string[]> {
  return (await app.demoSandbox()).control.items.all().map((item) => item.id);
}

test('a first login that fails leaves nothing, and "Tentar de novo" comes back to the same form', async ({
  app,
  page,
  context,
}) => {
  await app.open('/connections');
  const connect = await loginInConnectWindow(page, context, 'user-locked');

  const failure = connect.getByRole('alert');
  await expect(failure).toContainText('Não foi possível conectar Pluggy Bank');
  await expect(failure).toContainText('Sua conta está bloqueada no banco');
  await expect(failure).toContainText('Nada desta tentativa ficou guardado');
  // Nothing behind, in Balancete or at Pluggy.
  await expect(page.getByText('Nenhum banco conectado ainda.')).toBeVisible();
  expect(await itemsAtPluggy(app)).toEqual([]);
  await screenshotsEverywhere(connect, 'connect-failed', (language) =>
    expect(connect.getByRole('button', { name: language === 'en' ? 'Try again' : 'Tentar de novo' })).toBeVisible(),
  );

  await connect.getByRole('button', { name: 'Tentar de novo' }).click();
  // The same bank's form, as it was typed, with why the last attempt failed above it.
  await expect(connect.getByRole('heading', { name: 'Entrar no Pluggy Bank' })).toBeVisible();
  await expect(connect.getByLabel('User')).toHaveValue('user-locked');
  await expect(connect.getByLabel('Password')).toHaveValue('password-ok');
  await expect(connect.getByRole('alert')).toContainText('Sua conta está bloqueada no banco');
  await screenshotsEverywhere(connect, 'connect-retry', (language) =>
    expect(connect.getByRole('button', { name: language === 'en' ? 'Connect' : 'Conectar' })).toBeVisible(),
  );

  await connect.getByLabel('User').fill('user-ok');
  await connect.getByRole('button', { name: 'Conectar' }).click();
  await expect(connect.getByRole('heading', { name: 'Pluggy Bank conectado!' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Pluggy Bank' })).toHaveCount(1);
  expect(await itemsAtPluggy(app)).toHaveLength(1);
});

test('the same bank linked twice is asked about; reconnecting the existing one leaves one connection', async ({
  app,
  page,
  context,
}) => {
  await linkSyncedSandboxBank(app, page);
  const [first] = await itemsAtPluggy(app);
  const connect = await loginInConnectWindow(page, context, 'user-ok');

  const question = connect.getByRole('form', { name: 'Pluggy Bank já está conectado' });
  await expect(question).toBeVisible({ timeout: 15_000 });
  // What the new link would bring again, by the names the books already give those accounts.
  await expect(question.getByRole('listitem')).toHaveText([
    'Pluggy Bank · Conta Corrente ·· 2345-0',
    'Pluggy Bank · Poupança ·· 4321-9',
    'Pluggy Bank · Mastercard Black ·· 4242',
  ]);
  await expect(question.getByRole('radio', { name: /Reconectar a conexão que já existe/ })).toBeChecked();
  await expect(question).toContainText('os relatórios contam esse dinheiro em dobro');
  // While the question waits, the main window shows it on the new link's card too; nothing of it is kept.
  const cards = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(cards).toHaveCount(2);
  await expect(cards.filter({ hasText: 'Aguardando sua resposta' })).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: 'R$' })).toHaveCount(3);
  await screenshotsEverywhere(connect, 'connect-duplicate', (language) =>
    expect(connect.getByRole('button', { name: language === 'en' ? 'Continue' : 'Continuar' })).toBeVisible(),
  );
  await screenshotsEverywhere(page, 'connections-duplicate', (language) =>
    expect(
      cards.filter({ hasText: language === 'en' ? 'Waiting for your answer' : 'Aguardando sua resposta' }),
    ).toHaveCount(1),
  );

  await question.getByRole('button', { name: 'Continuar' }).click();
  await expect(connect.getByRole('heading', { name: 'Pluggy Bank conectado!' })).toBeVisible({ timeout: 15_000 });
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText('Atualizada');
  expect(await itemsAtPluggy(app)).toEqual([first]);
});

test('keeping both connections of the same bank, warned: both sync, their accounts told apart', async ({
  app,
  page,
}) => {
  await linkSyncedSandboxBank(app, page);
  await connectSandboxBank(page, 'user-ok');
  const cards = page.getByRole('region', { name: 'Pluggy Bank' });
  const waiting = cards.filter({ hasText: 'Aguardando sua resposta' });
  await expect(waiting).toBeVisible({ timeout: 15_000 });
  await expect(waiting.getByRole('button', { name: 'Atualizar agora' })).toHaveCount(0);

  await waiting.getByRole('radio', { name: /Manter as duas conexões/ }).check();
  await waiting.getByRole('button', { name: 'Continuar' }).click();
  await expect(cards.filter({ hasText: 'Última sincronização' })).toHaveCount(2, { timeout: 15_000 });
  await expect(page.getByText('Pluggy Bank · Conta Corrente ·· 2345-0 (2)')).toBeVisible();
  expect(await itemsAtPluggy(app)).toHaveLength(2);
});

test('an update that brought only part of the data says what is missing, in the Connect window and on its card', async ({
  app,
  page,
  context,
}) => {
  await app.open('/connections');
  const connect = await loginInConnectWindow(page, context, 'user-ok-account-error');
  const done = connect.getByRole('status').filter({ hasText: 'nem tudo veio' });
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect(done.getByRole('heading')).toHaveText('Pluggy Bank conectado, mas nem tudo veio');
  await expect(done).toContainText('Transações — Poupança 0001/54321-9 indisponível no momento');
  await screenshotsEverywhere(connect, 'connect-partial', (language) =>
    expect(connect.getByRole('status').getByRole('heading')).toContainText(
      language === 'en' ? 'not everything came' : 'nem tudo veio',
    ),
  );

  const card = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(card.locator('.connection-badge')).toHaveText('Atualizada em parte');
  await expect(card).toContainText('Não veio desta vez:');
  await expect(card).toContainText('Transações — Poupança 0001/54321-9 indisponível no momento');
  await screenshotsEverywhere(page, 'connections-partial', (language) =>
    expect(card.locator('.connection-badge')).toHaveText(language === 'en' ? 'Partly updated' : 'Atualizada em parte'),
  );
});

test('a refresh whose sync fails after a success shows the failure on the badge, not "Atualizada"', async ({
  app,
  page,
}) => {
  await linkSyncedSandboxBank(app, page);
  const card = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(card.locator('.connection-badge')).toHaveText('Atualizada');

  (await app.demoSandbox()).control.faults.add({ kind: 'server-error', status: 500, path: '/v2/transactions' });
  await card.getByRole('button', { name: 'Atualizar agora' }).click();
  await expect(card.locator('.connection-badge')).toHaveText('Falhou ao sincronizar', { timeout: 30_000 });
  await expect(card).toContainText('A última sincronização');
  await expect(card).toContainText('O Pluggy está com problemas no momento');
  await expect(card.getByRole('alert')).toHaveCount(0); // said once, under the title
  await screenshotsEverywhere(page, 'connections-sync-failed', (language) =>
    expect(card.locator('.connection-badge')).toHaveText(language === 'en' ? 'Sync failed' : 'Falhou ao sincronizar'),
  );
});

test('the remove dialog names the connection by its accounts, and asks nothing of one with no data', async ({
  app,
  page,
}) => {
  await linkSyncedSandboxBank(app, page);
  const synced = page.getByRole('region', { name: 'Pluggy Bank', exact: true });
  await synced.getByRole('button', { name: 'Remover' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remover a conexão com Pluggy Bank?' });
  await expect(dialog).toContainText('As 3 contas desta conexão:');
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Pluggy Bank · Conta Corrente ·· 2345-0',
    'Pluggy Bank · Poupança ·· 4321-9',
    'Pluggy Bank · Mastercard Black ·· 4242',
  ]);
  await expect(dialog.getByRole('radio', { name: /Manter contas e transações/ })).toBeChecked();
  await screenshotsEverywhere(page, 'connection-remove-named', (language) =>
    expect(page.getByRole('dialog').getByRole('heading')).toContainText(
      language === 'en' ? 'Remove the connection' : 'Remover a conexão',
    ),
  );
  await dialog.getByRole('button', { name: 'Cancelar' }).click();

  // A bank waiting for its MFA code: nothing of it is on this computer yet.
  await connectSandboxBank(page, 'user-ok', 2);
  const waiting = page.getByRole('region', { name: 'Pluggy Bank MFA' });
  await expect(waiting).toContainText('Aguardando seu código', { timeout: 15_000 });
  await waiting.getByRole('button', { name: 'Remover' }).click();
  const bare = page.getByRole('dialog', { name: 'Remover a conexão com Pluggy Bank MFA?' });
  await expect(bare).toContainText('Nada desta conexão foi guardado neste computador ainda');
  await expect(bare.getByRole('radio')).toHaveCount(0);
  await screenshotsEverywhere(page, 'connection-remove-never-synced', (language) =>
    expect(page.getByRole('dialog').getByRole('heading')).toContainText(
      language === 'en' ? 'Remove the connection' : 'Remover a conexão',
    ),
  );
  await bare.getByRole('button', { name: 'Remover conexão' }).click();
  await expect(waiting).toHaveCount(0);
  expect(app.database.sqlite.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 1 });
});

/** Own mode: what Pluggy's widget does with its token, logging in to the sandbox bank; resolves to the new item's id. */
async function loginAsTheWidget(app: AppFixture, connectToken: string, user: string): Promise<string> {
  const created = await app.sandbox.call('POST', '/items', {
    key: connectToken,
    body: { connectorId: 0, parameters: { user, password: 'password-ok' } },
  });
  return (created.body as { id: string }).id;
}

test('own mode: a login that failed in Pluggy’s widget is deleted at Pluggy once the widget closes', async ({
  app,
  page,
  context,
}) => {
  await standInForPluggyWidget(context);
  await useOwnApplication(app, page);
  await page.goto(page.url().replace(/#.*$/, '#/connections'));
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  const widget = await widgetFrame(connect);
  const token = await widget.evaluate(() => window.xprops?.connectToken ?? '');

  const itemId = await loginAsTheWidget(app, token, 'user-locked');
  await expect.poll(() => app.sandbox.sandbox.control.items.get(itemId).status).toBe('LOGIN_ERROR');
  // The widget shows its own error screen and says so to the page; the user gives up.
  await widget.evaluate(
    (id) => window.xprops?.onErrorProp({ message: 'Account locked', data: { item: { id } } }),
    itemId,
  );
  await closeWidget(widget);

  await expect(connect.getByRole('status')).toHaveText('A janela do Pluggy foi fechada sem conectar um banco.');
  await expect.poll(() => app.sandbox.sandbox.control.items.all().some((item) => item.id === itemId)).toBe(false);
  await expect(page.getByText('Nenhum banco conectado ainda.')).toBeVisible();
});

test('own mode: the same bank linked again in the widget is asked about, and the new item deleted', async ({
  app,
  page,
  context,
}) => {
  await standInForPluggyWidget(context);
  await useOwnApplication(app, page);
  const tokenFor = async () => {
    const made = await invokeInConnectWindow(page, 'connect-token:create', {});
    return (made as { ok: true; value: { connectToken: string } }).value.connectToken;
  };
  const first = await loginAsTheWidget(app, await tokenFor(), 'user-ok');
  await invokeInConnectWindow(page, 'connections:adopt', { itemId: first });
  await page.goto(page.url().replace(/#.*$/, '#/connections'));
  const cards = page.getByRole('region', { name: 'Pluggy Bank' });
  await expect(cards).toContainText('Última sincronização', { timeout: 15_000 });

  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Conectar banco' }).first().click();
  const connect = await opened;
  const widget = await widgetFrame(connect);
  const token = await widget.evaluate(() => window.xprops?.connectToken ?? '');
  const second = await loginAsTheWidget(app, token, 'user-ok');
  await widget.evaluate((id) => window.xprops?.onSuccessProp({ item: { id } }), second);
  await closeWidget(widget);

  const question = connect.getByRole('form', { name: 'Pluggy Bank já está conectado' });
  await expect(question).toBeVisible({ timeout: 15_000 });
  await question.getByRole('button', { name: 'Continuar' }).click();
  await expect(connect.getByRole('heading', { name: 'Pluggy Bank conectado!' })).toBeVisible({ timeout: 15_000 });
  await expect(cards).toHaveCount(1);
  await expect.poll(() => app.sandbox.sandbox.control.items.all().some((item) => item.id === second)).toBe(false);
  expect(app.sandbox.sandbox.control.items.get(first).status).toBe('UPDATED');
});
