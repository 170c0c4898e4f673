import type { ReactNode } from 'react';

/**
 * A screen: a region named by its title, a line on what it is for, the screen's actions
 * on the right of the header, then its content.
 */
export function Page({
  name,
  title,
  subtitle,
  actions,
  breadcrumb,
  className,
  children,
}: {
  /** The screen's name in ids and classes ("rules" → #rules-title, .rules-page). */
  name: string;
  title: string;
  subtitle: string;
  actions?: ReactNode;
  /** A way back above the title (an account's register: to Contas). */
  breadcrumb?: ReactNode;
  /** A layout the screen shares with others (the transactions workspace's). */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={['page', `${name}-page`, className].filter(Boolean).join(' ')}
      aria-labelledby={`${name}-title`}
    >
      <header className="page-header page-header-actions">
        <div>
          {breadcrumb}
          <h1 id={`${name}-title`}>{title}</h1>
          <p className="page-subtitle">{subtitle}</p>
        </div>
        {actions}
      </header>
      {children}
    </section>
  );
}
