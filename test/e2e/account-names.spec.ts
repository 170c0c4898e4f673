import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import type { AccountSummary, ConnectionSummary, Language } from '../../electron/shared/models.ts';
import { type AppFixture, expect, test } from './support/app.ts';
import { connectSandboxBank } from './support/sandbox-bank.ts';

/**
 * Issue 16, one way to name an account: three banks whose accounts have the same names and
 * numbers (sandbox connectors 0, 2 and 5: "Conta Corrente", "Poupança" and "Mastercard
 * Black" ×3), through the real screens and files. Every account picker, list, legend, table
 * and file names each account by a name no other account has — never by a bare name two
 * accounts share — grouped by institution where it is picked. Screenshots at 960, 1280 and
 * 1920 px in both languages, for review.
 */

const shots = 'test-results/screenshots';
const widths = [1280, 960, 1920] as const;

/** Calls a channel through the page's bridge, as a window does. */
async function invoke<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const result = await page.evaluate(
    ([name, data]) => {
      const bridge = window.balancete;
      if (!bridge) throw new Error('no bridge');
      return bridge.invoke(name as never, data);
    },
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
  return result.value as T;
}

/** Links sandbox connectors 0, 2 (one MFA question) and 5 (two), and waits for their first syncs. */
async function linkThreeBanks(app: AppFixture, page: Page): Promise<AccountSummary[]> {
  await app.open('/connections');
  for (const [connectorId, questions] of [
    [0, 0],
    [2, 1],
    [5, 2],
  ] as const) {
    const id = await connectSandboxBank(page, 'user-ok', connectorId);
    const connection = async () =>
      (await invoke<ConnectionSummary[]>(page, 'connections:list')).find((each) => each.id === id);
    for (let asked = 0; asked < questions; asked += 1) {
      await expect.poll(async () => (await connection())?.status, { timeout: 20_000 }).toBe('WAITING_USER_INPUT');
      await invoke(page, 'connections:mfa', { itemId: id, answer: { token: '123456' } });
    }
    await expect
      .poll(
        async () => {
          const now = await connection();
          return now?.lastSyncedAt !== null && now?.syncing === false;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  }
  const accounts = await invoke<AccountSummary[]>(page, 'accounts:list');
  expect(accounts).toHaveLength(9);
  return accounts;
}

/** Bare names two accounts share ("Conta Corrente" ×3…). */
function sharedBareNames(accounts: readonly AccountSummary[]): Set<string> {
  const counts = new Map<string, number>();
  for (const account of accounts) counts.set(account.name, (counts.get(account.name) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > 1).map(([name]) => name));
}

/** Names as a screen shows them: all different, none a bare name two accounts share, each an account's. */
function expectUnambiguous(where: string, names: readonly string[], known: readonly string[], shared: Set<string>) {
  expect(new Set(names).size, `${where}: ${names.join(' | ')}`).toBe(names.length);
  for (const name of names) {
    expect(shared.has(name), `${where}: "${name}" is a bare name two accounts share`).toBe(false);
    expect(known, `${where}: "${name}" is no account's name`).toContain(name);
  }
}

/** The text of each element, trimmed. */
const texts = async (locator: Locator) => (await locator.allTextContents()).map((text) => text.trim());

/** Each element shows all of its text: nothing cut off, across or down (two cut names could look alike). */
async function expectWhole(where: string, locator: Locator) {
  const cut = await locator.evaluateAll((elements) =>
    elements
      .filter(
        (element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1,
      )
      .map((element) => element.textContent),
  );
  expect(cut, `${where}: cut off`).toEqual([]);
}

interface Words {
  allAccounts: string;
  newRule: string;
  ruleEditor: string;
  conditionField: string;
  conditionValues: string;
  account: string;
  cashFlow: string;
  balances: string;
  exportButton: string;
  exportDialog: string;
  reportDialog: string;
  save: string;
  saved: RegExp;
  reportSaved: RegExp;
  total: string;
  bank: string;
  accountColumn: string;
  ruleName: string;
  chooseCategory: string;
  saveRule: string;
  rules: string;
  ruleSummary: string;
  disconnected: string;
  compact: string;
  comfortable: string;
}

const words: Record<Language, Words> = {
  'pt-BR': {
    allAccounts: 'Todas as contas',
    newRule: 'Nova regra',
    ruleEditor: 'Nova regra',
    conditionField: 'Campo da condição 1',
    conditionValues: 'Opções da condição 1',
    account: 'Conta',
    cashFlow: 'Fluxo de caixa',
    balances: 'Saldo ao longo do tempo',
    exportButton: 'Exportar…',
    exportDialog: 'Exportar transações',
    reportDialog: 'Exportar relatório do período',
    save: 'Escolher onde salvar…',
    saved: /salvas em (.+)\./,
    reportSaved: /Relatório salvo em (.+\.pdf)\./,
    total: 'Total',
    bank: 'Banco',
    accountColumn: 'Conta',
    ruleName: 'Nome',
    chooseCategory: 'Escolher categoria',
    saveRule: 'Salvar regra',
    rules: 'Regras, na ordem em que valem',
    ruleSummary: 'a conta é',
    disconnected: 'Desconectada',
    compact: 'Compacta',
    comfortable: 'Confortável',
  },
  en: {
    allAccounts: 'All accounts',
    newRule: 'New rule',
    ruleEditor: 'New rule',
    conditionField: 'Field of condition 1',
    conditionValues: 'Choices of condition 1',
    account: 'Account',
    cashFlow: 'Cash flow',
    balances: 'Balance over time',
    exportButton: 'Export…',
    exportDialog: 'Export transactions',
    reportDialog: 'Export the period’s report',
    save: 'Choose where to save…',
    saved: /saved to (.+)\./,
    reportSaved: /Report saved to (.+\.pdf)\./,
    total: 'Total',
    bank: 'Bank',
    accountColumn: 'Account',
    ruleName: 'Name',
    chooseCategory: 'Choose category',
    saveRule: 'Save rule',
    rules: 'Rules, in the order they apply',
    ruleSummary: 'the account is',
    disconnected: 'Disconnected',
    compact: 'Compact',
    comfortable: 'Comfortable',
  },
};

/**
 * Every screen that names accounts, at one width: asserts the names and takes a screenshot
 * of each (`<screen>-<language>-<width>.png`).
 */
async function checkScreens(app: AppFixture, page: Page, accounts: readonly AccountSummary[], language: Language) {
  const say = words[language];
  const shared = sharedBareNames(accounts);
  const full = accounts.map((account) => account.displayName);
  const short = accounts.map((account) => account.shortName);
  const institutions = [...new Set(accounts.map((account) => account.institution))];
  const width = page.viewportSize()?.width ?? 0;
  const shot = (screen: string) =>
    page.screenshot({ path: `${shots}/account-names-${screen}-${language}-${width}.png` });

  // Transações: the account filter, grouped by institution, each account by its full name.
  await app.open('/transactions');
  await page.getByText(say.allAccounts).click();
  const menu = page.locator('.filter-accounts-menu');
  await expect(menu.locator('legend')).toHaveText(institutions);
  for (const group of await menu.locator('fieldset').all()) await expect(group.locator('label')).toHaveCount(3);
  expectUnambiguous('account filter', await texts(menu.locator('label')), full, shared);
  await expectWhole('account filter', menu.locator('label'));
  await shot('filter');
  await page.keyboard.press('Escape');

  // The list's account column: the short name, the full one on hover and for screen readers.
  const cells = page.locator('[role="row"] [role="gridcell"].cell-account .account-label');
  await expect(cells.first()).toBeVisible();
  const shown = await cells.evaluateAll((elements) =>
    elements.map((element) => ({
      short: element.querySelector('[aria-hidden="true"]')?.textContent ?? '',
      title: element.getAttribute('title') ?? '',
      read: element.querySelector('.visually-hidden')?.textContent ?? '',
    })),
  );
  expect(shown.length).toBeGreaterThan(5);
  for (const cell of shown) {
    const account = accounts.find((each) => each.shortName === cell.short);
    expect(account, `"${cell.short}" is no account's short name`).toBeDefined();
    expect([cell.title, cell.read]).toEqual([account?.displayName, account?.displayName]);
  }
  expectUnambiguous('account column', [...new Set(shown.map((cell) => cell.short))], short, shared);
  // Compact rows (the default) give the account one line: the end of its number stays whole,
  // the bank's part gives way (whole on hover). Comfortable rows give it two lines: all of it
  // once the window leaves the column some room (at 960 px the description keeps it).
  await page.getByRole('button', { name: say.compact }).click();
  await expectWhole('account column (compact)', page.locator('[role="row"] .cell-account .account-number-end'));
  await page.getByRole('button', { name: say.comfortable }).click();
  if (width >= 1280) {
    await expectWhole('account column', page.locator('[role="row"] .cell-account .account-short-name'));
  }
  await shot('transactions');

  // Regras: the account condition's choices, by institution.
  await app.open('/rules');
  await page.getByRole('button', { name: say.newRule }).first().click();
  const editor = page.getByRole('dialog', { name: say.ruleEditor });
  await editor.getByLabel(say.conditionField).selectOption('account');
  const choices = editor.getByRole('group', { name: say.conditionValues });
  await expect(choices.locator('legend:not(.visually-hidden)')).toHaveText(institutions);
  expectUnambiguous('rule condition', await texts(choices.locator('label')), full, shared);
  await expectWhole('rule condition', choices.locator('label'));
  await choices.getByRole('checkbox', { name: accounts[4]?.displayName ?? '-', exact: true }).check();
  await shot('rule-editor');
  await page.keyboard.press('Escape');

  // Conciliação: the account picker, by institution.
  await app.open('/reconciliation');
  const picker = page.getByLabel(say.account, { exact: true });
  await expect(picker.locator('optgroup')).toHaveCount(3);
  expect(
    await picker.locator('optgroup').evaluateAll((groups) => groups.map((group) => group.getAttribute('label'))),
  ).toEqual(institutions);
  expectUnambiguous('reconciliation picker', await texts(picker.locator('option')), full, shared);
  await shot('reconciliation');

  // Relatórios: the balance chart's legend, a colour per account, and Fluxo de caixa.
  await app.open('/reports');
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
  const chart = page.getByRole('region', { name: say.balances });
  await chart.scrollIntoViewIfNeeded();
  const legend = await texts(chart.locator('.report-legend'));
  expect(legend.at(-1)).toBe(say.total);
  expectUnambiguous('balance legend', legend.slice(0, -1), full, shared);
  expect(legend).toHaveLength(10);
  const strokes = await chart
    .locator('.recharts-line path.recharts-curve')
    .evaluateAll((paths) => paths.map((path) => path.getAttribute('stroke')));
  expect(new Set(strokes).size, strokes.join()).toBe(10);
  await page.mouse.move(0, 0);
  await chart.screenshot({ path: `${shots}/account-names-balance-chart-${language}-${width}.png` });
  await page.getByRole('tab', { name: say.cashFlow }).click();
  const rows = page.locator('table.report-cash-flow tbody th[scope="row"]');
  await expect(rows).toHaveCount(9);
  expectUnambiguous('cash flow', await texts(rows), full, shared);
  await shot('cash-flow');

  // The export dialog's OFX account, by institution.
  await app.open('/transactions');
  await page.getByRole('button', { name: say.exportButton }).click();
  const dialog = page.getByRole('dialog', { name: say.exportDialog });
  await dialog.getByRole('radio', { name: /OFX/ }).check();
  const ofxPicker = dialog.getByLabel(say.account, { exact: true });
  expect(
    await ofxPicker.locator('optgroup').evaluateAll((groups) => groups.map((group) => group.getAttribute('label'))),
  ).toEqual(institutions);
  expectUnambiguous('OFX picker', await texts(ofxPicker.locator('option')), full, shared);
  await shot('export-ofx');
  await page.keyboard.press('Escape');
}

/** The files: a CSV's Banco and Conta columns, each OFX file's name, the PDF's tables and legend. */
async function checkFiles(app: AppFixture, page: Page, accounts: readonly AccountSummary[], language: Language) {
  const say = words[language];
  const shared = sharedBareNames(accounts);
  const full = accounts.map((account) => account.displayName);

  // A CSV of every transaction, in the language's dialect.
  await app.open('/transactions');
  await page.getByRole('button', { name: say.exportButton }).click();
  const dialog = page.getByRole('dialog', { name: say.exportDialog });
  await dialog.getByRole('radio', { name: language === 'pt-BR' ? /CSV para Excel/ : /International CSV/ }).check();
  await dialog.getByRole('button', { name: say.save }).click();
  await expect(dialog.getByRole('status')).toContainText(say.saved, { timeout: 30_000 });
  const csvPath = say.saved.exec((await dialog.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  const records: unknown = parseCsv(readFileSync(csvPath), { delimiter: language === 'pt-BR' ? ';' : ',', bom: true });
  const [header, ...lines] = records as string[][];
  const [bank, account] = [header?.indexOf(say.bank) ?? -1, header?.indexOf(say.accountColumn) ?? -1];
  expect([bank, account]).toEqual([3, 4]);
  const pairs = [...new Set(lines.map((line) => `${line[bank]}\t${line[account]}`))].map((pair) => pair.split('\t'));
  expectUnambiguous(
    'CSV Conta',
    pairs.map(([, name]) => name ?? ''),
    full,
    shared,
  );
  expect(pairs).toHaveLength(9);
  for (const [institution, name] of pairs) {
    expect(accounts.find((each) => each.displayName === name)?.institution).toBe(institution);
  }
  await page.keyboard.press('Escape');

  // One account's OFX statement: its file name carries its bank and its name.
  await page.getByRole('button', { name: say.exportButton }).click();
  await dialog.getByRole('radio', { name: /OFX/ }).check();
  const chosen = accounts.find((each) => each.institution === 'Pluggy Bank MFA' && each.type === 'CREDIT');
  await dialog.getByLabel(say.account, { exact: true }).selectOption(chosen?.id ?? '');
  await dialog.getByRole('button', { name: say.save }).click();
  await expect(dialog.getByRole('status')).toContainText(
    language === 'pt-BR'
      ? /balancete-extrato-pluggy-bank-mfa-mastercard-black-4242\.ofx/
      : /balancete-statement-pluggy-bank-mfa-mastercard-black-4242\.ofx/,
    { timeout: 30_000 },
  );
  await page.keyboard.press('Escape');

  // The PDF report: its cash flow table and balance legend name every account in full.
  await app.open('/reports');
  await expect(page.locator('.report-body')).toHaveAttribute('aria-busy', 'false');
  await page.getByRole('button', { name: say.exportButton }).click();
  const report = page.getByRole('dialog', { name: say.reportDialog });
  await report.getByRole('button', { name: say.save }).click();
  await expect(report.getByRole('status')).toContainText(say.reportSaved, { timeout: 60_000 });
  const pdfPath = say.reportSaved.exec((await report.getByRole('status').textContent()) ?? '')?.[1] ?? '';
  // In reading order, without blanks: a name wrapped in a narrow cell (even at a hyphen) reads whole again.
  const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  const count = (name: string) => text.split(name.replace(/\s+/g, '')).length - 1;
  for (const name of full) {
    // Twice at least: the balance chart's legend and the cash flow table.
    expect(count(name), name).toBeGreaterThanOrEqual(2);
  }
  // And a bare name two accounts share ("Conta Corrente") is only ever part of a full one.
  for (const bare of shared) {
    const within = full.filter((name) => name.includes(bare)).reduce((sum, name) => sum + count(name), 0);
    expect(count(bare), bare).toBe(within);
  }
  execFileSync('pdftoppm', ['-png', '-r', '70', pdfPath, `${shots}/account-names-pdf-${language}`]);
}

/** A rule on one account: its summary in the list names the account in full. */
async function checkRuleSummary(app: AppFixture, page: Page, account: AccountSummary, language: Language) {
  const say = words[language];
  await app.open('/rules');
  await page.getByRole('button', { name: say.newRule }).first().click();
  const editor = page.getByRole('dialog', { name: say.ruleEditor });
  await editor.getByLabel(say.ruleName, { exact: true }).fill('Conta certa');
  await editor.getByLabel(say.conditionField).selectOption('account');
  await editor
    .getByRole('group', { name: say.conditionValues })
    .getByRole('checkbox', { name: account.displayName, exact: true })
    .check();
  await editor.getByRole('button', { name: say.chooseCategory }).click();
  await page.keyboard.type('transp');
  await page.keyboard.press('Enter');
  await editor.getByRole('button', { name: say.saveRule }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('list', { name: say.rules }).getByRole('listitem')).toContainText(
    `${say.ruleSummary} ${account.displayName}`,
  );
  await page.screenshot({ path: `${shots}/account-names-rule-summary-${language}-1280.png` });
}

/**
 * A bank removed with its data kept: its accounts keep their names, marked disconnected in
 * the filter, the list's column and Fluxo de caixa.
 */
async function checkDisconnected(app: AppFixture, page: Page, accounts: readonly AccountSummary[], language: Language) {
  const say = words[language];
  const removed = accounts.filter((account) => account.institution === 'Pluggy Bank MFA 2-step');
  await invoke(page, 'connections:remove', { itemId: removed[0]?.connectionId, keepData: true });
  const marked = removed.map((account) => `${account.displayName}${say.disconnected}`);

  await app.open('/transactions');
  await page.getByText(say.allAccounts).click();
  const labels = await texts(page.locator('.filter-accounts-menu label'));
  expect(labels.filter((label) => label.endsWith(say.disconnected))).toEqual(marked);
  await page.screenshot({ path: `${shots}/account-names-disconnected-filter-${language}-1280.png` });
  await page.keyboard.press('Escape');
  const cells = page.locator('[role="row"] .cell-account .account-label');
  await expect(cells.first()).toBeVisible();
  for (const cell of await cells.all()) {
    const title = (await cell.getAttribute('title')) ?? '';
    const isRemoved = removed.some((account) => title.startsWith(account.displayName));
    await expect(cell.locator('.account-mark')).toHaveCount(isRemoved ? 1 : 0);
  }
  await page.screenshot({ path: `${shots}/account-names-disconnected-list-${language}-1280.png` });

  await app.open('/reports?tab=cash-flow');
  // The report's rows come from the books worker after the page opens.
  const rows = page.locator('table.report-cash-flow tbody th[scope="row"]');
  await expect.poll(async () => (await texts(rows)).filter((row) => row.endsWith(say.disconnected))).toEqual(marked);
}

for (const language of ['pt-BR', 'en'] as const) {
  test(`three banks with the same account names: every screen and file tells their accounts apart (${language})`, async ({
    app,
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const accounts = await linkThreeBanks(app, page);
    expect([...sharedBareNames(accounts)].sort()).toEqual(['Conta Corrente', 'Mastercard Black', 'Poupança']);
    if (language === 'en') {
      await invoke(page, 'settings:update', { language: 'en' });
      await expect(page.getByRole('navigation').getByRole('link', { name: 'Accounts' })).toBeVisible();
    }
    for (const width of widths) {
      await page.setViewportSize({ width, height: width === 960 ? 720 : width === 1920 ? 1080 : 800 });
      await checkScreens(app, page, accounts, language);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await checkFiles(app, page, accounts, language);
    await checkRuleSummary(app, page, accounts[4] as AccountSummary, language);
    await checkDisconnected(app, page, accounts, language);
  });
}
