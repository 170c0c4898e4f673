import { describe, expect, it } from 'vitest';
import { isTextEntry, type KeyTarget } from '../../renderer/src/components/keys.ts';

/** An element as a key handler sees it: its tag (upper case, as the DOM gives it), type, role. */
function element(tagName: string, { type, role, editable }: { type?: string; role?: string; editable?: boolean } = {}) {
  const target: KeyTarget = {
    tagName,
    type,
    isContentEditable: editable ?? false,
    getAttribute: (name) => (name === 'role' ? (role ?? null) : null),
  };
  return target;
}

describe('isTextEntry: whose a key pressed in an element is', () => {
  it('is the field’s in text boxes, selects and text areas', () => {
    for (const type of ['text', 'search', 'email', 'number', 'tel', 'url', 'password', 'date', 'TEXT']) {
      expect(isTextEntry(element('INPUT', { type })), type).toBe(true);
    }
    expect(isTextEntry(element('INPUT'))).toBe(true); // no type is a text box
    expect(isTextEntry(element('TEXTAREA'))).toBe(true);
    expect(isTextEntry(element('SELECT'))).toBe(true);
  });

  it('is the field’s in editable content and in comboboxes and text boxes drawn with other elements', () => {
    expect(isTextEntry(element('DIV', { editable: true }))).toBe(true);
    for (const role of ['combobox', 'textbox', 'searchbox', 'spinbutton']) {
      expect(isTextEntry(element('DIV', { role })), role).toBe(true);
    }
  });

  it('is the screen’s in buttons, boxes to tick, grids and the page', () => {
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'file', 'color', 'image']) {
      expect(isTextEntry(element('INPUT', { type })), type).toBe(false);
    }
    expect(isTextEntry(element('BUTTON'))).toBe(false);
    expect(isTextEntry(element('DIV', { role: 'grid' }))).toBe(false);
    expect(isTextEntry(element('LI', { role: 'option' }))).toBe(false);
    expect(isTextEntry(element('BODY'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
