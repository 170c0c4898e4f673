import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type Theme, themes } from '../../../../electron/shared/models.ts';
import { useSettings, useUpdateSettings } from '../../api/queries.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { applyTheme } from '../../app/theme.ts';

/**
 * Settings' Appearance: light, dark, or as the system is, one radio group (arrow keys move
 * the choice). This window changes at once; the others when main tells them (boot.tsx).
 */
export function ThemeChoice() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const helpId = useId();
  if (!settings.data) return null;
  const current = settings.data.theme;
  const choose = (theme: Theme) => update.mutate({ theme }, { onSuccess: (saved) => applyTheme(saved.theme) });
  return (
    <fieldset className="settings-section choice" aria-describedby={helpId}>
      <legend>{t('settings.theme.label')}</legend>
      {themes.map((theme) => (
        <label key={theme}>
          <input type="radio" name="theme" value={theme} checked={current === theme} onChange={() => choose(theme)} />
          {t(`settings.theme.${theme}`)}
        </label>
      ))}
      <p id={helpId} className="field-help">
        {t('settings.theme.help')}
      </p>
      {update.isError && <ErrorNotice error={update.error} />}
    </fieldset>
  );
}
