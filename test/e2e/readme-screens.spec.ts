import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/app.ts';
import { linkSyncedSandboxBank } from './support/sandbox-bank.ts';
import { transactionGrid } from './support/transaction-grid.ts';

/**
 * The README's pictures of the app (issue 20), made by this run from the demo bank at
 * 1280×800 in Portuguese, as a new user sees it. Every run makes them into test-results/;
 * `npm run screenshots` makes them into resources/screenshots/, the copies the README
 * shows (commit them). The README must show every one of them and no other, so a picture
 * added here or dropped there fails this test until both agree.
 */
const committed = 'resources/screenshots';
const target = process.env.npm_lifecycle_event === 'screenshots' ? committed : 'test-results/readme-screens';

interface Picture {
  file: string;
  /** Brings the screen to the state the picture shows, from the Accounts screen. */
  show(page: Page): Promise<void>;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

const pictures: Picture[] = [
  {
    file: 'contas.png',
    show: async (page) => {
      await page.keyboard.press('Control+1');
      await expect(heading(page, 'Contas')).toBeVisible();
    },
  },
  {
    file: 'transacoes.png',
    show: async (page) => {
      await page.keyboard.press('Control+3');
      await expect(heading(page, 'Transações')).toBeVisible();
      await transactionGrid(page).focus();
      await page.keyboard.press('d');
      await expect(page.getByRole('dialog', { name: 'Detalhes da transação' })).toBeVisible();
    },
  },
  {
    file: 'relatorios.png',
    show: async (page) => {
      await page.keyboard.press('Control+7');
      await expect(heading(page, 'Relatórios')).toBeVisible();
      await expect(page.locator('.recharts-surface').first()).toBeVisible();
    },
  },
  {
    file: 'conciliacao.png',
    show: async (page) => {
      await page.keyboard.press('Control+6');
      await expect(heading(page, 'Conciliação')).toBeVisible();
      await page.getByRole('button', { name: 'Começar conciliação' }).click();
      await expect(page.getByRole('grid', { name: /^Transações até/ })).toBeVisible();
    },
  },
  {
    file: 'regras.png',
    show: async (page) => {
      await page.keyboard.press('Control+4');
      await expect(heading(page, 'Regras')).toBeVisible();
    },
  },
  {
    file: 'transacoes-escuro.png',
    show: async (page) => {
      await page.evaluate(() => window.balancete?.invoke('settings:update', { theme: 'dark' }));
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      await page.keyboard.press('Control+3');
      await expect(heading(page, 'Transações')).toBeVisible();
    },
  },
];

/** The screenshots the README shows, in its order. */
function readmePictures(): string[] {
  const readme = readFileSync('README.md', 'utf8');
  return [...readme.matchAll(new RegExp(`\\]\\(${committed}/([^)]+\\.png)\\)`, 'g'))].map((match) => match[1] ?? '');
}

test('the README shows every screen picture this run makes, and no other', () => {
  expect(readmePictures().sort()).toEqual(pictures.map((picture) => picture.file).sort());
});

test('the README pictures: the main screens over the demo bank at 1280×800', async ({ app, page }) => {
  test.setTimeout(120_000);
  mkdirSync(target, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await linkSyncedSandboxBank(app, page);
  await app.open('/accounts');
  for (const picture of pictures) {
    await picture.show(page);
    // Charts animate in (recharts' default 1.5 s): the picture waits until they stand still.
    await page.waitForTimeout(1_600);
    await page.screenshot({ path: `${target}/${picture.file}` });
  }
});
