import { useTranslation } from 'react-i18next';
import { useStatementImport } from './StatementImportProvider.tsx';

/** "Importar extrato…": the import dialog, on the screen's account when it has one. */
export function ImportStatementButton({ accountId }: { accountId?: string }) {
  const { t } = useTranslation();
  const imports = useStatementImport();
  if (!imports) return null;
  return (
    <button
      type="button"
      className="import-statement-button"
      title={t('imports.openHint')}
      onClick={() => imports.open({ accountId })}
    >
      {t('imports.open')}
    </button>
  );
}
