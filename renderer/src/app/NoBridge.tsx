import { useTranslation } from 'react-i18next';
import { StandalonePage } from '../components/StandalonePage.tsx';

/** Shown when a page is opened outside Balancete (say, in a browser): nothing can load. */
export function NoBridge() {
  const { t } = useTranslation();
  return <StandalonePage title={t('app.name')} message={t('app.noBridge')} />;
}
