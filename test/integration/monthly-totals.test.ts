import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase, sourceMigrationsFolder } from '../../db/open.ts';
import { cashFlow } from '../../electron/core/reports/cash-flow.ts';
import { dashboard } from '../../electron/core/reports/dashboard.ts';
import { livroCaixa } from '../../electron/core/reports/livro-caixa.ts';
import { periodParts } from '../../electron/core/reports/monthly-totals.ts';
import { profitAndLoss } from '../../electron/core/reports/profit-and-loss.ts';
import { MonthlyTotalsCatchUp } from '../../electron/core/reports/totals-catch-up.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import { randomStream } from '../../electron/core/sandbox/data/random.ts';
import type { ReportQuery } from '../../electron/shared/reports.ts';
import { generateBookRows, seedReportBooks, writeBookRows } from '../fixtures/report-books.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/**
 * The running totals (migration 0011) against the rows: after each kind of write the
 * triggers see, the totals hold exactly what the reports' row path counts
 * (`monthlyTotalsMismatches` empty), and the check does see a difference.
 */
let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
const ids = { checking: 'acc-checking', card: 'acc-card', savings: 'acc-savings' };

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  database.close();
  temp.remove();
});

/** Two years of generated books (see reports.test.ts), counted into the totals. */
function openBooks(): void {
  database = openDatabase(join(temp.path, 'balancete.sqlite'));
  seedReportBooks(database.db);
  writeBookRows(database.db, generateBookRows({ count: 1_500, seed: 18, ...ids }));
  new MonthlyTotalsCatchUp(database.sqlite).countAll();
}

const run = (sql: string, ...values: unknown[]) => database.sqlite.prepare(sql).run(...values);
const count = (sql: string) => database.sqlite.prepare(sql).pluck().get() as number;
const consistent = () => expect(monthlyTotalsMismatches(database.sqlite)).toEqual([]);

describe('the running totals', () => {
  it('hold the books as written: every kind of row, split, flagged, named', () => {
    openBooks();
    expect(count('SELECT count(*) FROM monthly_totals')).toBeGreaterThan(100);
    expect(count('SELECT count(*) FROM monthly_counterparty_totals')).toBeGreaterThan(100);
    expect(count('SELECT sum(count) FROM current_monthly_totals')).toBe(
      count(`SELECT count(*) FROM transactions t LEFT JOIN transaction_splits s ON s.transaction_id = t.id
             WHERE t.removed_at IS NULL`),
    );
    consistent();
  });

  it('follow each change of a transaction, its user fields and its split', () => {
    openBooks();
    const split = count('SELECT transaction_id FROM transaction_splits LIMIT 1') as unknown as string;
    const plain = count(
      `SELECT id FROM transactions t WHERE removed_at IS NULL AND counterparty_name IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM transaction_splits s WHERE s.transaction_id = t.id)
         AND NOT EXISTS (SELECT 1 FROM transaction_user_data u WHERE u.transaction_id = t.id) LIMIT 1`,
    ) as unknown as string;
    const steps: [string, () => void][] = [
      [
        'amount',
        () => run('UPDATE transactions SET amount_cents = amount_cents - 1234 WHERE id IN (?, ?)', split, plain),
      ],
      [
        'account currency amount',
        () => run('UPDATE transactions SET amount_in_account_currency_cents = -777 WHERE id = ?', split),
      ],
      [
        'date into another month',
        () => run("UPDATE transactions SET date = '2024-02-29' WHERE id IN (?, ?)", split, plain),
      ],
      ['account', () => run("UPDATE transactions SET account_id = 'acc-savings' WHERE id = ?", plain)],
      [
        "Pluggy's category",
        () => run("UPDATE transactions SET pluggy_category_id = '05100000' WHERE id IN (?, ?)", split, plain),
      ],
      [
        'bank counterparty',
        () => run("UPDATE transactions SET counterparty_name = 'Outro', merchant_name = 'Loja' WHERE id = ?", plain),
      ],
      [
        'removed',
        () => run("UPDATE transactions SET removed_at = '2026-12-02T00:00:00.000Z' WHERE id IN (?, ?)", split, plain),
      ],
      ['back', () => run('UPDATE transactions SET removed_at = NULL WHERE id IN (?, ?)', split, plain)],
      [
        'user fields inserted',
        () =>
          run(
            `INSERT INTO transaction_user_data (transaction_id, category_id, usage, deductible, counterparty_display_name)
             VALUES (?, 'user:misc', 'business', 1, 'Cliente')`,
            plain,
          ),
      ],
      [
        'user fields upserted',
        () =>
          run(
            `INSERT INTO transaction_user_data (transaction_id, deductible, counterparty_display_name, usage)
             VALUES (?, 0, NULL, 'personal')
             ON CONFLICT (transaction_id) DO UPDATE SET deductible = excluded.deductible,
               counterparty_display_name = excluded.counterparty_display_name, usage = excluded.usage`,
            plain,
          ),
      ],
      ['user fields deleted', () => run('DELETE FROM transaction_user_data WHERE transaction_id = ?', plain)],
      [
        'split into parts',
        () =>
          run(
            `INSERT INTO transaction_splits (transaction_id, position, category_id, amount_cents)
             SELECT id, 0, 'user:misc', amount_cents / 3 FROM transactions WHERE id = @id
             UNION ALL SELECT id, 1, NULL, amount_cents - amount_cents / 3 FROM transactions WHERE id = @id`,
            { id: plain },
          ),
      ],
      [
        'a part changed',
        () => run("UPDATE transaction_splits SET category_id = '11010000' WHERE transaction_id = ?", plain),
      ],
      [
        'parts signs turned (account-signs.ts)',
        () => run('UPDATE transaction_splits SET amount_cents = -amount_cents WHERE transaction_id = ?', plain),
      ],
      [
        'parts adding up to zero',
        () => run('UPDATE transaction_splits SET amount_cents = 500 - 1000 * position WHERE transaction_id = ?', plain),
      ],
      ['unsplit', () => run('DELETE FROM transaction_splits WHERE transaction_id = ?', plain)],
      [
        'deleted with its user fields and parts',
        () => {
          run('DELETE FROM transaction_splits WHERE transaction_id = ?', split);
          run('DELETE FROM transaction_user_data WHERE transaction_id = ?', split);
          run('DELETE FROM transactions WHERE id = ?', split);
        },
      ],
      [
        'a category merged',
        () => run("UPDATE transaction_user_data SET category_id = 'user:misc' WHERE category_id IS NOT NULL"),
      ],
      ['usage for all', () => run("UPDATE transaction_user_data SET usage = 'business'")],
      ['every deductible flag dropped', () => run('UPDATE transaction_user_data SET deductible = NULL')],
      // The sums by side (migration 0013) follow the categories' groups.
      ['a category to another side', () => run("UPDATE categories SET report_group = 'income' WHERE id = '11010000'")],
      ['a category to the same side', () => run("UPDATE categories SET report_group = 'tax' WHERE id = '05100000'")],
      ['a category without a group', () => run("UPDATE categories SET report_group = NULL WHERE id = '11010000'")],
      ['the group back', () => run("UPDATE categories SET report_group = 'transfer' WHERE id = '11010000'")],
      [
        'a category the rows name comes into the books',
        () => {
          run("UPDATE transactions SET pluggy_category_id = '99000000' WHERE rowid % 4 = 0");
          run(
            `INSERT INTO categories (id, source, name_pt, name_en, report_group)
             VALUES ('99000000', 'pluggy', 'Nova', 'New', 'income')`,
          );
        },
      ],
      ['and leaves them', () => run("DELETE FROM categories WHERE id = '99000000'")],
    ];
    for (const [name, step] of steps) {
      database.sqlite.transaction(step)();
      expect({ name, mismatches: monthlyTotalsMismatches(database.sqlite) }).toEqual({ name, mismatches: [] });
    }
  });

  it('stay as they were when a reconciled transaction’s change is held back (0006’s RAISE(IGNORE))', () => {
    openBooks();
    const id = count(
      "SELECT id FROM transactions WHERE removed_at IS NULL AND account_id = 'acc-checking' LIMIT 1",
    ) as unknown as string;
    run(
      `INSERT INTO reconciliations (account_id, status, statement_date, statement_balance_cents, opening_balance_cents, updated_at)
       VALUES ('acc-checking', 'finished', '2026-12-31', 0, 0, '2027-01-01T00:00:00.000Z')`,
    );
    run('INSERT INTO reconciliation_items (reconciliation_id, transaction_id) VALUES (1, ?)', id);
    run(
      `INSERT INTO transaction_user_data (transaction_id, reconciled_at) VALUES (?, '2027-01-01T00:00:00.000Z')
       ON CONFLICT (transaction_id) DO UPDATE SET reconciled_at = excluded.reconciled_at`,
      id,
    );
    const before = database.sqlite
      .prepare('SELECT * FROM current_monthly_totals ORDER BY 1, 2, 3, 4, 5, 6, 7, 8')
      .all();
    run("UPDATE transactions SET amount_cents = amount_cents + 99, date = '2023-01-01' WHERE id = ?", id);
    run("UPDATE transactions SET removed_at = '2027-01-02T00:00:00.000Z' WHERE id = ?", id);
    expect(count('SELECT count(*) FROM reconciliation_conflicts')).toBe(1);
    expect(
      database.sqlite.prepare('SELECT * FROM current_monthly_totals ORDER BY 1, 2, 3, 4, 5, 6, 7, 8').all(),
    ).toEqual(before);
    consistent();
  });

  it('keep up with random writes of every kind', () => {
    openBooks();
    const random = randomStream(7);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const transactionIds = database.sqlite.prepare('SELECT id FROM transactions').pluck().all() as string[];
    const some = () => pick(transactionIds);
    let inserted = 0;
    const categoriesOf = [null, 'user:misc', '11010000', '05100000', '03000000'];
    const writes: (() => void)[] = [
      () =>
        run('UPDATE transactions SET amount_cents = ? WHERE id = ?', Math.floor(random() * 20_000) - 10_000, some()),
      () =>
        run('UPDATE transactions SET date = ? WHERE id = ?', pick(['2025-01-31', '2025-02-01', '2026-07-15']), some()),
      () => run('UPDATE transactions SET pluggy_category_id = ? WHERE id = ?', pick(categoriesOf), some()),
      () =>
        run('UPDATE transactions SET removed_at = ? WHERE id = ?', pick([null, '2026-12-03T00:00:00.000Z']), some()),
      () => run('UPDATE transactions SET account_id = ? WHERE id = ?', pick(Object.values(ids)), some()),
      () =>
        run(
          `INSERT INTO transaction_user_data (transaction_id, category_id, usage, deductible, counterparty_display_name)
           VALUES (@id, @category, @usage, @deductible, @name)
           ON CONFLICT (transaction_id) DO UPDATE SET category_id = @category, usage = @usage,
             deductible = @deductible, counterparty_display_name = @name`,
          {
            id: some(),
            category: pick(categoriesOf),
            usage: pick([null, 'business', 'personal']),
            deductible: pick([null, 0, 1]),
            name: pick([null, 'Fulano', 'Cliente']),
          },
        ),
      () => run('DELETE FROM transaction_user_data WHERE transaction_id = ?', some()),
      () => {
        const id = some();
        run('DELETE FROM transaction_splits WHERE transaction_id = ?', id);
        const parts = 2 + Math.floor(random() * 3);
        for (let position = 0; position < parts; position += 1) {
          run(
            'INSERT INTO transaction_splits (transaction_id, position, category_id, amount_cents) VALUES (?, ?, ?, ?)',
            id,
            position,
            pick(categoriesOf),
            Math.floor(random() * 10_000) - 5_000,
          );
        }
      },
      () => run('UPDATE transaction_splits SET amount_cents = amount_cents + 1 WHERE transaction_id = ?', some()),
      () =>
        run(
          'UPDATE categories SET report_group = ? WHERE id = ?',
          pick([null, 'income', 'deductible_expense', 'transfer', 'investment']),
          pick(categoriesOf.filter((id) => id !== null)),
        ),
      // New rows (not counted until the catch-up), rows deleted (the last rowid too), the catch-up.
      () => {
        const id = `new-${(inserted += 1)}`;
        run(
          `INSERT INTO transactions (id, account_id, description, amount_cents, currency_code, date, occurred_at, status,
             pluggy_category_id, counterparty_name)
           VALUES (?, ?, 'NOVA', ?, 'BRL', ?, '2026-01-01T12:00:00.000Z', 'POSTED', ?, ?)`,
          id,
          pick(Object.values(ids)),
          Math.floor(random() * 20_000) - 10_000,
          pick(['2025-03-03', '2026-07-15']),
          pick(categoriesOf),
          pick([null, 'Fulano']),
        );
        transactionIds.push(id);
      },
      () => {
        const id = random() < 0.5 ? some() : (transactionIds.at(-1) as string);
        run('DELETE FROM transaction_splits WHERE transaction_id = ?', id);
        run('DELETE FROM transaction_user_data WHERE transaction_id = ?', id);
        run('DELETE FROM reconciliation_items WHERE transaction_id = ?', id);
        run('DELETE FROM transactions WHERE id = ?', id);
        transactionIds.splice(transactionIds.indexOf(id), 1);
      },
      () => new MonthlyTotalsCatchUp(database.sqlite).countAll(),
    ];
    const pending = () => count('SELECT count(*) FROM monthly_totals_pending');
    let folds = 0;
    for (let batch = 0; batch < 40; batch += 1) {
      const before = pending();
      database.sqlite.transaction(() => {
        for (let write = 0; write < 50; write += 1) pick(writes)();
      })();
      if (pending() < before) folds += 1;
      consistent();
    }
    // Taken-away sums were folded in too (and the check saw no zero left behind).
    expect(folds).toBeGreaterThan(0);
    // 2,000 writes and 40 checks of every row: seconds on a busy machine.
  }, 30_000);

  it('go back with a rolled-back transaction, as the rows do', () => {
    openBooks();
    expect(() =>
      database.sqlite.transaction(() => {
        run("UPDATE transactions SET amount_cents = amount_cents * 2 WHERE account_id = 'acc-card'");
        throw new Error('crash');
      })(),
    ).toThrow('crash');
    consistent();
  });

  it('are told apart from the rows by the check when they differ', () => {
    openBooks();
    run(
      `UPDATE monthly_totals SET cents = cents + 1
       WHERE (account_id, month, category_id, incoming, usage, deductible) =
         (SELECT account_id, month, category_id, incoming, usage, deductible FROM monthly_totals LIMIT 1)`,
    );
    const found = monthlyTotalsMismatches(database.sqlite);
    expect(found.map(({ table, source }) => [table, source])).toEqual([
      ['monthly_totals', 'rows'],
      ['monthly_totals', 'totals'],
    ]);
    expect((found[1]?.cents ?? 0) - (found[0]?.cents ?? 0)).toBe(1);
    run(
      'DELETE FROM monthly_counterparty_totals WHERE counterparty = (SELECT min(counterparty) FROM monthly_counterparty_totals)',
    );
    expect(
      monthlyTotalsMismatches(database.sqlite).filter((each) => each.table === 'monthly_counterparty_totals').length,
    ).toBeGreaterThan(0);
    // A category moved to another side without its sums (migration 0013's trigger gone).
    run('DROP TRIGGER categories_counterparty_sides_update');
    run("UPDATE categories SET report_group = 'income' WHERE id = '11010000'");
    expect(
      monthlyTotalsMismatches(database.sqlite).filter((each) => each.table === 'monthly_counterparty_sides').length,
    ).toBeGreaterThan(0);
  });
});

/** Every report of every query, as the books answer them now. */
function everyReport() {
  const queries: ReportQuery[] = [
    { from: '2025-01-01', to: '2026-12-31' },
    { from: '2025-03-01', to: '2025-03-31' },
    { from: '2025-05-17', to: '2025-11-03' },
    { from: '2025-08-12', to: '2025-08-12' },
    { from: '2025-01-01', to: '2025-12-31', accountIds: [ids.checking, ids.card] },
    { from: '2025-02-01', to: '2026-06-15', businessOnly: true },
    { from: '2026-01-01', to: '2026-06-30', accountIds: [ids.savings], businessOnly: true },
  ];
  return queries.map((query) => ({
    query,
    pnl: profitAndLoss(database.sqlite, query),
    livro: livroCaixa(database.sqlite, query),
    flow: cashFlow(database.sqlite, query),
    board: dashboard(database.sqlite, query),
  }));
}

/** What `reports` say from the rows alone (nothing counted), the books left as they were. */
function fromRowsAlone<T>(reports: () => T): T {
  database.sqlite.exec(`SAVEPOINT rows_only;
    DELETE FROM monthly_totals; DELETE FROM monthly_counterparty_totals; DELETE FROM monthly_counterparty_sides;
    DELETE FROM monthly_totals_pending; UPDATE monthly_totals_state SET counted_through = 0;`);
  try {
    expect(count('SELECT count(*) FROM current_monthly_totals')).toBe(0);
    expect(count('SELECT count(*) FROM current_monthly_counterparty_sides')).toBe(0);
    return reports();
  } finally {
    database.sqlite.exec('ROLLBACK TO rows_only; RELEASE rows_only');
  }
}

describe('the reports', () => {
  it('say the same from the totals, from rows not counted yet and from the rows alone', () => {
    database = openDatabase(join(temp.path, 'balancete.sqlite'));
    seedReportBooks(database.db);
    writeBookRows(database.db, generateBookRows({ count: 3_000, seed: 21, ...ids }));
    const fromRows = everyReport();
    const middle = count('SELECT max(rowid) / 2 FROM transactions');
    run('UPDATE monthly_totals_state SET counted_through = ?', middle);
    expect(everyReport()).toEqual(fromRows);
    new MonthlyTotalsCatchUp(database.sqlite).countAll();
    expect(count('SELECT count(*) FROM monthly_totals')).toBeGreaterThan(100);
    expect(everyReport()).toEqual(fromRows);
    // Changed since (pending movements, folded or not, taken-back sums), then new rows.
    run('UPDATE transaction_user_data SET deductible = 1 - coalesce(deductible, 0) WHERE rowid % 3 = 0');
    run("UPDATE transactions SET amount_cents = amount_cents + 7, pluggy_category_id = '11010000' WHERE rowid % 5 = 0");
    run("UPDATE transaction_splits SET category_id = 'user:misc' WHERE position = 0");
    writeBookRows(
      database.db,
      generateBookRows({ count: 500, seed: 22, ...ids }).map((row) => ({ ...row, id: `n-${row.id}` })),
    );
    consistent();
    expect(everyReport()).toEqual(fromRowsAlone(everyReport));
    // A hidden account: the sums over every account less its own.
    run('UPDATE accounts SET hidden_at = ? WHERE id = ?', '2026-12-01T00:00:00.000Z', ids.card);
    expect(everyReport()).toEqual(fromRowsAlone(everyReport));
    // Six rounds of every report of seven queries: seconds on a busy machine.
  }, 40_000);
});

describe('the dashboard’s payers and payees', () => {
  it('take an ungrouped category’s side from all its movements, those without a counterparty too', () => {
    database = openDatabase(join(temp.path, 'balancete.sqlite'));
    seedReportBooks(database.db);
    // 'user:misc' has no group: its April net (+500.00) puts it on the income side, so the
    // one who was paid from it is a payer with a negative sum, as the rows say.
    writeBookRows(
      database.db,
      [
        { id: 'paid', accountId: ids.checking, date: '2025-04-10', amountCents: -10_000, counterparty: 'Fulano Único' },
        { id: 'received', accountId: ids.checking, date: '2025-04-20', amountCents: 60_000 },
      ].map((row) => ({ ...row, user: { categoryId: 'user:misc' } })),
    );
    new MonthlyTotalsCatchUp(database.sqlite).countAll();
    const april = { from: '2025-04-01', to: '2025-04-30' };
    const board = dashboard(database.sqlite, april);
    expect(board.topPayers).toEqual([{ name: 'Fulano Único', cents: -10_000, count: 1 }]);
    expect(board.topPayees).toEqual([]);
    expect(fromRowsAlone(() => dashboard(database.sqlite, april))).toEqual(board);
  });
});

describe('migration 0011', () => {
  it('counts books written before it once, as the rows stand', () => {
    const before = copyMigrationsUpTo(join(temp.path, 'migrations'), '0011');
    const file = join(temp.path, 'balancete.sqlite');
    const old = openDatabase(file, { migrationsFolder: before });
    seedReportBooks(old.db);
    writeBookRows(old.db, generateBookRows({ count: 1_500, seed: 18, ...ids }));
    old.close();
    database = openDatabase(file);
    expect(count('SELECT count(*) FROM monthly_totals')).toBeGreaterThan(100);
    consistent();
    // The same rows written after it: the same totals, to the row.
    const fresh = openDatabase(join(temp.path, 'fresh.sqlite'));
    try {
      seedReportBooks(fresh.db);
      writeBookRows(fresh.db, generateBookRows({ count: 1_500, seed: 18, ...ids }));
      new MonthlyTotalsCatchUp(fresh.sqlite).countAll();
      const keys = {
        current_monthly_totals: 'account_id, month, category_id, incoming, usage, deductible',
        current_monthly_counterparty_totals: 'account_id, month, counterparty, category_id, incoming, usage',
      };
      for (const [table, key] of Object.entries(keys)) {
        const all = (books: OpenedDatabase) =>
          books.sqlite
            .prepare(
              `SELECT ${key}, sum(cents), sum(count) FROM ${table}
               GROUP BY ${key} HAVING sum(count) <> 0 ORDER BY ${key}`,
            )
            .all();
        expect(all(database)).toEqual(all(fresh));
      }
    } finally {
      fresh.close();
    }
  });
});

/** The committed migrations before `tag`, as books of an earlier build were migrated. */
function copyMigrationsUpTo(folder: string, tag: string): string {
  cpSync(sourceMigrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => entry.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('periodParts', () => {
  it.each([
    ['2025-01-01', '2025-12-31', { months: { first: '2025-01', last: '2025-12' }, days: [] }],
    [
      '2025-01-15',
      '2025-03-10',
      {
        months: { first: '2025-02', last: '2025-02' },
        days: [
          { from: '2025-01-15', to: '2025-01-31' },
          { from: '2025-03-01', to: '2025-03-10' },
        ],
      },
    ],
    ['2025-01-15', '2025-02-10', { months: null, days: [{ from: '2025-01-15', to: '2025-02-10' }] }],
    ['2024-02-01', '2024-02-29', { months: { first: '2024-02', last: '2024-02' }, days: [] }],
    [
      '2024-12-02',
      '2025-01-31',
      { months: { first: '2025-01', last: '2025-01' }, days: [{ from: '2024-12-02', to: '2024-12-31' }] },
    ],
    [
      '2025-12-31',
      null,
      { months: { first: '2026-01', last: null }, days: [{ from: '2025-12-31', to: '2025-12-31' }] },
    ],
  ] as const)('%s to %s', (from, to, parts) => {
    expect(periodParts(from, to)).toEqual(parts);
  });
});
