import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The category picker (renderer/src/features/transactions/CategoryPicker.tsx) as a user
 * drives it: type, ↓ to the category meant, Enter. Options are named by their path
 * ("Refeições › Restaurantes", "Impostos (Pluggy)"); they show the category's own name.
 */

/** The options of the picker whose text box is `combobox`: its list sits beside it, whichever picker is open. */
export const pickerOptions = (combobox: Locator): Locator => combobox.locator('xpath=..').getByRole('option');

/** The options' names, in the order listed. */
export async function optionNames(combobox: Locator): Promise<string[]> {
  return pickerOptions(combobox).evaluateAll((options) =>
    options.map((option) => option.getAttribute('aria-label') ?? ''),
  );
}

/**
 * In an open picker, types `text` and chooses the option named `path` with the keys alone:
 * typing highlights the best match, ↓ walks to the one meant, Enter takes it.
 */
export async function typeCategory(combobox: Locator, text: string, path: string): Promise<void> {
  await expect(combobox).toBeFocused();
  await combobox.fill(text);
  const target = pickerOptions(combobox).and(combobox.page().getByRole('option', { name: path, exact: true }));
  await expect(target).toBeVisible();
  const index = (await optionNames(combobox)).indexOf(path);
  for (let step = 0; step < index; step += 1) await combobox.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await combobox.press('Enter');
}

/**
 * A category field (a chip named "<field>: <path>") changed by typing: opens its picker,
 * chooses `path`, and checks the chip says so with focus back on it.
 */
export async function pickCategory(scope: Page | Locator, field: string, text: string, path: string): Promise<void> {
  const chip = scope.getByRole('button', { name: `${field}: ` });
  await chip.click();
  await typeCategory(scope.getByRole('combobox', { name: field, exact: true }), text, path);
  await expect(chip).toHaveAccessibleName(`${field}: ${path}`);
  await expect(chip).toBeFocused();
}
