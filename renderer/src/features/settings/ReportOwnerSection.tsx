import { type SyntheticEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportHolder } from '../../../../electron/shared/reports.ts';
import { formatTaxId, maskTaxIdTyping, taxIdKind } from '../../../../electron/shared/tax-id.ts';
import { useReportOwner, useSettings, useUpdateSettings } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';

/**
 * The name and CPF/CNPJ on the accountant's PDF report. Until the user sets them, the
 * report carries the account holder a bank reported; each bank's is offered to copy.
 * A number is checked by its digits before it is saved, and shown as people write it.
 */
export function ReportOwnerSection() {
  const { t } = useTranslation();
  const settings = useSettings();
  const owner = useReportOwner();
  const update = useUpdateSettings();
  const titleId = useId();
  const nameId = useId();
  const documentId = useId();
  const documentHelpId = useId();
  const [draft, setDraft] = useState<{ name: string; document: string } | null>(null);
  const [saved, setSaved] = useState(false);
  if (!settings.data || !owner.data) return null;
  const current = draft ?? {
    name: settings.data.reportOwnerName ?? '',
    document: settings.data.reportOwnerDocument ? formatTaxId(settings.data.reportOwnerDocument) : '',
  };
  const badDocument = current.document.trim() !== '' && taxIdKind(current.document) === null;
  const edit = (patch: Partial<typeof current>) => {
    setDraft({ ...current, ...patch });
    setSaved(false);
  };
  const save = (next: { name: string; document: string }) =>
    update.mutate(
      {
        reportOwnerName: next.name.trim() || null,
        reportOwnerDocument: next.document.trim() ? next.document : null,
      },
      {
        onSuccess: () => {
          setDraft(null);
          setSaved(true);
        },
      },
    );
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!badDocument) save(current);
  };
  const copyHolder = (holder: ReportHolder) =>
    edit({ name: holder.name ?? '', document: holder.document ? formatTaxId(holder.document) : '' });

  return (
    <section className="settings-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('settings.reportOwner.title')}</h2>
      <p className="field-help">{t('settings.reportOwner.help')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={nameId}>{t('settings.reportOwner.name')}</label>
          <input
            id={nameId}
            autoComplete="name"
            maxLength={120}
            value={current.name}
            placeholder={owner.data.source === 'bank' ? (owner.data.name ?? '') : ''}
            onChange={(event) => edit({ name: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={documentId}>{t('settings.reportOwner.document')}</label>
          <input
            id={documentId}
            inputMode="numeric"
            autoComplete="off"
            maxLength={18}
            aria-describedby={documentHelpId}
            aria-invalid={badDocument}
            value={current.document}
            placeholder={owner.data.source === 'bank' && owner.data.document ? formatTaxId(owner.data.document) : ''}
            onChange={(event) => edit({ document: maskTaxIdTyping(event.target.value) })}
            onBlur={() => !badDocument && current.document && edit({ document: formatTaxId(current.document) })}
          />
          <p id={documentHelpId} className={badDocument ? 'field-error' : 'field-help'}>
            {badDocument ? t('settings.reportOwner.badDocument') : t('settings.reportOwner.documentHelp')}
          </p>
        </div>
        {update.isError && <ErrorNotice error={update.error} />}
        <div className="actions">
          <button type="submit" className="primary" disabled={update.isPending || badDocument || draft === null}>
            {t('settings.reportOwner.save')}
          </button>
          {owner.data.source === 'settings' && (
            <button type="button" disabled={update.isPending} onClick={() => save({ name: '', document: '' })}>
              {t('settings.reportOwner.useBank')}
            </button>
          )}
        </div>
        {saved && (
          <p className="notice notice-ok" role="status">
            {t('settings.reportOwner.saved')}
          </p>
        )}
      </form>
      {owner.data.bankHolders.length > 0 && (
        <div className="report-owner-banks">
          <h3>{t('settings.reportOwner.fromBanks')}</h3>
          <ul>
            {owner.data.bankHolders.map((holder) => (
              <li key={`${holder.connectionName}-${holder.document ?? holder.name ?? ''}`}>
                <span>
                  {[holder.connectionName, holder.name, holder.document && formatTaxId(holder.document)]
                    .filter(Boolean)
                    .join(' · ')}
                </span>{' '}
                <button type="button" onClick={() => copyHolder(holder)}>
                  {t('settings.reportOwner.copy')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
