import { eq } from 'drizzle-orm';
import { rules } from '../../db/schema.ts';
import { expect, test } from './support/app.ts';
import { insertTransactions, seedAccountsAndCategories } from './support/book.ts';
import { invokeFromPage, screenshotsEverywhere } from './support/screenshots.ts';
import { transactionGrid, transactionRow } from './support/transaction-grid.ts';

/**
 * A rule suggestion offered where its pattern was made (issue 20): the third UBER trip put
 * in Transporte by hand on Transações asks, there, whether to make it a rule. Regras'
 * suggestions are the same ones (rules:suggestions): created here, it is a learned rule;
 * dismissed here, it never comes back, there either.
 */
test('three UBER trips categorized by hand on Transações offer a rule there, created in one click', async ({
  app,
  page,
}) => {
  const { card } = seedAccountsAndCategories(app.database.db, []);
  insertTransactions(app.database.db, [
    { id: 'u1', accountId: card, date: '2026-11-19', description: 'UBER *TRIP 4821', amountCents: -2390 },
    { id: 'u2', accountId: card, date: '2026-11-12', description: 'UBER *TRIP 1203', amountCents: -1875 },
    { id: 'u3', accountId: card, date: '2026-10-30', description: 'UBER *TRIP 9944', amountCents: -3110 },
    { id: 'p1', accountId: card, date: '2026-11-15', description: 'CABIFY CORRIDA 11', amountCents: -2200 },
    { id: 'p2', accountId: card, date: '2026-11-08', description: 'CABIFY CORRIDA 12', amountCents: -1900 },
    { id: 'p3', accountId: card, date: '2026-10-20', description: 'CABIFY CORRIDA 13', amountCents: -2500 },
  ]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.open('/transactions');
  const offer = page.getByRole('region', { name: 'Regra sugerida' });

  const categorizeAll = async (search: string, count: number) => {
    await page.getByRole('searchbox', { name: 'Buscar transações' }).fill(search);
    await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(count);
    await transactionGrid(page).focus();
    await page.keyboard.press('Control+a');
    await page.getByRole('button', { name: `Categorizar ${count} transações` }).click();
    await page.keyboard.type('transp');
    await page.keyboard.press('Enter');
  };

  // Each trip from its own row's picker: two are no pattern yet; the third is.
  const categorizeRow = async (description: string) => {
    const chip = transactionRow(page, description).locator('.category-chip');
    await chip.click();
    await page.keyboard.type('transp');
    await page.keyboard.press('Enter');
    await expect(chip).toHaveText('Transporte');
  };
  await expect(transactionGrid(page).locator('.tx-description')).toHaveCount(6);
  await categorizeRow('UBER *TRIP 4821');
  await categorizeRow('UBER *TRIP 1203');
  await expect.poll(() => invokeFromPage(page, 'rules:suggestions')).toEqual([]);
  await expect(offer).toHaveCount(0);
  await categorizeRow('UBER *TRIP 9944');
  const question = 'Criar regra: descrições com “UBER *TRIP” → Transporte?';
  await expect(offer.getByText(question)).toBeVisible();
  await expect(offer).toContainText('Você escolheu isso para 3 transações com este texto na descrição.');
  await screenshotsEverywhere(page, 'transactions-rule-offer', async (language) => {
    await expect(
      page.getByRole('region', { name: language === 'en' ? 'Suggested rule' : 'Regra sugerida' }),
    ).toContainText(language === 'en' ? 'Create rule: descriptions with “UBER *TRIP” → Transport?' : question);
  });
  await page.setViewportSize({ width: 1280, height: 800 });

  await offer.getByRole('button', { name: 'Criar regra' }).click();
  await expect(offer.getByRole('status')).toHaveText(/Regra “UBER \*TRIP” criada/);
  const made = app.database.db.select().from(rules).where(eq(rules.name, 'UBER *TRIP')).all();
  expect(made).toHaveLength(1);
  expect(made[0]).toMatchObject({ enabled: true, source: 'learned' });
  expect(JSON.stringify(made[0])).toContain('cat-transport');

  // Another pattern, dismissed here: remembered, so Regras does not suggest it either.
  await categorizeAll('cabify', 3);
  await expect(offer.getByText('Criar regra: descrições com “CABIFY CORRIDA” → Transporte?')).toBeVisible();
  await offer.getByRole('button', { name: 'Dispensar' }).click();
  await expect(offer.getByText(/CABIFY/)).toHaveCount(0);
  expect(await invokeFromPage(page, 'rules:suggestions')).toEqual([]);
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { name: 'Regras', level: 1 })).toBeVisible();
  await expect(page.getByText(/Sempre colocar “CABIFY CORRIDA”/)).toHaveCount(0);
});
