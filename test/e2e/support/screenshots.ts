import { expect, type Page } from '@playwright/test';
import type { Language } from '../../../electron/shared/models.ts';

const widths = [960, 1280, 1920] as const;
const shots = 'test-results/screenshots';
const languages: readonly Language[] = ['pt-BR', 'en'];

/** Switches every open window to a language, as Settings does, and waits until `page` shows it. */
export async function useLanguage(page: Page, language: Language): Promise<void> {
  // Settings change from the main window, the context's first page (the fixture's `page`):
  // the other windows may not change them (electron/shared/window-scopes.ts).
  const [mainWindow = page] = page.context().pages();
  const result = await mainWindow.evaluate(
    (lng) => window.balancete?.invoke('settings:update', { language: lng }),
    language,
  );
  expect(result).toMatchObject({ ok: true });
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/**
 * Screenshots of what `page` shows now, at the three window widths in both languages
 * (test-results/screenshots/<name>-<language>-<width>.png), each after checking nothing
 * runs off the window's side; back in pt-BR after. `ready` waits for the page to show the
 * state again in each language (a text that changes with it).
 */
export async function screenshotsEverywhere(
  page: Page,
  name: string,
  ready: (language: Language) => Promise<void> = async () => {},
): Promise<void> {
  for (const language of languages) {
    await useLanguage(page, language);
    await ready(language);
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      // Polled: charts take the new width a moment after the window's (recharts' ResizeObserver).
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
          message: `${name} at ${width} px in ${language}`,
        })
        .toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${shots}/${name}-${language}-${width}.png`, fullPage: true });
    }
  }
  await useLanguage(page, 'pt-BR');
}

/**
 * Screenshots of what `page` shows now, in its language, at the three window widths
 * (test-results/screenshots/<name>-<width>.png), each after checking nothing runs off the
 * window's side; back at 1280 px after.
 */
export async function screenshotsAtEveryWidth(page: Page, name: string): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth, `${name} at ${width}`).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Calls a channel through the page's bridge, as the screens do; throws with the channel's name if it fails. */
export async function invokeFromPage<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const result = await page.evaluate(async ([name, value]) => window.balancete?.invoke(name as never, value as never), [
    channel,
    input,
  ] as const);
  if (!result?.ok) throw new Error(`${channel} failed`);
  return result.value as T;
}
