import { useTranslation } from 'react-i18next';
import { useStoredChoice } from './stored-choice.ts';

const densities = ['compact', 'comfortable'] as const;
export type Density = (typeof densities)[number];

/**
 * Row heights in px. Compact (the default) fits 14 rows or more at 1280×800, the counterparty
 * beside the description; comfortable gives it a line of its own under it.
 */
export const rowHeights: Record<Density, number> = { compact: 36, comfortable: 50 };

/** The list's density, a preference kept across sessions (one for Transações and every register). */
export const useDensity = () =>
  useStoredChoice(() => localStorage, 'balancete.transactions.density', densities, 'compact');

/** "Compacta | Confortável", as two buttons of which one is pressed. */
export function DensitySwitch({ density, onChange }: { density: Density; onChange: (density: Density) => void }) {
  const { t } = useTranslation();
  return (
    <div className="density-switch" role="group" aria-label={t('transactions.density.label')}>
      {densities.map((each) => (
        <button key={each} type="button" aria-pressed={density === each} onClick={() => onChange(each)}>
          {t(`transactions.density.${each}`)}
        </button>
      ))}
    </div>
  );
}
