import { useTranslation } from 'react-i18next';
import type { PartialUpdate } from '../../../../electron/shared/models.ts';

/**
 * What an update that brought only part of the data left out (Pluggy's statusDetail): each
 * product, in the app's words, with what the bank said about it.
 */
export function PartialUpdateNote({ partial }: { partial: PartialUpdate }) {
  const { t } = useTranslation();
  if (partial.products.length === 0) return <p className="partial-note">{t('connections.partial.unnamed')}</p>;
  return (
    <div className="partial-note">
      <p>{t('connections.partial.missing')}</p>
      <ul>
        {partial.products.map(({ product, warnings }) => (
          <li key={product}>
            <strong>{t(`connections.products.${product}`, { defaultValue: product })}</strong>
            {warnings.length > 0 && <span> — {warnings.join('; ')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
