import { useTranslation } from 'react-i18next';
import type { Problem } from './rule-form.ts';

/** What is wrong with one field, next to it; `id` is what the field's aria-describedby points at. */
export function FieldProblem({ id, problem }: { id: string; problem: Problem | undefined }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p className="field-problem" id={id}>
      {t(`rules.problems.${problem}`)}
    </p>
  );
}

/** The attributes that tie a field to its problem for screen readers. */
export function problemProps(id: string, problem: Problem | undefined) {
  return problem ? { 'aria-invalid': true, 'aria-describedby': id } : {};
}
