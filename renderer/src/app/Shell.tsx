import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useOpenConflictCount } from '../api/queries.ts';
import { DemoDataMarker } from './DemoDataMarker.tsx';
import { screenShortcuts, useScreenShortcuts } from './shortcuts.ts';

const navItems = [
  { path: '/accounts', labelKey: 'nav.accounts' },
  { path: '/connections', labelKey: 'nav.connections' },
  { path: '/transactions', labelKey: 'nav.transactions' },
  { path: '/rules', labelKey: 'nav.rules' },
  { path: '/categories', labelKey: 'nav.categories' },
  { path: '/reconciliation', labelKey: 'nav.reconciliation' },
  { path: '/reports', labelKey: 'nav.reports' },
  { path: '/settings', labelKey: 'nav.settings' },
] as const;

/** The window's frame: navigation on the left, the current screen on the right. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useScreenShortcuts();
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <DemoDataMarker />
        <ul>
          {navItems.map((item) => (
            <li key={item.path}>
              <NavLink
                to={item.path}
                aria-keyshortcuts={screenShortcuts.find((shortcut) => shortcut.path === item.path)?.label}
              >
                {t(item.labelKey)}
                {item.path === '/reconciliation' && <ConflictBadge />}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="content">
        {children}
      </main>
    </div>
  );
}

/** Bank changes to reconciled transactions waiting for the user: seen from every screen. */
function ConflictBadge() {
  const { t } = useTranslation();
  const count = useOpenConflictCount();
  if (!count) return null;
  return (
    <span className="nav-badge" title={t('nav.conflicts', { count })}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('nav.conflicts', { count })}</span>
    </span>
  );
}
