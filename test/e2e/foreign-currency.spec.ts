import type { Locator, Page } from '@playwright/test';
import { formatDate, formatMoney } from '../../electron/shared/format.ts';
import type { Language } from '../../electron/shared/models.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { transactionRow } from './support/transaction-grid.ts';

/**
 * "Reais first, everywhere": a purchase in US$ on the sandbox's card in reais reads as what
 * the card was charged in reais, then its own amount in dollars, on every screen that shows
 * it: the list, its details, a rule's preview and the reconciliation's lines. Screenshots at
 * the two widths the app is used at, in both languages, go to test-results/screenshots.
 */

const shots = 'test-results/screenshots';
const widths = [1280, 960] as const;

/** The newest live USD row on an account in reais, as the sync stored it (found by currency, not description). */
interface ForeignRow {
  id: string;
  accountId: string;
  date: string;
  description: string;
  amountCents: number;
  chargedCents: number;
}

function newestUsdRow(app: AppFixture): ForeignRow {
  const row = app.database.sqlite
    .prepare(
      `SELECT t.id, t.account_id AS accountId, t.date, t.description, t.amount_cents AS amountCents,
              t.amount_in_account_currency_cents AS chargedCents
         FROM transactions t JOIN accounts a ON a.id = t.account_id
        WHERE t.currency_code = 'USD' AND a.currency_code = 'BRL' AND t.removed_at IS NULL
        ORDER BY t.date DESC, t.rowid DESC LIMIT 1`,
    )
    .get() as ForeignRow | undefined;
  if (!row) throw new Error('the synced sandbox book holds no USD purchase on an account in reais');
  return row;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "-R$ 24,10 · US$ 4,00": the charge in reais, then the dollars; the screen reader is told which is the original. */
async function expectReaisFirst(amount: Locator, row: ForeignRow, language: Language): Promise<void> {
  const charged = formatMoney(row.chargedCents, language, 'BRL');
  const original = formatMoney(Math.abs(row.amountCents), language, 'USD');
  await expect(amount).toContainText(new RegExp(`${escaped(charged)}\\s*·\\s*${escaped(original)}`));
  // The amount totals and tests read is the charge in reais.
  await expect(amount.locator('.money')).toHaveAttribute('data-cents', String(row.chargedCents));
  await expect(amount.locator('.transaction-amount-original')).toContainText(
    language === 'en' ? `${original} in the original currency` : `${original} na moeda original`,
  );
  // Both fit in the place the screen gives the amount: neither is cut off nor runs into the next column.
  const place = await amount.boundingBox();
  for (const part of [amount.locator('.money'), amount.locator('.transaction-amount-original')]) {
    const box = await part.boundingBox();
    expect(place && box && box.x >= place.x - 1 && box.x + box.width <= place.x + place.width + 1).toBe(true);
  }
}

async function shootAtEachWidth(page: Page, name: string, language: Language): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${shots}/foreign-currency-${name}-${language}-${width}.png` });
  }
  await page.setViewportSize({ width: widths[0], height: 800 });
}

const words = {
  'pt-BR': {
    grid: 'Lista de transações',
    openDetails: 'Abrir detalhes',
    details: 'Detalhes da transação',
    split: 'Dividir transação',
    splitHint: (original: string, charged: string) =>
      `somam os ${original}; os relatórios contam cada uma pela sua parte dos ${charged} cobrados`,
    createRule: 'Criar regra a partir desta transação',
    previewRows: 'Primeiras transações que correspondem',
    account: 'Conta',
    statementDate: 'Data do extrato',
    start: 'Começar conciliação',
    lines: /^Transações até/,
  },
  en: {
    grid: 'Transaction list',
    openDetails: 'Open details',
    details: 'Transaction details',
    split: 'Split transaction',
    splitHint: (original: string, charged: string) =>
      `add up to the ${original}; reports count each as its share of the ${charged} charged`,
    createRule: 'Create a rule from this transaction',
    previewRows: 'First matching transactions',
    account: 'Account',
    statementDate: 'Statement date',
    start: 'Start reconciling',
    lines: /^Transactions up to/,
  },
} as const;

for (const language of ['pt-BR', 'en'] as const) {
  test(`a US$ purchase on the card reads reais first, dollars beside, on every screen (${language})`, async ({
    app,
    page,
  }) => {
    test.setTimeout(90_000); // a bank linked, four screens at two widths
    const say = words[language];
    await linkSyncedSandboxBank(app, page);
    if (language === 'en') {
      await page.keyboard.press('Control+,');
      await page.getByLabel('Idioma').selectOption('en');
    }
    const usd = newestUsdRow(app);

    // The list: the card's rows of that day.
    await app.open(`/transactions?account=${usd.accountId}&period=custom&from=${usd.date}&to=${usd.date}`);
    const row = transactionRow(page, usd.description, say.grid)
      .filter({ hasText: formatDate(usd.date) })
      .first();
    await expectReaisFirst(row.locator('.cell-amount'), usd, language);
    await shootAtEachWidth(page, 'list', language);

    // Its details.
    await row.getByRole('button', { name: say.openDetails }).click();
    const details = page.getByRole('dialog', { name: say.details });
    await expectReaisFirst(details.getByRole('definition').filter({ has: page.locator('.money') }), usd, language);
    // Splitting it: the parts are in dollars (they add up to the purchase), and the editor says so.
    await details.getByRole('button', { name: say.split }).click();
    await expect(details.locator('.split-editor')).toContainText(
      say.splitHint(
        formatMoney(Math.abs(usd.amountCents), language, 'USD'),
        formatMoney(Math.abs(usd.chargedCents), language, 'BRL'),
      ),
    );
    await shootAtEachWidth(page, 'details', language);

    // A rule made from it: the preview lists it with the charge in reais (it showed the dollars as reais).
    await details.getByRole('link', { name: say.createRule }).click();
    const preview = page.getByRole('table', { name: say.previewRows });
    const previewRow = preview
      .getByRole('row')
      .filter({ hasText: formatDate(usd.date) })
      .first();
    await expectReaisFirst(previewRow.locator('.cell-amount'), usd, language);
    await shootAtEachWidth(page, 'rule-preview', language);
    await page.keyboard.press('Escape');

    // Reconciling the card up to that day: the last lines are that day's.
    await app.open('/reconciliation');
    await page.getByLabel(say.account, { exact: true }).selectOption(usd.accountId);
    await page.getByLabel(say.statementDate).fill(formatDate(usd.date));
    await page.getByRole('button', { name: say.start }).click();
    const lines = page.getByRole('grid', { name: say.lines });
    await lines.focus();
    await page.keyboard.press('End');
    const line = lines
      .getByRole('row')
      .filter({ hasText: usd.description })
      .filter({ hasText: formatDate(usd.date) })
      .last();
    await expectReaisFirst(line.locator('.recon-cell-amount'), usd, language);
    await shootAtEachWidth(page, 'reconciliation', language);
  });
}
