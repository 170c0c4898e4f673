import type Database from 'better-sqlite3';
import type { CurrentUserFields, RuleChanges, RuleSubject } from './engine.ts';

/** A live transaction as the rules see it, with its user fields (null: none yet). */
export interface RuleRow {
  id: string;
  date: string;
  subject: RuleSubject;
  current: CurrentUserFields | null;
}

/** A row as SQLite returns it: the subject's columns, then the user fields flat. */
interface RawRow extends RuleSubject {
  rowid: number;
  id: string;
  date: string;
  hasUserData: 0 | 1;
  categoryId: string | null;
  categorySource: 'manual' | 'rule' | null;
  manualFields: string | null;
  counterpartyDisplayName: string | null;
  notes: string | null;
  tags: string | null;
  usage: 'business' | 'personal' | null;
  deductible: 0 | 1 | null;
}

/**
 * One statement over every live transaction, in table order (sorting 100k rows by date
 * would double the read); raw SQL because this is the hot path of re-applying rules.
 */
const selectLive = `
  SELECT t.rowid AS rowid, t.id, t.date, t.description, t.merchant_name AS merchantName, t.counterparty_name AS counterpartyName,
         t.counterparty_document AS counterpartyDocument, t.merchant_cnpj AS merchantCnpj,
         t.payment_method AS paymentMethod, coalesce(t.amount_in_account_currency_cents, t.amount_cents) AS amountCents, t.account_id AS accountId,
         t.pluggy_category_id AS pluggyCategoryId, u.transaction_id IS NOT NULL AS hasUserData,
         u.category_id AS categoryId, u.category_source AS categorySource, u.manual_fields AS manualFields,
         u.counterparty_display_name AS counterpartyDisplayName, u.notes, u.tags, u.usage, u.deductible
  FROM transactions t LEFT JOIN transaction_user_data u ON u.transaction_id = t.id
  WHERE t.removed_at IS NULL`;

/**
 * The live rows the rules may change: all but the reconciled ones, which stay as they were
 * reconciled (issue 7, "locked means locked"; only the user, once asked, changes those).
 */
const selectApplicable = `${selectLive} AND u.reconciled_at IS NULL`;

export function readRowsToApply(sqlite: Database.Database, ids?: readonly string[]): RuleRow[] {
  if (ids === undefined) return sqlite.prepare<[], RawRow>(selectApplicable).all().map(toRuleRow);
  return sqlite
    .prepare<[string], RawRow>(`${selectApplicable} AND t.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids))
    .map(toRuleRow);
}

/**
 * The live rows in pages of `pageSize` by rowid, for a scan that keeps only a few of them
 * (the editor's preview): memory holds a page, not the table. Each page is its own
 * statement, so no query stays open between them.
 */
export function* pagesOfLiveRows(sqlite: Database.Database, pageSize = 5000): Generator<RuleRow[]> {
  const page = sqlite.prepare<[number, number], RawRow>(`${selectLive} AND t.rowid > ? ORDER BY t.rowid LIMIT ?`);
  let after = 0;
  for (;;) {
    const raw = page.all(after, pageSize);
    const last = raw.at(-1);
    if (!last) return;
    after = last.rowid;
    yield raw.map(toRuleRow);
  }
}

function toRuleRow(raw: RawRow): RuleRow {
  return {
    id: raw.id,
    date: raw.date,
    subject: raw,
    current: raw.hasUserData
      ? {
          categoryId: raw.categoryId,
          categorySource: raw.categorySource,
          manualFields: raw.manualFields === null ? null : (JSON.parse(raw.manualFields) as string[]),
          counterpartyDisplayName: raw.counterpartyDisplayName,
          notes: raw.notes,
          tags: raw.tags === null ? null : (JSON.parse(raw.tags) as string[]),
          usage: raw.usage,
          deductible: raw.deductible === null ? null : raw.deductible === 1,
        }
      : null,
  };
}

export interface ChangedRow {
  id: string;
  changes: RuleChanges;
  /** The transaction has no user fields yet: a plain insert (about twice as fast as the upsert, on ingest's hot path). */
  isNew: boolean;
}

/**
 * Writes the rules' changes into `transaction_user_data`: a row is created when the
 * transaction had none, otherwise only the changed columns are set (COALESCE over the
 * parameters: null means "leave as it is"). Run inside the caller's transaction.
 */
export function ruleChangeWriter(sqlite: Database.Database): (rows: readonly ChangedRow[], now: string) => void {
  const upsert = sqlite.prepare(`
    INSERT INTO transaction_user_data
      (transaction_id, category_id, category_source, counterparty_display_name, notes, tags, usage, deductible, rule_id, updated_at)
    VALUES (@id, @category, CASE WHEN @category IS NULL THEN NULL ELSE 'rule' END, @counterparty, @notes, @tags, @usage,
            @deductible, @rule, @now)
    ON CONFLICT (transaction_id) DO UPDATE SET
      category_id = coalesce(@category, category_id),
      category_source = CASE WHEN @category IS NULL THEN category_source ELSE 'rule' END,
      counterparty_display_name = coalesce(@counterparty, counterparty_display_name),
      notes = coalesce(@notes, notes),
      tags = coalesce(@tags, tags),
      usage = coalesce(@usage, usage),
      deductible = coalesce(@deductible, deductible),
      rule_id = @rule,
      updated_at = @now`);
  const insert = sqlite.prepare(`
    INSERT INTO transaction_user_data
      (transaction_id, category_id, category_source, counterparty_display_name, notes, tags, usage, deductible, rule_id, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (rows, now) => {
    for (const { id, changes, isNew } of rows) {
      const { fields } = changes;
      const category = fields.categoryId ?? null;
      const counterparty = fields.counterpartyDisplayName ?? null;
      const notes = fields.notes ?? null;
      const tags = fields.tags === undefined ? null : JSON.stringify(fields.tags);
      const usage = fields.usage ?? null;
      const deductible = fields.deductible === undefined ? null : Number(fields.deductible);
      const rule = changes.ruleId;
      if (isNew) {
        insert.run(
          id,
          category,
          category === null ? null : 'rule',
          counterparty,
          notes,
          tags,
          usage,
          deductible,
          rule,
          now,
        );
      } else {
        upsert.run({ id, category, counterparty, notes, tags, usage, deductible, rule, now });
      }
    }
  };
}
