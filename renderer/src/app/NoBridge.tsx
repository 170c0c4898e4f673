import { useTranslation } from 'react-i18next';

/** Shown when a page is opened outside Balancete (say, in a browser): nothing can load. */
export function NoBridge() {
  const { t } = useTranslation();
  return (
    <main className="standalone">
      <h1>{t('app.name')}</h1>
      <p>{t('app.noBridge')}</p>
    </main>
  );
}
