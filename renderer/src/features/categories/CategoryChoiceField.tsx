import type { CategorySummary } from '../../../../electron/shared/categories.ts';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { categoryOptions } from '../transactions/category-options.ts';
import type { ExtraChoice } from '../transactions/CategoryPicker.tsx';
import { CategorySelect } from '../transactions/CategorySelect.tsx';

/**
 * A dialog's category field (inside its .field): its name above the chip that opens the shared category picker,
 * over the categories `offered` (the ones the change can take). The labels are worked out
 * over all of them, so a name shared with one left out is still told apart.
 */
export function CategoryChoiceField({
  all,
  offered,
  value,
  onChange,
  label,
  placeholder,
  extras,
  describedBy,
}: {
  all: readonly CategorySummary[];
  offered: (category: CategorySummary) => boolean;
  value: string | null;
  onChange: (categoryId: string) => void;
  label: string;
  placeholder: string;
  extras?: readonly ExtraChoice[];
  describedBy?: string;
}) {
  const language = useLanguage();
  const shown = new Set(all.filter(offered).map((category) => category.id));
  const options = categoryOptions(all, language).filter((option) => shown.has(option.id));
  return (
    <>
      <span className="field-label">{label}</span>
      <CategorySelect
        options={options}
        value={value}
        onChange={onChange}
        label={label}
        placeholder={placeholder}
        extras={extras}
        describedBy={describedBy}
      />
    </>
  );
}
