import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvReadingView, statementEncodings } from '../../../../electron/shared/imports.ts';
import { SelectInput } from '../own-entries/fields.tsx';
import {
  assignColumn,
  type ColumnRole,
  columnRoles,
  type CsvDraft,
  dateFormats,
  decimalMarks,
  roleOf,
  separators,
} from './csv-reading.ts';

const separatorKey = { ';': 'semicolon', ',': 'comma', '\t': 'tab', '|': 'pipe' } as const;
const decimalKey = { ',': 'comma', '.': 'point' } as const;
const dateKey = {
  'dd/mm/yyyy': 'dmy',
  'dd/mm/yy': 'dmyShort',
  'yyyy-mm-dd': 'iso',
  'dd-mm-yyyy': 'dmyDash',
  'mm/dd/yyyy': 'mdy',
} as const;

const encodingKey = {
  'utf-8': 'utf8',
  'windows-1252': 'windows1252',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
} as const;

const isOneOf = <T extends string>(options: readonly T[], value: string): value is T =>
  (options as readonly string[]).includes(value);

/**
 * How a CSV is read, each choice changeable: separator, decimal mark, date format, header
 * row, first line, text encoding, the sign, and above each column of the file's first rows
 * (split as the reading in force splits them) what it holds. Says whether this was the
 * account's remembered reading, or what the file did not tell (and the pt-BR default was
 * taken).
 */
export function CsvReadingPanel({
  csv,
  encoding,
  draft,
  edited,
  incomplete,
  onChange,
}: {
  csv: CsvReadingView;
  /** The encoding the file was read in (the one chosen, or the one told from its bytes). */
  encoding: string;
  draft: CsvDraft;
  edited: boolean;
  incomplete: boolean;
  onChange: (draft: CsvDraft) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const firstLineId = useId();
  // The file's columns as the reading splits it, and any column the mapping names beyond them
  // (empty), so a role left on a column the file no longer has can be seen and moved.
  const mapped = Object.values(draft.mapping).map((index) => index + 1);
  const width = Math.max(csv.columnCount, csv.header?.length ?? 0, ...mapped);
  const columns = Array.from({ length: width }, (_, index) => index);
  const guessed = csv.guessed.map((what) => t(`imports.csv.guessedWhat.${guessKey(what)}`)).join(', ');
  const note = edited
    ? t('imports.csv.edited')
    : csv.remembered
      ? t('imports.csv.remembered')
      : guessed
        ? t('imports.csv.guessed', { what: guessed })
        : t('imports.csv.detected');
  const set = (patch: Partial<CsvDraft>) => onChange({ ...draft, ...patch });
  const roleLabel = (role: ColumnRole) => t(`imports.csv.roles.${role}`);

  return (
    <section className="import-csv" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('imports.csv.title')}</h3>
      <p
        className={
          csv.guessed.length > 0 && !edited && !csv.remembered ? 'import-note import-note-warn' : 'import-note'
        }
      >
        {note}
      </p>
      <div className="import-csv-options">
        <SelectInput
          label={t('imports.csv.separator')}
          value={draft.separator}
          onChange={(value) => {
            if (isOneOf(separators, value)) set({ separator: value });
          }}
        >
          {separators.map((each) => (
            <option key={each} value={each}>
              {t(`imports.csv.separators.${separatorKey[each]}`)}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          label={t('imports.csv.decimalMark')}
          value={draft.decimalMark}
          onChange={(value) => {
            if (isOneOf(decimalMarks, value)) set({ decimalMark: value });
          }}
        >
          {decimalMarks.map((each) => (
            <option key={each} value={each}>
              {t(`imports.csv.decimalMarks.${decimalKey[each]}`)}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          label={t('imports.csv.dateFormat')}
          value={draft.dateFormat}
          onChange={(value) => {
            if (isOneOf(dateFormats, value)) set({ dateFormat: value });
          }}
        >
          {dateFormats.map((each) => (
            <option key={each} value={each}>
              {t(`imports.csv.dateFormats.${dateKey[each]}`)}
            </option>
          ))}
        </SelectInput>
        <SelectInput
          label={t('imports.csv.header')}
          value={draft.hasHeader ? 'yes' : 'no'}
          onChange={(value) => set({ hasHeader: value === 'yes' })}
        >
          <option value="yes">{t('imports.csv.headerYes')}</option>
          <option value="no">{t('imports.csv.headerNo')}</option>
        </SelectInput>
        <div className="field">
          <label htmlFor={firstLineId}>{t('imports.csv.firstLine')}</label>
          <input
            id={firstLineId}
            type="number"
            min={1}
            step={1}
            value={draft.firstLine ?? 1}
            onChange={(event) => {
              const line = Number.parseInt(event.target.value, 10);
              if (Number.isInteger(line) && line >= 1) set({ firstLine: line });
            }}
          />
        </div>
        <SelectInput
          label={t('imports.csv.encoding')}
          value={draft.encoding ?? encoding}
          onChange={(value) => {
            if (isOneOf(statementEncodings, value)) set({ encoding: value });
          }}
        >
          {statementEncodings.map((each) => (
            <option key={each} value={each}>
              {t(`imports.csv.encodings.${encodingKey[each]}`)}
            </option>
          ))}
        </SelectInput>
      </div>
      <label className="import-check">
        <input
          type="checkbox"
          checked={draft.invertAmounts ?? false}
          onChange={(event) => set({ invertAmounts: event.target.checked })}
        />
        <span>
          {t('imports.csv.invert')}
          <span className="field-help">{t('imports.csv.invertHelp')}</span>
        </span>
      </label>
      <h4 className="import-mapping-title">{t('imports.csv.mapping')}</h4>
      {incomplete && (
        <p className="field-problem" role="alert">
          {t('imports.csv.incomplete')}
        </p>
      )}
      <div className="import-table-scroll">
        <table className="import-table import-sample">
          <thead>
            <tr className="import-sample-roles">
              <th scope="col" className="import-line">
                {t('imports.preview.line')}
              </th>
              {columns.map((column) => {
                const role = roleOf(draft.mapping, column);
                return (
                  <th key={column} scope="col" className={role ? 'import-mapped' : undefined}>
                    <select
                      aria-label={t('imports.csv.columnRole', {
                        column: column + 1,
                        name: csv.header?.[column] ?? '',
                      })}
                      value={role ?? ''}
                      onChange={(event) => {
                        const value = event.target.value;
                        const next = isOneOf(columnRoles, value) ? value : null;
                        set({ mapping: assignColumn(draft.mapping, column, next) });
                      }}
                    >
                      <option value="">{t('imports.csv.roles.none')}</option>
                      {columnRoles.map((each) => (
                        <option key={each} value={each}>
                          {roleLabel(each)}
                        </option>
                      ))}
                    </select>
                  </th>
                );
              })}
            </tr>
            {csv.header && (
              <tr className="import-sample-header">
                <th scope="row" className="import-line">
                  {t('imports.csv.headerRow')}
                </th>
                {columns.map((column) => (
                  <th key={column} scope="col" title={csv.header?.[column]}>
                    {csv.header?.[column] ?? ''}
                  </th>
                ))}
              </tr>
            )}
          </thead>
          <tbody>
            {csv.sample.map((cells, index) => (
              <tr key={csv.sampleLines[index] ?? index}>
                <td className="import-line">{csv.sampleLines[index]}</td>
                {columns.map((column) => (
                  <td
                    key={column}
                    className={roleOf(draft.mapping, column) ? 'import-mapped' : 'import-unmapped'}
                    title={cells[column]}
                  >
                    {cells[column] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const guessKey = (what: string) =>
  what === 'separator' || what === 'dateFormat' || what === 'decimalMark' || what === 'mapping' ? what : 'mapping';
