import type { Theme } from '../../../electron/shared/models.ts';

/**
 * The system's appearance. In Balancete main makes it the one chosen in Settings
 * (electron/main/window-theme.ts), so it is right even before a page reads the settings.
 */
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
let chosen: Theme = 'system';

/** styles.css picks its colour tokens by `data-theme` on <html>: 'light' or 'dark', never 'system'. */
function paint(): void {
  document.documentElement.dataset.theme =
    chosen === 'light' || chosen === 'dark' ? chosen : systemDark.matches ? 'dark' : 'light';
}

/** Shows the page in `theme`; 'system' keeps following the system's appearance as it changes. */
export function applyTheme(theme: Theme): void {
  chosen = theme;
  paint();
}

systemDark.addEventListener('change', paint);
