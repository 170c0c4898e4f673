import type { Page } from '@playwright/test';
import type { Db } from '../../db/open.ts';
import { storePluggyCategories } from '../../electron/core/books/categories.ts';
import { categories as pluggyTaxonomy } from '../../electron/core/sandbox/taxonomy.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { expect, test } from './support/app.ts';
import { insertTransactions } from './support/book.ts';
import { optionNames, pickCategory } from './support/category-picker.ts';
import { transactionRow } from './support/transaction-grid.ts';

/** Pluggy's whole taxonomy (as the sandbox serves it) and two uncategorized transactions. */
function seedBook(db: Db): void {
  const { checking } = seedTwoAccounts(db);
  storePluggyCategories(db, pluggyTaxonomy);
  insertTransactions(db, [
    {
      id: 't1',
      accountId: checking,
      date: '2026-11-18',
      description: 'PIX RECEBIDO - MENTORIA JOÃO',
      amountCents: 80000,
    },
    { id: 't2', accountId: checking, date: '2026-11-10', description: 'PIX RECEBIDO - ACME LTDA', amountCents: 500000 },
  ]);
}

const tree = (page: Page) => page.getByRole('tree', { name: 'Categorias' });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
/** Clicks an item's own row: the middle of an open item is one of its children. */
const choose = (page: Page, name: string) => item(page, name).locator(':scope > .category-row').click();
const details = (page: Page) => page.locator('.category-details');

/** Focuses a transaction's row, opens its inline picker with Enter and types into it. */
async function openPicker(page: Page, description: string, text: string) {
  await transactionRow(page, description).locator('.tx-description').click();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: 'Escolher categoria' });
  await expect(picker).toBeFocused();
  await page.keyboard.type(text);
  return page.getByRole('listbox').getByRole('option');
}

test('create, rename, use, merge and archive a category', async ({ app, page }) => {
  // A whole journey over two screens (~12 s alone): more than the default 30 s on a busy 2-core machine.
  test.slow();
  seedBook(app.database.db);
  await app.open();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1, name: 'Categorias' })).toBeVisible();

  // The freelancer's preset, open, with report groups; Pluggy's taxonomy, closed, marked as Pluggy's.
  await expect(item(page, 'Despesas dedutíveis (livro-caixa)')).toHaveAttribute('aria-expanded', 'true');
  await expect(item(page, 'Contador')).toContainText('Despesa dedutível (livro-caixa)');
  await expect(item(page, 'Contador')).toContainText('Sua');
  await expect(item(page, 'Transferências entre minhas contas')).toContainText('Transferência entre contas');
  await expect(item(page, 'Renda')).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'Renda')).toContainText('Pluggy');

  // Keyboard: the WAI-ARIA tree (→ opens, → again goes in, ← goes back up, ← closes).
  await choose(page, 'Renda');
  await expect(item(page, 'Renda')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'Renda')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'Salário')).toBeFocused();
  await expect(item(page, 'Salário')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(item(page, 'Aposentadoria')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'Renda')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'Renda')).toHaveAttribute('aria-expanded', 'false');

  // Pluggy's names stay: rename is there, but explained rather than offered.
  await expect(details(page).getByRole('heading', { name: 'Renda' })).toBeVisible();
  const renameButton = details(page).getByRole('button', { name: 'Renomear' });
  await expect(renameButton).toHaveAttribute('aria-disabled', 'true');
  await expect(renameButton).toHaveAccessibleDescription(/mantêm o nome que o Pluggy dá/);

  // The filter ignores accents and case.
  const filter = page.getByRole('searchbox', { name: 'Procurar categoria' });
  await filter.fill('receita de servicos');
  await expect(tree(page).getByRole('treeitem')).toHaveCount(2); // "Receitas" leading to its match
  await expect(item(page, 'Receita de serviços')).toBeVisible();
  await filter.fill('SALARIO');
  await expect(item(page, 'Salário')).toBeVisible();
  await filter.fill('');

  // A top-level category in the income group, then a subcategory under it (Enter confirms).
  await page.getByRole('button', { name: 'Nova categoria' }).click();
  const create = page.getByRole('dialog', { name: 'Nova categoria' });
  await create.getByLabel('Nome').fill('Consultoria');
  await create.getByLabel('Grupo nos relatórios').selectOption('Receita');
  await create.getByLabel('Nome').press('Enter');
  await expect(create).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Categoria “Consultoria” criada.');
  await expect(item(page, 'Consultoria')).toBeFocused();
  await expect(item(page, 'Consultoria')).toContainText('Receita');

  await details(page).getByRole('button', { name: 'Nova subcategoria' }).click();
  const createChild = page.getByRole('dialog', { name: 'Nova categoria' });
  await expect(createChild.getByRole('button', { name: 'Dentro de: ' })).toHaveAccessibleName('Dentro de: Consultoria');
  // The picker offers the top level first, then top-level categories only; Esc closes it, not the dialog.
  await createChild.getByRole('button', { name: 'Dentro de: ' }).click();
  const parentPicker = createChild.getByRole('combobox', { name: 'Dentro de', exact: true });
  const parents = await optionNames(parentPicker);
  expect(parents[0]).toBe('Nenhuma (categoria principal)');
  expect(parents).toContain('Consultoria');
  expect(parents).not.toContain('Receitas › Receita de serviços');
  await parentPicker.press('Escape');
  await expect(parentPicker).toHaveCount(0);
  await expect(createChild).toBeVisible();
  await expect(createChild.getByRole('button', { name: 'Dentro de: ' })).toBeFocused();
  await createChild.getByLabel('Nome').fill('Mentorias');
  await createChild.getByRole('button', { name: 'Criar categoria' }).click();
  await expect(item(page, 'Mentorias')).toBeFocused();
  await expect(item(page, 'Mentorias')).toContainText('Receita'); // the parent's group
  await expect(details(page)).toContainText('Nenhuma transação');
  await expect(item(page, 'Consultoria')).toHaveAttribute('aria-expanded', 'true');

  // Rename with F2; Esc backs out and focus comes back to the tree.
  await choose(page, 'Consultoria');
  await page.keyboard.press('F2');
  const rename = page.getByRole('dialog', { name: 'Renomear “Consultoria”' });
  await expect(rename.getByLabel('Novo nome')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(rename).toHaveCount(0);
  await expect(item(page, 'Consultoria')).toBeFocused();
  await page.keyboard.press('F2');
  await rename.getByLabel('Novo nome').fill('Consultorias');
  await page.keyboard.press('Enter');
  await expect(item(page, 'Consultorias')).toBeVisible();
  await expect(item(page, 'Consultorias')).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/categories-tree.png' });

  // Categorize a transaction into the new subcategory on the Transactions screen.
  await page.keyboard.press('Control+3');
  const options = await openPicker(page, 'MENTORIA JOÃO', 'mentorias');
  await expect(options.first()).toHaveAccessibleName('Consultorias › Mentorias');
  await page.keyboard.press('Enter');
  await expect(transactionRow(page, 'MENTORIA JOÃO').locator('.category-chip')).toHaveAccessibleName(
    'Consultorias › Mentorias',
  );

  // Merge it into the preset's service income: the dialog says what moves, in plain words.
  await page.keyboard.press('Control+5');
  await choose(page, 'Mentorias');
  await expect(details(page)).toContainText('1 transação');
  await details(page).getByRole('button', { name: 'Mesclar em outra…' }).click();
  const merge = page.getByRole('dialog', { name: 'Mesclar “Mentorias” em outra categoria' });
  const target = merge.getByRole('button', { name: 'Mover tudo para: ' });
  await expect(target).toBeFocused();
  await expect(target).toHaveAccessibleName('Mover tudo para: Escolha a categoria');
  // Nothing chosen yet: nothing to confirm.
  await expect(merge.getByRole('button', { name: 'Mesclar' })).toBeDisabled();
  // Neither itself nor anything archived is offered.
  await page.keyboard.press('Enter');
  const targetPicker = merge.getByRole('combobox', { name: 'Mover tudo para', exact: true });
  await expect(targetPicker).toBeFocused();
  const targets = await optionNames(targetPicker);
  expect(targets).toContain('Receitas › Receita de serviços');
  expect(targets).not.toContain('Consultorias › Mentorias');
  await page.screenshot({ path: 'test-results/screenshots/categories-merge-picker.png' });
  // Esc closes the picker first, then the dialog.
  await page.keyboard.press('Escape');
  await expect(targetPicker).toHaveCount(0);
  await expect(target).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(merge).toHaveCount(0);
  await expect(details(page).getByRole('button', { name: 'Mesclar em outra…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(target).toBeFocused();
  await pickCategory(merge, 'Mover tudo para', 'servicos', 'Receitas › Receita de serviços');
  await expect(merge).toContainText('1 transação passa para “Receita de serviços”');
  await expect(merge).toContainText('as regras que escolhem “Mentorias” passam a escolher “Receita de serviços”');
  await expect(merge).toContainText('“Mentorias” fica arquivada');
  await page.screenshot({ path: 'test-results/screenshots/categories-merge.png' });
  await merge.getByRole('button', { name: 'Mesclar' }).press('Enter');
  await expect(merge).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('“Mentorias” mesclada em “Receita de serviços”.');
  await expect(item(page, 'Mentorias')).toHaveCount(0);
  await expect(item(page, 'Receita de serviços')).toBeFocused();
  await expect(details(page)).toContainText('1 transação');

  await page.keyboard.press('Control+3');
  await expect(transactionRow(page, 'MENTORIA JOÃO').locator('.category-chip')).toHaveAccessibleName(
    'Receitas › Receita de serviços',
  );

  // Archive: gone from the tree and the picker, back with "show archived", marked.
  await page.keyboard.press('Control+5');
  await choose(page, 'Consultorias');
  await details(page).getByRole('button', { name: 'Arquivar' }).click();
  await expect(page.getByRole('status')).toContainText('“Consultorias” arquivada');
  await expect(item(page, 'Consultorias')).toHaveCount(0);
  await expect(tree(page).getByRole('treeitem', { selected: true })).toBeFocused();

  await page.keyboard.press('Control+3');
  const afterArchive = await openPicker(page, 'ACME', 'consult');
  await expect(afterArchive).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+5');
  await page.getByRole('checkbox', { name: 'Mostrar arquivadas' }).check();
  await expect(item(page, 'Consultorias')).toHaveAccessibleDescription(/Arquivada/);
  await choose(page, 'Consultorias');
  await expect(item(page, 'Mentorias')).toHaveAccessibleDescription(/Arquivada/);
  await details(page).getByRole('button', { name: 'Reativar' }).click();
  await expect(page.getByRole('status')).toHaveText('“Consultorias” reativada.');
  await expect(item(page, 'Consultorias')).not.toHaveAccessibleDescription(/Arquivada/);
  await expect(item(page, 'Mentorias')).toHaveAccessibleDescription(/Arquivada/);
});

test('an error from Balancete shows in plain words inside the dialog', async ({ app, page }) => {
  seedBook(app.database.db);
  await app.open('/categories');
  await choose(page, 'Software e assinaturas');
  await details(page).getByRole('button', { name: 'Mesclar em outra…' }).click();
  const merge = page.getByRole('dialog', { name: 'Mesclar “Software e assinaturas” em outra categoria' });
  await pickCategory(merge, 'Mover tudo para', 'contador', 'Despesas dedutíveis (livro-caixa) › Contador');
  // Archived elsewhere while the dialog was open: the merge is refused and the dialog says why.
  app.database.sqlite
    .prepare("UPDATE categories SET archived_at = '2026-11-20T00:00:00.000Z' WHERE id = 'user:preset:accountant'")
    .run();
  await merge.getByRole('button', { name: 'Mesclar' }).click();
  await expect(merge.getByRole('alert')).toHaveText('Esta categoria está arquivada. Escolha outra ou reative-a antes.');
  await page.keyboard.press('Escape');
  await expect(merge).toHaveCount(0);
  await expect(details(page).getByRole('button', { name: 'Mesclar em outra…' })).toBeFocused();
});
