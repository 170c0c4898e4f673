import type { Page } from '@playwright/test';

/** The transactions grid (the main screen's, unless named otherwise) and one of its rows by description. */
export const transactionGrid = (page: Page, name = 'Lista de transações') => page.getByRole('grid', { name });
export const transactionRow = (page: Page, description: string, gridName?: string) =>
  transactionGrid(page, gridName)
    .getByRole('row')
    .filter({ has: page.locator('.tx-description', { hasText: description }) });
