import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Language, languages } from '../../../../electron/shared/models.ts';
import { useAppInfo, useSettings, useUpdateSettings } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { changeLanguage } from '../../i18n/index.ts';
import { PluggyAccountSection } from './PluggyAccountSection.tsx';
import { ReportOwnerSection } from './ReportOwnerSection.tsx';
import { ThemeChoice } from './ThemeChoice.tsx';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const appInfo = useAppInfo();
  const languageId = useId();
  const languageHelpId = useId();
  const trayHelpId = useId();
  const intervalId = useId();
  const intervalHelpId = useId();

  const onLanguageChange = (value: string) => {
    const language = Language.parse(value);
    update.mutate({ language }, { onSuccess: (saved) => void changeLanguage(saved.language) });
  };

  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <div className="field">
          <label htmlFor={languageId}>{t('settings.language.label')}</label>
          <select
            id={languageId}
            aria-describedby={languageHelpId}
            value={settings.data.language}
            disabled={update.isPending}
            onChange={(event) => onLanguageChange(event.target.value)}
          >
            {languages.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
          <p id={languageHelpId} className="field-help">
            {t('settings.language.help')}
          </p>
        </div>
      )}
      {settings.data && <ThemeChoice />}
      {settings.data && (
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              aria-describedby={trayHelpId}
              checked={settings.data.closeToTray}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ closeToTray: event.target.checked })}
            />
            {t('settings.tray.label')}
          </label>
          <p id={trayHelpId} className="field-help">
            {t('settings.tray.help')}
          </p>
        </div>
      )}
      {settings.data && (
        <div className="field">
          <label htmlFor={intervalId}>{t('settings.syncInterval.label')}</label>
          <select
            id={intervalId}
            aria-describedby={intervalHelpId}
            value={settings.data.syncIntervalMinutes}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ syncIntervalMinutes: Number(event.target.value) })}
          >
            {syncIntervals(settings.data.syncIntervalMinutes).map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes % 60 === 0
                  ? t('settings.syncInterval.everyHours', { count: minutes / 60 })
                  : t('settings.syncInterval.every', { count: minutes })}
              </option>
            ))}
          </select>
          <p id={intervalHelpId} className="field-help">
            {t('settings.syncInterval.help')}
          </p>
        </div>
      )}
      {update.isError && <ErrorNotice error={update.error} />}
      {settings.data && <PluggyAccountSection />}
      <ReportOwnerSection />
      {appInfo.data && (
        <section className="about" aria-labelledby="about-title">
          <h2 id="about-title">{t('settings.about.title')}</h2>
          <dl>
            <dt>{t('settings.about.version')}</dt>
            <dd>{appInfo.data.version}</dd>
            <dt>{t('settings.about.dataDirectory')}</dt>
            <dd className="path">{appInfo.data.dataDirectory}</dd>
          </dl>
        </section>
      )}
    </section>
  );
}

/** The intervals offered, in minutes (and the one saved, should it be another). */
function syncIntervals(current: number): number[] {
  const offered = [5, 15, 30, 60, 240];
  return offered.includes(current) ? offered : [...offered, current].sort((a, b) => a - b);
}
