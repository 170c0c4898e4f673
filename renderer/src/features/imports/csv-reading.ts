import type { CsvReading } from '../../../../electron/shared/imports.ts';

type Mapping = CsvReading['mapping'];
export type ColumnRole = keyof Mapping;

/** The CSV reading while the user changes it: the mapping may lack a column for a moment. */
export type CsvDraft = Omit<CsvReading, 'mapping'> & { mapping: Partial<Mapping> };

/** The roles a column can take, in the order the select lists them. */
export const columnRoles: readonly ColumnRole[] = [
  'date',
  'description',
  'amount',
  'debit',
  'credit',
  'counterparty',
  'memo',
];

export const separators = [';', ',', '\t', '|'] as const satisfies readonly CsvReading['separator'][];
export const decimalMarks = [',', '.'] as const satisfies readonly CsvReading['decimalMark'][];
export const dateFormats = [
  'dd/mm/yyyy',
  'dd/mm/yy',
  'yyyy-mm-dd',
  'dd-mm-yyyy',
  'mm/dd/yyyy',
] as const satisfies readonly CsvReading['dateFormat'][];

/** The role a column has in the mapping, if any. */
export function roleOf(mapping: Partial<Mapping>, column: number): ColumnRole | null {
  return columnRoles.find((role) => mapping[role] === column) ?? null;
}

/**
 * The mapping with `column` given `role` (or no role): a role is on one column only, and a
 * single amount column excludes debit and credit columns (and the other way round).
 */
export function assignColumn(mapping: Partial<Mapping>, column: number, role: ColumnRole | null): Partial<Mapping> {
  const next: Partial<Mapping> = {};
  for (const each of columnRoles) {
    const index = mapping[each];
    if (index !== undefined && index !== column && each !== role) next[each] = index;
  }
  if (role === 'amount') {
    delete next.debit;
    delete next.credit;
  }
  if (role === 'debit' || role === 'credit') delete next.amount;
  if (role) next[role] = column;
  return next;
}

/** The draft as a reading the preview can use, or null while it lacks the date, the description or an amount. */
export function completeReading(draft: CsvDraft): CsvReading | null {
  const { date, description, amount, debit, credit } = draft.mapping;
  if (date === undefined || description === undefined) return null;
  if (amount === undefined && debit === undefined && credit === undefined) return null;
  const mapping: Mapping = { date, description };
  for (const role of columnRoles) {
    const index = draft.mapping[role];
    if (index !== undefined) mapping[role] = index;
  }
  return { ...draft, mapping };
}
