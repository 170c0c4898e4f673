import type Database from 'better-sqlite3';
import { RuleConditions, type RulePreview } from '../../shared/rules.ts';
import { compile, FoldedSubject } from './engine.ts';
import { pagesOfLiveRows, type RuleRow } from './rows.ts';
import { usable } from './store.ts';

/** Matches shown in the editor; the count covers them all. */
const previewRows = 50;

/**
 * What a rule being edited would match among the live transactions, newest first, before
 * it is saved (conditions only: whether the user's own choices would keep their values is
 * the apply's business). An unusable pattern is refused with its issues, as on save. Runs
 * on main's thread in pages (see pagesOfLiveRows), so the app stays responsive meanwhile.
 */
export async function previewRule(sqlite: Database.Database, input: RuleConditions): Promise<RulePreview> {
  const rule = compile({ id: 0, ...usable(RuleConditions.parse(input)), actions: {} });
  let count = 0;
  // The newest matches so far: trimmed page by page, never a sort of every match at once.
  let newest: RuleRow[] = [];
  for await (const page of pagesOfLiveRows(sqlite)) {
    for (const row of page) {
      if (!rule.matches(new FoldedSubject(row.subject))) continue;
      count += 1;
      newest.push(row);
    }
    newest = newest.sort(newestFirst).slice(0, previewRows);
  }
  return {
    count,
    rows: newest.map((row) => ({
      id: row.id,
      date: row.date,
      description: row.subject.description,
      amountCents: row.subject.amountCents,
      categoryId: row.current?.categoryId ?? row.subject.pluggyCategoryId,
    })),
  };
}

function newestFirst(a: RuleRow, b: RuleRow): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
