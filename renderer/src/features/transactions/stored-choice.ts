import { useState } from 'react';

/**
 * One of a few choices, kept in Web Storage under `key`: localStorage for a preference that
 * outlives the session, sessionStorage for one that should not. A value stored by another
 * version, or storage that cannot be read or written, falls back to `initial` quietly: the
 * choice is a convenience, never worth an error.
 */
export function useStoredChoice<T extends string>(
  storage: () => Storage,
  key: string,
  choices: readonly T[],
  initial: T,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = storage().getItem(key);
      return choices.find((choice) => choice === stored) ?? initial;
    } catch {
      return initial;
    }
  });
  const choose = (next: T) => {
    setValue(next);
    try {
      storage().setItem(key, next);
    } catch {
      // Private mode or a full disk: the choice holds until the window closes.
    }
  };
  return [value, choose];
}
