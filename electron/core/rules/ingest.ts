import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../../db/schema.ts';
import type { ProviderTransaction } from '../books/provider-transactions.ts';
import { applyRules, type CompiledRule } from './engine.ts';
import { type ChangedRow, ruleChangeWriter } from './rows.ts';
import { loadCompiledRules } from './store.ts';

/**
 * Runs the enabled rules on transactions sync has just created (design.md §5), inside the
 * transaction that inserted them: a new row is never seen without its rules' fields. The
 * rules are read again for each batch (one small query) so an edit during a long sync takes
 * effect at the next batch; compiled ones are reused while their stored rows are unchanged.
 * With no enabled rules a batch costs that one query.
 */
export class RulesOnIngest {
  private readonly sqlite: Database.Database;
  private readonly version: Database.Statement<[], { version: string | null }>;
  private readonly write: ReturnType<typeof ruleChangeWriter>;
  private compiled: CompiledRule[] = [];
  private compiledVersion: string | null = null;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    // Any save, reorder, toggle or delete changes this fingerprint of the enabled rules.
    this.version = sqlite.prepare(
      `SELECT group_concat(id || ':' || position || ':' || coalesce(updated_at, created_at), ',') AS version
       FROM (SELECT id, position, updated_at, created_at FROM rules WHERE enabled = 1 ORDER BY position, id)`,
    );
    this.write = ruleChangeWriter(sqlite);
  }

  /** Applies the rules to rows just inserted (they have no user fields yet); returns how many got a category from them. */
  readonly applyToCreated = (rows: readonly ProviderTransaction[], now: Date): number => {
    if (rows.length === 0) return 0;
    const rules = this.rules();
    if (rules.length === 0) return 0;
    const changed: ChangedRow[] = [];
    for (const row of rows) {
      const changes = applyRules(rules, toSubject(row), null);
      if (changes) changed.push({ id: row.id, changes, isNew: true });
    }
    this.write(changed, now.toISOString());
    return changed.filter(({ changes }) => changes.fields.categoryId !== undefined).length;
  };

  private rules(): CompiledRule[] {
    const version = this.version.get()?.version ?? null;
    if (version === null) return [];
    if (version !== this.compiledVersion) {
      this.compiled = loadCompiledRules(drizzle(this.sqlite, { schema }));
      this.compiledVersion = version;
    }
    return this.compiled;
  }
}

function toSubject(row: ProviderTransaction) {
  return {
    description: row.description,
    merchantName: row.merchantName ?? null,
    counterpartyName: row.counterpartyName ?? null,
    counterpartyDocument: row.counterpartyDocument ?? null,
    merchantCnpj: row.merchantCnpj ?? null,
    paymentMethod: row.paymentMethod ?? null,
    amountCents: row.amountInAccountCurrencyCents ?? row.amountCents,
    accountId: row.accountId,
    pluggyCategoryId: row.pluggyCategoryId ?? null,
  };
}
