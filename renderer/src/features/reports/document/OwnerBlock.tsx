import { useTranslation } from 'react-i18next';
import type { ReportOwner } from '../../../../../electron/shared/reports.ts';
import { formatTaxId } from '../../../../../electron/shared/tax-id.ts';

/** Whose books: the name and CPF/CNPJ, or a plain note of what is missing and where to set it. */
export function OwnerBlock({ owner }: { owner: ReportOwner }) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <dt>{t('reports.document.owner')}</dt>
        <dd>{owner.name ?? <span className="muted">{t('reports.document.ownerMissing')}</span>}</dd>
      </div>
      <div>
        <dt>{owner.documentType ?? t('reports.document.document')}</dt>
        <dd>
          {owner.document ? (
            formatTaxId(owner.document)
          ) : (
            <span className="muted">{t('reports.document.documentMissing')}</span>
          )}
        </dd>
      </div>
    </>
  );
}
