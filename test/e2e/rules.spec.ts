import type { Page } from '@playwright/test';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { categories, transactionUserData } from '../../db/schema.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { expect, test } from './support/app.ts';
import { insertTransactions } from './support/book.ts';
import { screenshotsEverywhere } from './support/screenshots.ts';
import { transactionGrid } from './support/transaction-grid.ts';

const uberIds = ['u1', 'u2', 'u3', 'u4'];
const rideIds = ['p1', 'p2', 'p3'];

/**
 * Four Uber trips (the bank appends a different reference to each), three rides of another
 * app, and rows no rule here should touch. One Uber trip already has a category by hand.
 */
function seedBook(db: Db): void {
  const { checking, card } = seedTwoAccounts(db);
  db.insert(categories)
    .values([
      { id: 'cat-transport', source: 'user', namePt: 'Transporte', nameEn: 'Transport' },
      { id: 'cat-food', source: 'user', namePt: 'Refeições', nameEn: 'Meals' },
    ])
    .run();
  const rows = [
    { id: 'u1', accountId: card, date: '2026-11-19', description: 'UBER *TRIP 4821', amountCents: -2390 },
    { id: 'u2', accountId: card, date: '2026-11-12', description: 'UBER *TRIP 1203', amountCents: -1875 },
    { id: 'u3', accountId: card, date: '2026-10-30', description: 'UBER *TRIP 9944', amountCents: -3110 },
    { id: 'u4', accountId: card, date: '2026-10-02', description: 'UBER *TRIP 0051', amountCents: -1520 },
    { id: 'p1', accountId: card, date: '2026-11-15', description: 'CABIFY CORRIDA 11', amountCents: -2200 },
    { id: 'p2', accountId: card, date: '2026-11-08', description: 'CABIFY CORRIDA 12', amountCents: -1900 },
    { id: 'p3', accountId: card, date: '2026-10-20', description: 'CABIFY CORRIDA 13', amountCents: -2500 },
    { id: 'x1', accountId: checking, date: '2026-11-18', description: 'PADARIA PÃO DOURADO', amountCents: -890 },
    { id: 'x2', accountId: checking, date: '2026-11-17', description: 'PIX RECEBIDO - ACME LTDA', amountCents: 500000 },
  ];
  insertTransactions(db, rows);
  db.insert(transactionUserData)
    .values([{ transactionId: 'u3', categoryId: 'cat-food', categorySource: 'manual' }])
    .run();
}

function categoriesOf(db: Db, ids: string[]): Record<string, string | null> {
  const found = db
    .select({ id: transactionUserData.transactionId, categoryId: transactionUserData.categoryId })
    .from(transactionUserData)
    .where(inArray(transactionUserData.transactionId, ids))
    .all();
  return Object.fromEntries(ids.map((id) => [id, found.find((row) => row.id === id)?.categoryId ?? null]));
}

const editor = (page: Page) => page.getByRole('dialog', { name: 'Nova regra' });
const transactionCount = (page: Page) => page.getByRole('definition').first();
const ruleList = (page: Page) => page.getByRole('list', { name: 'Regras, na ordem em que valem' });

/** Records every value the apply's progress bar shows, however briefly it is on screen. */
async function watchProgressBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: (string | null)[] = [];
    (window as unknown as { progressSeen: (string | null)[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (bar) seen.push(bar.getAttribute('aria-valuenow'));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

test('a rule from a transaction: preview, save, apply with progress, undo', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/transactions');

  // What a search shows on the transactions screen is what the rule's preview must count.
  await page.getByRole('searchbox', { name: 'Buscar transações' }).fill('uber');
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(4);
  await expect(transactionCount(page)).toHaveText('4');

  await transactionGrid(page).focus();
  await page.keyboard.press('r');
  await expect(page).toHaveURL(/#\/rules\?fromTransaction=u1$/);
  await expect(editor(page)).toBeVisible();
  await expect(editor(page).getByLabel('Nome')).toHaveValue('UBER *TRIP');
  await expect(editor(page).getByLabel('Campo da condição 1')).toHaveValue('description');
  await expect(editor(page).getByLabel('Texto da condição 1')).toHaveValue('UBER *TRIP');
  const preview = editor(page).getByRole('region', { name: 'Transações que correspondem' });
  await expect(preview.getByRole('status')).toHaveText('4 transações correspondem');
  await expect(preview.getByRole('row')).toHaveCount(5); // header + 4
  await expect(preview.getByRole('row').nth(1)).toContainText('19/11/2026');
  await expect(preview.getByRole('row').nth(1)).toContainText('UBER *TRIP 4821');
  await expect(preview.getByRole('row').nth(1)).toContainText('-R$\u00a023,90');

  // The preview follows the conditions as they are edited, before anything is saved.
  await editor(page).getByLabel('Texto da condição 1').fill('UBER *TRIP 48');
  await expect(preview.getByRole('status')).toHaveText('1 transação corresponde');
  await editor(page).getByLabel('Texto da condição 1').fill('UBER *TRIP');
  await expect(preview.getByRole('status')).toHaveText('4 transações correspondem');

  await editor(page).getByRole('button', { name: 'Escolher categoria' }).click();
  await page.keyboard.type('transp');
  await page.keyboard.press('Enter');
  await expect(editor(page).getByRole('group', { name: 'Categoria' })).toContainText('Transporte');
  await page.screenshot({ path: 'test-results/screenshots/rules-editor.png' });

  await page.keyboard.press('Control+Enter');
  await expect(editor(page)).toBeHidden();
  await expect(page).toHaveURL(/#\/rules$/);
  const list = ruleList(page);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText(
    'Quando a descrição contém “UBER *TRIP”, define: categoria Transporte.',
  );

  // Apply just this rule, right after saving it.
  await watchProgressBar(page);
  await page.getByRole('button', { name: 'Aplicar às transações existentes' }).click();
  // u3 was categorized by hand: a rule does not overrule the user.
  await expect(page.getByRole('status').filter({ hasText: 'Regras aplicadas' })).toHaveText(
    /Regras aplicadas: 3 transações alteradas \(de 9 examinadas\)\./,
  );
  const progress = await page.evaluate(() => (window as unknown as { progressSeen: (string | null)[] }).progressSeen);
  expect(progress.length).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screenshots/rules-applied.png' });
  expect(categoriesOf(app.database.db, uberIds)).toEqual({
    u1: 'cat-transport',
    u2: 'cat-transport',
    u3: 'cat-food',
    u4: 'cat-transport',
  });

  // The transactions screen shows the categories; back on Rules, the result and its Undo are still there.
  await page.keyboard.press('Control+3');
  await page.getByRole('searchbox', { name: 'Buscar transações' }).fill('uber');
  await expect(transactionGrid(page).locator('.category-chip')).toHaveText([
    'Transporte',
    'Transporte',
    'Refeições',
    'Transporte',
  ]);
  await page.getByRole('link', { name: 'Regras' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Regras aplicadas' })).toContainText(
    'Regras aplicadas: 3 transações alteradas',
  );

  await page.getByRole('button', { name: 'Desfazer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Desfeito' })).toContainText(
    'Desfeito: 3 transações voltaram ao que eram.',
  );
  // The Undo button is gone: focus lands on the notice's Close, not on the page's body.
  await expect(page.getByRole('status').getByRole('button', { name: 'Fechar' })).toBeFocused();
  expect(categoriesOf(app.database.db, uberIds)).toEqual({ u1: null, u2: null, u3: 'cat-food', u4: null });
  await page.keyboard.press('Control+3');
  await page.getByRole('searchbox', { name: 'Buscar transações' }).fill('uber');
  await expect(transactionGrid(page).locator('.category-chip')).toHaveText([
    'Sem categoria',
    'Sem categoria',
    'Refeições',
    'Sem categoria',
  ]);
});

test('an invalid pattern is explained next to the field and the rule is not saved', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/rules');
  await expect(page.getByRole('heading', { name: 'Nenhuma regra ainda' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/rules-empty.png' });
  await page.getByRole('button', { name: 'Nova regra' }).first().click();

  await editor(page).getByLabel('Nome').fill('Corridas');
  await editor(page).getByLabel('Comparação da condição 1').selectOption('regex');
  const pattern = editor(page).getByLabel('Texto da condição 1');
  await pattern.fill('UBER (TRIP');
  await expect(pattern).toHaveAttribute('aria-invalid', 'true');
  await expect(pattern).toHaveAccessibleDescription(/Este padrão não é válido/);
  await expect(editor(page).getByRole('status')).toHaveText(
    'Complete as condições para ver quais transações correspondem.',
  );
  // RE2's syntax: no lookarounds or backreferences, no huge repetition counts; each said plainly.
  await pattern.fill('UBER(?= \\*TRIP)');
  await expect(pattern).toHaveAccessibleDescription(
    /^Lookahead e lookbehind, como \(\?=…\) ou \(\?<!…\), não são aceitos/,
  );
  await pattern.fill('(UBER) \\1');
  await expect(pattern).toHaveAccessibleDescription(/^Referências a um grupo, como \\1, não são aceitas/);
  await pattern.fill('UBER.{0,999}');
  await expect(pattern).toHaveAccessibleDescription(/^Complexo demais/);

  await editor(page).getByRole('button', { name: 'Escolher categoria' }).click();
  await page.keyboard.type('transp');
  await page.keyboard.press('Enter');
  await editor(page).getByRole('button', { name: 'Salvar regra' }).click();
  await expect(editor(page).getByRole('alert')).toHaveText('A regra não foi salva: corrija os campos indicados acima.');
  await expect(editor(page)).toBeVisible();
  expect(app.ipc.filter((exchange) => exchange.channel === 'rules:save')).toHaveLength(0);

  // A pattern that backtracks for minutes in JavaScript's engine previews at once.
  await pattern.fill('(.|.)*#$');
  await expect(editor(page).getByRole('status')).toHaveText('0 transação corresponde');

  // A working pattern previews and saves; a second condition combined with "any".
  await pattern.fill('UBER|CABIFY');
  await expect(editor(page).getByRole('status')).toHaveText('7 transações correspondem');
  await editor(page).getByRole('button', { name: 'Adicionar condição' }).click();
  await editor(page).getByLabel('Campo da condição 2').selectOption('amount');
  await editor(page).getByLabel('Comparação da condição 2').selectOption('between');
  await editor(page).getByLabel('Menor valor da condição 2').fill('20');
  await editor(page).getByLabel('Maior valor da condição 2').fill('10');
  await expect(editor(page).getByLabel('Maior valor da condição 2')).toHaveAccessibleDescription(
    'O maior valor está abaixo do menor.',
  );
  await editor(page).getByLabel('Maior valor da condição 2').fill('25,00');
  await expect(editor(page).getByRole('status')).toHaveText('3 transações correspondem');
  await editor(page).getByLabel('Transações que atendem a').selectOption('any');
  await expect(editor(page).getByRole('status')).toHaveText('7 transações correspondem');
  await editor(page).getByRole('button', { name: 'Salvar regra' }).click();
  await expect(editor(page)).toBeHidden();
  await expect(ruleList(page).getByRole('listitem')).toContainText(
    'Quando a descrição segue o padrão “UBER|CABIFY” ou o valor está entre R$\u00a020,00 e R$\u00a025,00, define: categoria Transporte.',
  );

  // Esc cancels the editor without saving.
  await page.getByRole('button', { name: 'Nova regra' }).click();
  await expect(editor(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeHidden();
  await expect(ruleList(page).getByRole('listitem')).toHaveCount(1);
});

test('a suggestion after three manual choices becomes a rule; rules reorder from the keyboard', async ({
  app,
  page,
}) => {
  seedBook(app.database.db);
  await app.open('/transactions');
  await page.getByRole('searchbox', { name: 'Buscar transações' }).fill('cabify');
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(3);
  await transactionGrid(page).focus();
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Categorizar 3 transações' }).click();
  await page.keyboard.type('transp');
  await page.keyboard.press('Enter');
  // Saved by the books worker once it answers.
  await expect
    .poll(() => categoriesOf(app.database.db, rideIds))
    .toEqual({
      p1: 'cat-transport',
      p2: 'cat-transport',
      p3: 'cat-transport',
    });

  await page.keyboard.press('Control+4');
  const suggestion = page.getByRole('listitem', { name: 'Sempre colocar “CABIFY CORRIDA” em Transporte?' });
  await expect(suggestion).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/rules-suggestion.png' });
  await suggestion.getByRole('button', { name: 'Criar regra' }).click();
  await expect(suggestion).toBeHidden();
  const list = ruleList(page);
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('CABIFY CORRIDA');
  await expect(list.getByRole('listitem')).toContainText('Aprendida');

  // A second rule, then Alt+↑ moves it first; the switch turns the other off.
  await page.getByRole('button', { name: 'Nova regra' }).click();
  await editor(page).getByLabel('Nome').fill('Padaria');
  await editor(page).getByLabel('Texto da condição 1').fill('padaria');
  await editor(page).getByLabel('Etiquetas').fill('café, cliente');
  await page.keyboard.press('Control+Enter');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await list.getByRole('listitem').nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(list.getByRole('heading')).toHaveText(['Regra 1: Padaria', 'Regra 2: CABIFY CORRIDAAprendida']);
  await expect(list.getByRole('listitem').first()).toBeFocused();
  await list.getByRole('switch', { name: 'Regra “CABIFY CORRIDA” ativa' }).click();
  await expect(list.getByRole('switch', { name: 'Regra “CABIFY CORRIDA” ativa' })).not.toBeChecked();
  await page.screenshot({ path: 'test-results/screenshots/rules-list.png' });

  await list.getByRole('button', { name: 'Excluir “Padaria”' }).click();
  await page
    .getByRole('dialog', { name: 'Excluir a regra “Padaria”?' })
    .getByRole('button', { name: 'Excluir regra' })
    .click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
});

test('in English, every problem the editor can show is in English', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/settings');
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: 'New rule' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New rule' });

  // Save on an empty rule: what is missing, said next to each field.
  await dialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The rule was not saved: fix the fields marked above.');
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('Fill this in.');
  await expect(dialog.getByLabel('Text of condition 1')).toHaveAccessibleDescription('Fill this in.');
  await expect(dialog.getByRole('group', { name: 'Then set' })).toHaveAccessibleDescription(
    'Choose at least one thing for the rule to set.',
  );

  // Patterns are checked in the browser, in the UI's language (the backend's own words are English only).
  await dialog.getByLabel('Comparison of condition 1').selectOption('regex');
  const pattern = dialog.getByLabel('Text of condition 1');
  await pattern.fill('UBER (TRIP');
  await expect(pattern).toHaveAccessibleDescription(/^This is not a valid pattern/);
  await pattern.fill('(?<!PIX )UBER');
  await expect(pattern).toHaveAccessibleDescription(
    /^Lookahead and lookbehind, like \(\?=…\) or \(\?<!…\), are not supported/,
  );
  await pattern.fill('(UBER) \\1');
  await expect(pattern).toHaveAccessibleDescription(/^Backreferences to a group, like \\1, are not supported/);
  await pattern.fill('(UBER){0,99}(TRIP){0,99}');
  await expect(pattern).toHaveAccessibleDescription(/^Too complex: repetitions with large counts/);
  await expect(dialog.getByRole('status')).toHaveText('Complete the conditions to see which transactions they match.');

  await dialog.getByRole('button', { name: 'Add condition' }).click();
  await dialog.getByLabel('Field of condition 2').selectOption('document');
  await dialog.getByLabel('CPF or CNPJ of condition 2').fill('123.456');
  await expect(dialog.getByLabel('CPF or CNPJ of condition 2')).toHaveAccessibleDescription(
    'A CPF has 11 digits and a CNPJ 14.',
  );
  await dialog.getByLabel('Field of condition 2').selectOption('amount');
  await dialog.getByLabel('Comparison of condition 2').selectOption('equals');
  await dialog.getByLabel('Amount of condition 2').fill('twelve');
  await expect(dialog.getByLabel('Amount of condition 2')).toHaveAccessibleDescription(/^Type an amount such as/);
  // The amount the English hint shows ("E.g. 1,234.56") is one the editor takes.
  await dialog.getByLabel('Amount of condition 2').fill('1,234.56');
  await expect(dialog.getByLabel('Amount of condition 2')).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Comparison of condition 2').selectOption('between');
  await dialog.getByLabel('Smallest amount of condition 2').fill('20');
  await dialog.getByLabel('Largest amount of condition 2').fill('10');
  await expect(dialog.getByLabel('Largest amount of condition 2')).toHaveAccessibleDescription(
    'The largest amount is below the smallest.',
  );
  await dialog.getByLabel('Tags').fill(Array.from({ length: 21 }, (_, index) => `tag${index}`).join(', '));
  await expect(dialog.getByLabel('Tags')).toHaveAccessibleDescription(/Up to 20 tags of up to 50 characters each\./);
  await page.screenshot({ path: 'test-results/screenshots/rules-editor-problems-en.png' });
  expect(app.ipc.filter((exchange) => exchange.channel === 'rules:save')).toHaveLength(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'No rules yet' })).toBeVisible();
});

test('a rule an older version saved with a lookahead is listed as not running, with why', async ({ app, page }) => {
  seedBook(app.database.db);
  // Patterns ran on JavaScript's engine before: this one was accepted then, and RE2 cannot run it.
  app.database.sqlite
    .prepare(
      `INSERT INTO rules (name, enabled, match, conditions, actions, source, position, created_at)
       VALUES ('Uber sem PIX', 1, 'all', ?, ?, 'user', 0, '2026-10-01T12:00:00.000Z')`,
    )
    .run(
      JSON.stringify([
        { field: 'amount', operator: 'sign', sign: 'out' },
        { field: 'description', operator: 'regex', value: '^(?!PIX).*UBER' },
      ]),
      JSON.stringify({ categoryId: 'cat-transport' }),
    );
  await app.open('/rules');
  // Found by its name, which stays the same in both languages.
  const rule = page.getByRole('listitem').filter({ hasText: 'Uber sem PIX' });
  await expect(rule).toHaveAccessibleDescription(
    /Condição 2: Lookahead e lookbehind, como \(\?=…\) ou \(\?<!…\), não são aceitos: escreva o padrão sem eles\. Enquanto não for editada, esta regra fica de fora\.$/,
  );
  await expect(rule.getByRole('heading')).toHaveText('Regra 1: Uber sem PIXNão executa');
  await screenshotsEverywhere(page, 'rules-not-running', async (language) => {
    await expect(rule.getByRole('heading')).toContainText(language === 'en' ? 'Not running' : 'Não executa');
  });

  // It cannot be applied; opening it shows the problem on the pattern, to fix there.
  const apply = rule.getByRole('button', { name: 'Aplicar “Uber sem PIX” às transações existentes' });
  await expect(apply).toBeDisabled();
  await rule.getByRole('button', { name: 'Editar “Uber sem PIX”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Editar regra' });
  await expect(dialog.getByLabel('Texto da condição 2')).toHaveAccessibleDescription(/^Lookahead e lookbehind/);
  await dialog.getByLabel('Texto da condição 2').fill('^UBER');
  await dialog.getByRole('button', { name: 'Salvar regra' }).click();
  await expect(dialog).toBeHidden();
  await expect(rule.getByRole('heading')).toHaveText('Regra 1: Uber sem PIX');
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(page.getByRole('status').filter({ hasText: 'Regras aplicadas' })).toHaveText(
    /Regras aplicadas: 3 transações alteradas \(de 9 examinadas\)\./,
  );
  expect(categoriesOf(app.database.db, uberIds)).toEqual({
    u1: 'cat-transport',
    u2: 'cat-transport',
    u3: 'cat-food',
    u4: 'cat-transport',
  });
});
