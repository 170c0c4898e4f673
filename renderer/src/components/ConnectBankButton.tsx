import { useTranslation } from 'react-i18next';
import { useApi } from '../api/queries.ts';

/** Opens the Connect window, where a bank is linked. */
export function ConnectBankButton() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <button type="button" className="primary" onClick={() => void api.invoke('connect-window:open')}>
      {t('connect.open')}
    </button>
  );
}
