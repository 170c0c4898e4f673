import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDemoData, useSettings } from '../api/queries.ts';
import './demo-data-marker.css';

/**
 * A quiet "Dados de demonstração" in the shell, on every screen while anything of demo mode
 * is in the books, so demo and real data never mix silently. It is a button (keyboard
 * reachable, its explanation also on hover) that opens a short note on what it means, with
 * the way to Configurações → Conta Pluggy, where the demo data can be removed. Esc or a
 * click elsewhere closes the note.
 */
export function DemoDataMarker() {
  const { t } = useTranslation();
  const demo = useDemoData();
  const settings = useSettings();
  const [open, setOpen] = useState(false);
  const noteId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  if (!demo.data?.present) return null;
  // In demo mode everything is demo data; with the user's own application, some of it is.
  const explanation = t(`demoData.marker.${settings.data?.pluggyMode ?? 'demo'}`);
  return (
    <div className="demo-marker" ref={root}>
      <button
        ref={button}
        type="button"
        className="demo-marker-toggle"
        title={explanation}
        aria-expanded={open}
        aria-controls={noteId}
        onClick={() => setOpen((shown) => !shown)}
      >
        <span className="demo-marker-dot" aria-hidden="true" />
        {t('demoData.marker.label')}
      </button>
      <div id={noteId} className="demo-marker-note" hidden={!open}>
        <p>{explanation}</p>
        <Link to="/settings?section=pluggy-account" onClick={() => setOpen(false)}>
          {t('demoData.marker.link')}
        </Link>
      </div>
    </div>
  );
}
