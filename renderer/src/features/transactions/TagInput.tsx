import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The contract's limits on a transaction's tags. */
const maxTags = 20;
const maxTagLength = 50;

/**
 * A transaction's tags as chips: type and press Enter (or a comma) to add one, Backspace in
 * the empty box removes the last, each chip's × removes it. Tags already used elsewhere are
 * offered as the user types. Every change is handed over whole, to be saved at once.
 */
export function TagInput({
  tags,
  suggestions,
  onChange,
}: {
  tags: readonly string[];
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [full, setFull] = useState(false);
  const box = useRef<HTMLInputElement>(null);

  const add = () => {
    const tag = text.trim();
    if (!tag) return;
    setText('');
    // The same tag typed in other letter case is the tag already there.
    if (tags.some((each) => each.toLocaleLowerCase() === tag.toLocaleLowerCase())) return;
    if (tags.length >= maxTags) {
      setFull(true);
      return;
    }
    onChange([...tags, tag]);
  };
  const remove = (tag: string) => {
    setFull(false);
    onChange(tags.filter((each) => each !== tag));
  };

  return (
    <div className="tag-input">
      <ul className="tag-list" aria-label={t('transactions.details.tags')}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            <span>{tag}</span>
            <button
              type="button"
              aria-label={t('transactions.details.removeTag', { tag })}
              title={t('transactions.details.removeTag', { tag })}
              onClick={() => {
                remove(tag);
                // The chip and its × go: focus stays in the tags, on the box, not on the page.
                box.current?.focus();
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={box}
        aria-label={t('transactions.details.addTag')}
        aria-describedby={`${id}-hint`}
        placeholder={t('transactions.details.tagPlaceholder')}
        list={`${id}-suggestions`}
        value={text}
        maxLength={maxTagLength}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // A comma ends the tag, as Enter does.
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
            event.preventDefault();
            const last = tags[tags.length - 1];
            if (last !== undefined) remove(last);
          }
        }}
        onBlur={add}
      />
      <datalist id={`${id}-suggestions`}>
        {suggestions
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      <p id={`${id}-hint`} className={full ? 'field-hint field-error' : 'field-hint muted'}>
        {full ? t('transactions.details.tooManyTags', { count: maxTags }) : t('transactions.details.tagHint')}
      </p>
    </div>
  );
}
