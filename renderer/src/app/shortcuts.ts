import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { modalOpen } from '../components/keys.ts';

/**
 * Screens reachable from anywhere with Ctrl (⌘ on macOS) + key, as desktop apps do; from a text
 * box too (no text box uses these chords), but not over a dialog, which would be lost unsaved.
 */
export const screenShortcuts = [
  { key: '1', path: '/accounts', label: 'Control+1' },
  { key: '2', path: '/connections', label: 'Control+2' },
  { key: '3', path: '/transactions', label: 'Control+3' },
  { key: '4', path: '/rules', label: 'Control+4' },
  { key: '5', path: '/categories', label: 'Control+5' },
  { key: '6', path: '/reconciliation', label: 'Control+6' },
  { key: '7', path: '/reports', label: 'Control+7' },
  { key: ',', path: '/settings', label: 'Control+,' },
] as const;

export function useScreenShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const shortcut = screenShortcuts.find((candidate) => candidate.key === event.key);
      if (!shortcut || modalOpen()) return;
      event.preventDefault();
      void navigate(shortcut.path);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
