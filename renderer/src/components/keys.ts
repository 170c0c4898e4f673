/**
 * Whose a key is: the text box's (or list's) the user is in, or the screen's. Window-wide
 * shortcuts ask this before acting, so that typing "n", "/" or a space in a field types it.
 */

/** What a key handler reads of the element a key was pressed in (an Element; a plain object in tests). */
export interface KeyTarget {
  readonly tagName: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

/** <input> types that take no typing: their keys (Space, Enter) are the screen's to use too. */
const pressedInputs = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Roles of controls drawn with other elements that take letters, Space, Enter and arrows themselves. */
const typedRoles = new Set(['combobox', 'searchbox', 'spinbutton', 'textbox']);

/** Whether letters, Space, Enter and arrows pressed in `target` belong to it (a text box, a select, a combobox). */
export function isTextEntry(target: KeyTarget | null): boolean {
  if (target === null) return false;
  const tag = target.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !pressedInputs.has((target.type ?? 'text').toLowerCase());
  if (target.isContentEditable === true) return true;
  const role = target.getAttribute('role');
  return role !== null && typedRoles.has(role);
}

/** `isTextEntry` for where a key event was pressed. */
export const typedInField = (event: KeyboardEvent): boolean =>
  isTextEntry(event.target instanceof Element ? event.target : null);

/**
 * Whether a modal dialog is open: the page under it is inert, so a screen's shortcut must not
 * act there (nor navigate away from what the dialog holds unsaved).
 */
export const modalOpen = (): boolean => document.querySelector('dialog:modal') !== null;
