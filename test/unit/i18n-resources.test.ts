import { describe, expect, it } from 'vitest';
import en from '../../renderer/src/i18n/locales/en.json';
import ptBR from '../../renderer/src/i18n/locales/pt-BR.json';
import { errorCodes } from '../../electron/shared/errors.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('English has exactly the keys of pt-BR', () => {
    expect(keys(en).sort()).toEqual(keys(ptBR).sort());
  });

  it('every IPC error code has a message in each language', () => {
    for (const code of errorCodes) {
      expect(ptBR.errors[code], code).toBeTruthy();
      expect(en.errors[code], code).toBeTruthy();
    }
  });

  it('no text is left empty', () => {
    for (const resource of [ptBR, en]) {
      const empty = keys(resource).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});
