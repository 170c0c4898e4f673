import { type RefObject, useEffect, useState } from 'react';

/** Focus is nowhere: the element that had it was removed (a panel closed, a form replaced), leaving the page's body. */
const focusLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

/**
 * A native modal <dialog>, shown as it mounts: the browser keeps Tab inside it and closes it on
 * Esc. It starts on the element marked `data-autofocus`, else where the browser puts it (the
 * first control, or a scrolling part of the form before it). When it goes, closed or
 * unmounted after a save, focus goes back to what had it when it opened (the row, the
 * button), if that is still on the page and nothing else took focus since; else the screen
 * puts it on what the change brought (`useFocusWhenLost`).
 */
export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>): void {
  // Read on the first render: by the time an effect runs, the dialog may hold focus.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    const node = dialog.current;
    node?.showModal();
    node?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      const active = document.activeElement;
      const stranded = focusLost() || (node !== null && node.contains(active));
      if (stranded && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
    };
  }, [dialog, opener]);
}

/**
 * Focuses `target` as it appears (or when `when` turns true) if the change that brought it
 * left focus nowhere: what the user was on is gone, and this is where they go on from.
 * Never takes focus from an element that has it.
 */
export function useFocusWhenLost(target: RefObject<HTMLElement | null>, when = true): void {
  useEffect(() => {
    if (when && focusLost()) target.current?.focus();
  }, [target, when]);
}

/**
 * Focuses `target` as it appears, whatever has focus: for the outcome of the user's own action
 * (a rule saved, a reconciliation finished), shown only then, which is where they go on from.
 */
export function useFocusOnAppear(target: RefObject<HTMLElement | null>): void {
  useEffect(() => target.current?.focus(), [target]);
}
