import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { StandalonePage } from './components/StandalonePage.tsx';
import { initI18n } from './i18n/index.ts';
import './styles.css';

/**
 * The Connect Widget window's page. Linking a bank (Pluggy's widget, or the built-in
 * flow in demo mode) is not built yet; until it is, the page says so plainly.
 */
function ConnectPage() {
  const { t } = useTranslation();
  return <StandalonePage title={t('connect.title')} message={t('connect.unavailable')} />;
}

void initI18n('pt-BR').then(() => {
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <ConnectPage />
    </StrictMode>,
  );
});
