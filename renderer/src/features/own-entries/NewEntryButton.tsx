import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { modalOpen, typedInField } from '../../components/keys.ts';

const onMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The new-entry shortcut as the platform writes it: ⌘N on macOS, Ctrl+N elsewhere. */
export const newEntryKeys = onMac ? '⌘N' : 'Ctrl+N';

/**
 * Ctrl+N (⌘N on macOS) opens a new entry, as desktop apps make a new document: not while
 * typing in a text box (the key is the box's there), nor over a dialog already open.
 */
export function useNewEntryShortcut(open: () => void): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(onMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'n' || event.repeat) return;
      if (typedInField(event) || modalOpen()) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** "Nova transação", with its shortcut in its tooltip and for assistive technology. */
export function NewEntryButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="primary new-entry-button"
      aria-keyshortcuts={onMac ? 'Meta+N' : 'Control+N'}
      title={t('transactions.entry.newHint', { keys: newEntryKeys })}
      onClick={onClick}
    >
      {t('transactions.entry.new')}
    </button>
  );
}
