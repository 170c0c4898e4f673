import { nativeTheme } from 'electron';
import type { Theme } from '../shared/models.ts';

/**
 * The appearance chosen in Settings, for the whole app: window frames and menus follow it,
 * and so does `prefers-color-scheme` in every page, so a page paints in the right theme
 * before it has read the settings (renderer/src/app/theme.ts).
 */
export function followTheme(theme: Theme): void {
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme;
}

/** A new window's colour until its page paints: the page background (--bg in renderer/src/styles.css) in the current appearance. */
export function windowBackground(): string {
  return nativeTheme.shouldUseDarkColors ? '#111418' : '#f6f7f9';
}
