import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.ts';
import { categories, transactionUserData } from '../../db/schema.ts';
import { ProviderTransactionWriter } from '../../electron/core/books/provider-transactions.ts';
import { applyUndo } from '../../electron/core/books/undo.ts';
import { createHandlers } from '../../electron/core/handlers.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import { silentLogger } from '../../electron/core/log.ts';
import { MonthlyTotalsCatchUp } from '../../electron/core/reports/totals-catch-up.ts';
import { monthlyTotalsMismatches } from '../../electron/core/reports/totals-check.ts';
import { applyRulesToExisting } from '../../electron/core/rules/apply.ts';
import { RulesOnIngest } from '../../electron/core/rules/ingest.ts';
import { previewRule } from '../../electron/core/rules/preview.ts';
import { deleteRule, listRules, reorderRules, saveRule } from '../../electron/core/rules/store.ts';
import {
  acceptSuggestion,
  dismissSuggestion,
  prefillFromTransaction,
  ruleSuggestions,
} from '../../electron/core/rules/suggestions.ts';
import { applyRulesInWorker } from '../../electron/core/rules/worker-client.ts';
import { createClock } from '../../electron/core/sandbox/clock.ts';
import { DataSync } from '../../electron/core/sync/data-sync.ts';
import { AppError } from '../../electron/shared/errors.ts';
import type { RuleApplyProgress, RuleDraft } from '../../electron/shared/rules.ts';
import { generateProviderTransactions } from '../fixtures/provider-transactions.ts';
import { seedTwoAccounts } from '../fixtures/seed.ts';
import { testHandlerDeps } from '../support/handler-deps.ts';
import { clientFor, settledItem } from '../support/pluggy-client.ts';
import { startTestSandbox } from '../support/sandbox.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { userFieldCopyMismatches } from '../support/user-field-copies.ts';

let temp: ReturnType<typeof makeTempDir>;
let database: OpenedDatabase;
let file: string;

beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.path, 'balancete.sqlite');
  database = openDatabase(file);
  database.db
    .insert(categories)
    .values(
      ['transport', 'food', 'income', 'tax'].map((id) => ({ id, source: 'user' as const, nameEn: id, namePt: id })),
    )
    .run();
});
afterEach(() => {
  // Every writer of user fields leaves the transactions' copies in step (migration 0005),
  // and the reports' running totals the rows' (migration 0011).
  expect(userFieldCopyMismatches(database.sqlite)).toBe(0);
  expect(monthlyTotalsMismatches(database.sqlite)).toEqual([]);
  database.close();
  temp.remove();
});

/** 400 generated rows on the checking account (the fixture's descriptions: UBER, IFOOD, DAS…). */
function seedTransactions(count = 400) {
  const { checking } = seedTwoAccounts(database.db);
  const rows = generateProviderTransactions({ count, accountId: checking });
  new ProviderTransactionWriter(database.sqlite).write(rows);
  // Counted, as the app counts a sync's rows: the rules' writes then move the totals.
  new MonthlyTotalsCatchUp(database.sqlite).countAll();
  return rows;
}

const userData = () => database.db.select().from(transactionUserData).orderBy(transactionUserData.transactionId).all();

const uber: RuleDraft = {
  name: 'Uber',
  conditions: [{ field: 'description', operator: 'contains', value: 'uber' }],
  actions: { categoryId: 'transport', usage: 'business' },
};

describe('the rule store', () => {
  it('creates rules last in order, updates, toggles, reorders and deletes them', () => {
    const first = saveRule(database.db, uber);
    const second = saveRule(database.db, { ...uber, name: 'Second', match: 'any' });
    expect(first).toMatchObject({ position: 0, enabled: true, match: 'all', source: 'user' });
    expect(second.position).toBe(1);
    saveRule(database.db, { ...uber, id: first.id, name: 'Uber rides', enabled: false });
    expect(listRules(database.db).map((rule) => [rule.name, rule.enabled])).toEqual([
      ['Uber rides', false],
      ['Second', true],
    ]);
    expect(reorderRules(database.db, [second.id, first.id]).map((rule) => rule.id)).toEqual([second.id, first.id]);
    expect(() => reorderRules(database.db, [second.id])).toThrow(AppError);
    deleteRule(database.db, second.id);
    expect(listRules(database.db).map((rule) => rule.id)).toEqual([first.id]);
    expect(() => deleteRule(database.db, second.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => saveRule(database.db, { ...uber, id: 999 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses an invalid regex with the path of the condition, and an unknown category', () => {
    const bad: RuleDraft = {
      ...uber,
      conditions: [...uber.conditions, { field: 'merchant', operator: 'regex', value: '[unclosed' }],
    };
    expect(() => saveRule(database.db, bad)).toThrow(
      expect.objectContaining({
        code: 'RULE_INVALID',
        details: {
          issues: [
            {
              path: ['conditions', 1, 'value'],
              problem: 'invalid',
              message: expect.stringMatching(/regular expression/) as string,
            },
          ],
        },
      }),
    );
    expect(() => previewRule(database.sqlite, bad)).toThrow(expect.objectContaining({ code: 'RULE_INVALID' }));
    expect(() => saveRule(database.db, { ...uber, actions: { categoryId: 'nope' } })).toThrow(
      expect.objectContaining({ code: 'CATEGORY_NOT_FOUND' }),
    );
    expect(listRules(database.db)).toEqual([]);
  });
});

describe('over IPC', () => {
  it('rules:save answers RULE_INVALID with the issues, and rules:list the saved rules', async () => {
    const deps = testHandlerDeps(database);
    try {
      const handlers = createHandlers(deps);
      const bad = { ...uber, conditions: [{ field: 'description', operator: 'regex', value: 'uber(?= do brasil)' }] };
      const refused = await dispatch(handlers, 'rules:save', bad);
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'RULE_INVALID',
          details: { issues: [{ path: ['conditions', 0, 'value'], problem: 'lookaround' }] },
        },
      });
      const saved = await dispatch(handlers, 'rules:save', uber, { validateOutput: true });
      expect(saved.ok).toBe(true);
      expect(await dispatch(handlers, 'rules:list', undefined, { validateOutput: true })).toMatchObject({
        ok: true,
        value: [{ name: 'Uber' }],
      });
    } finally {
      await deps.dispose();
    }
  });
});

describe('preview', () => {
  it('counts every live match and lists the newest 50, with their current category', () => {
    // More rows than one page of the preview's scan: the newest are found across pages.
    const rows = seedTransactions(12_000);
    const expected = rows.filter((row) => row.description.includes('UBER'));
    // The editor previews before the rule has a name or actions.
    const preview = previewRule(database.sqlite, { conditions: uber.conditions });
    expect(preview.count).toBe(expected.length);
    const newest = expected
      .map((row) => row.date)
      .sort()
      .reverse()
      .slice(0, 50);
    expect(preview.rows.map((row) => row.date)).toEqual(newest);
    expect(preview.rows[0]).toMatchObject({ description: 'PAG*UBER DO BRASIL', categoryId: '19030000' });
    expect(preview.rows.every((row) => row.amountCents < 0)).toBe(true);
  });
});

// Each apply starts a worker thread that loads the engine afresh: seconds on a busy 2-core machine.
describe('applying to existing transactions', { timeout: 30_000 }, () => {
  it('runs in a worker with progress, keeps manual choices, is idempotent, and undoes exactly', async () => {
    const rows = seedTransactions();
    const ubers = rows.filter((row) => row.description.includes('UBER'));
    const [manualUber, otherUber] = ubers;
    if (!manualUber || !otherUber) throw new Error('fixture has too few UBER rows');
    // The user categorized one UBER ride and noted another by hand.
    database.db
      .insert(transactionUserData)
      .values([
        { transactionId: manualUber.id, categoryId: 'food', categorySource: 'manual', notes: 'lunch' },
        { transactionId: otherUber.id, notes: 'airport', manualFields: ['notes'] },
      ])
      .run();
    saveRule(database.db, uber);
    saveRule(database.db, {
      name: 'DAS',
      conditions: [{ field: 'description', operator: 'regex', value: '^das\\b' }],
      actions: { categoryId: 'tax', notes: 'imposto' },
    });
    const before = userData();

    const progress: RuleApplyProgress[] = [];
    const result = await applyRulesInWorker(file, { onProgress: (step) => progress.push(step) });
    const das = rows.filter((row) => row.description.startsWith('DAS'));
    expect(result).toEqual({
      examined: rows.length,
      changed: ubers.length + das.length,
      undoId: expect.any(Number) as number,
    });
    expect(progress.at(-1)).toEqual({ done: rows.length, total: rows.length });

    const after = new Map(userData().map((row) => [row.transactionId, row]));
    expect(after.get(manualUber.id)).toMatchObject({ categoryId: 'food', categorySource: 'manual', usage: 'business' });
    expect(after.get(otherUber.id)).toMatchObject({
      categoryId: 'transport',
      categorySource: 'rule',
      notes: 'airport',
    });
    for (const row of das) {
      expect(after.get(row.id)).toMatchObject({ categoryId: 'tax', categorySource: 'rule', notes: 'imposto' });
    }
    expect(after.size).toBe(ubers.length + das.length);

    const again = await applyRulesInWorker(file);
    expect(again).toEqual({ examined: rows.length, changed: 0, undoId: null });

    applyUndo(database.db, result.undoId ?? -1, new Date());
    expect(userData()).toEqual(before);
  });

  it('undoes as far as it still can when the rule named before, or a transaction, is gone since', () => {
    const rows = seedTransactions();
    const first = saveRule(database.db, uber);
    applyRulesToExisting(database);
    // A second rule takes the same rows over, its undo keeping the first rule's fields as
    // before-images; then the first rule is deleted, and one of the rows with its connection.
    saveRule(database.db, { ...uber, id: first.id, enabled: false });
    saveRule(database.db, { ...uber, name: 'Uber again', actions: { categoryId: 'food' } });
    const second = applyRulesToExisting(database);
    expect(second.changed).toBeGreaterThan(1);
    deleteRule(database.db, first.id);
    const ubers = rows.filter((row) => row.description.includes('UBER'));
    const gone = ubers[0];
    if (!gone) throw new Error('fixture has no UBER row');
    database.sqlite.prepare('DELETE FROM transaction_user_data WHERE transaction_id = ?').run(gone.id);
    database.sqlite.prepare('DELETE FROM transactions WHERE id = ?').run(gone.id);

    expect(applyUndo(database.db, second.undoId ?? -1, new Date())).toBe(second.changed);
    const restored = userData();
    expect(restored.map((row) => row.transactionId)).toEqual(
      ubers
        .slice(1)
        .map((row) => row.id)
        .sort(),
    );
    for (const row of restored) expect(row).toMatchObject({ categoryId: 'transport', usage: 'business', ruleId: null });
  });

  it('lets a manual choice made while it decides win over its decision', () => {
    const rows = seedTransactions();
    const [uberRow] = rows.filter((row) => row.description.includes('UBER'));
    if (!uberRow) throw new Error('fixture has no UBER row');
    saveRule(database.db, uber);
    const result = applyRulesToExisting(database, {
      // The last report comes once every row is decided, before anything is written.
      onProgress: ({ done, total }) => {
        if (done < total) return;
        database.db
          .insert(transactionUserData)
          .values({ transactionId: uberRow.id, categoryId: 'food', categorySource: 'manual' })
          .run();
      },
    });
    expect(result.changed).toBe(rows.filter((row) => row.description.includes('UBER')).length);
    expect(userData().find((row) => row.transactionId === uberRow.id)).toMatchObject({
      categoryId: 'food',
      categorySource: 'manual',
      usage: 'business',
    });
  });

  it('applies only the rules asked for', async () => {
    const rows = seedTransactions(100);
    const uberRule = saveRule(database.db, uber);
    saveRule(database.db, {
      name: 'Everything',
      conditions: [{ field: 'amount', operator: 'sign', sign: 'out' }],
      actions: { notes: 'out' },
    });
    const result = await applyRulesInWorker(file, { ruleIds: [uberRule.id] });
    expect(result.changed).toBe(rows.filter((row) => row.description.includes('UBER')).length);
    expect(userData().every((row) => row.notes === null)).toBe(true);
  });
});

describe('learned suggestions', () => {
  it('suggests after three manual choices, accepts as a learned rule, and remembers dismissals', () => {
    const rows = seedTransactions();
    const ifood = rows.filter((row) => row.description.startsWith('IFOOD')).slice(0, 3);
    const cafe = rows.filter((row) => row.description.startsWith('CAFÉ')).slice(0, 3);
    const manual = (list: typeof rows, categoryId: string) =>
      database.db
        .insert(transactionUserData)
        .values(list.map((row) => ({ transactionId: row.id, categoryId, categorySource: 'manual' as const })))
        .run();
    manual(ifood.slice(0, 2), 'food');
    expect(ruleSuggestions(database.db)).toEqual([]);
    manual(ifood.slice(2), 'food');
    manual(cafe, 'food');
    expect(ruleSuggestions(database.db)).toEqual([
      { key: 'description:cafe sao jose', field: 'description', value: 'CAFÉ SÃO JOSÉ', categoryId: 'food', count: 3 },
      {
        key: 'description:ifood *restaurante',
        field: 'description',
        value: 'IFOOD *RESTAURANTE',
        categoryId: 'food',
        count: 3,
      },
    ]);

    const learned = acceptSuggestion(database.db, 'description:ifood *restaurante');
    expect(learned).toMatchObject({
      source: 'learned',
      conditions: [{ field: 'description', operator: 'contains', value: 'IFOOD *RESTAURANTE' }],
      actions: { categoryId: 'food' },
    });
    dismissSuggestion(database.db, 'description:cafe sao jose');
    expect(ruleSuggestions(database.db)).toEqual([]);
    expect(() => acceptSuggestion(database.db, 'description:cafe sao jose')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('prefills a rule from a transaction with its text and category', () => {
    const [row] = seedTransactions(1);
    if (!row) throw new Error('no row');
    expect(prefillFromTransaction(database.db, row.id)).toMatchObject({
      match: 'all',
      actions: { categoryId: row.pluggyCategoryId },
    });
    expect(() => prefillFromTransaction(database.db, 'nope')).toThrow(
      expect.objectContaining({ code: 'TRANSACTION_NOT_FOUND' }),
    );
  });
});

describe('rules on ingest', () => {
  it('run on every new transaction sync brings in, and leave the rest alone', async () => {
    const clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
    const sandbox = await startTestSandbox({ clock });
    const client = clientFor(sandbox, { now: () => clock.now() });
    try {
      const created = await client.createItem({
        connectorId: 0,
        parameters: { user: 'user-ok', password: 'password-ok' },
      });
      const itemId = (await settledItem(client, created.id)).id;
      saveRule(database.db, {
        name: 'Income is business',
        conditions: [{ field: 'amount', operator: 'sign', sign: 'in' }],
        actions: { usage: 'business', categoryId: 'income' },
      });
      saveRule(database.db, {
        name: 'Disabled',
        enabled: false,
        conditions: [{ field: 'amount', operator: 'sign', sign: 'out' }],
        actions: { notes: 'never' },
      });
      const sync = new DataSync({ database, client, logger: silentLogger, now: () => new Date(clock.now()) });
      const counts = await sync.syncItem(itemId, 'connect');
      const incoming = database.sqlite
        .prepare<[], { n: number }>('SELECT count(*) AS n FROM transactions WHERE amount_cents > 0')
        .get()?.n;
      expect(counts.created).toBeGreaterThan(0);
      expect(incoming).toBeGreaterThan(0);
      const data = userData();
      expect(data).toHaveLength(incoming ?? -1);
      expect(
        data.every((row) => row.usage === 'business' && row.categoryId === 'income' && row.categorySource === 'rule'),
      ).toBe(true);
      expect(data.every((row) => row.ruleId !== null && row.notes === null)).toBe(true);
    } finally {
      await client.close();
      await sandbox.stop();
    }
  });
});

/**
 * Issue 17: patterns that backtrack for minutes in JavaScript's engine on a near-miss
 * (`(.|.)*#$` against a long text without "#") run on RE2 everywhere rules run: finishing
 * with the right answer is what these check; bench/regex-rules measures how fast.
 */
describe('patterns that backtrack in JavaScript', { timeout: 60_000 }, () => {
  const catastrophic = ['(.|.)*#$', '.*.*.*.*.*.*.*.*=', '^(\\w+\\s?)*#$'];
  /** A long description of the kind that makes those patterns explode: almost, but not quite, a match. */
  const nearMiss = `PIX ENVIADO ${'A'.repeat(300)} #!`;

  function seedNearMisses() {
    const { checking } = seedTwoAccounts(database.db);
    const rows = generateProviderTransactions({ count: 200, accountId: checking }).map((row, index) =>
      index % 2 === 0 ? { ...row, description: nearMiss } : row,
    );
    return { checking, rows };
  }

  const ruleFor = (value: string, index: number): RuleDraft => ({
    name: `Catastrophic ${index}`,
    conditions: [{ field: 'description', operator: 'regex', value }],
    actions: { notes: `pattern ${index}` },
  });

  it('preview (in its worker, over IPC), ingest and apply all finish, matching nothing', async () => {
    const { rows } = seedNearMisses();
    const deps = testHandlerDeps(database);
    try {
      const handlers = createHandlers(deps);
      // Written through the ingest path, with the rules already saved: as a sync would.
      catastrophic.forEach((value, index) => saveRule(database.db, ruleFor(value, index)));
      new ProviderTransactionWriter(database.sqlite, new RulesOnIngest(database.sqlite).applyToCreated).write(rows);
      expect(userData()).toEqual([]);
      for (const value of catastrophic) {
        const preview = await dispatch(
          handlers,
          'rules:preview',
          { conditions: [{ field: 'description', operator: 'regex', value }] },
          { validateOutput: true },
        );
        expect(preview, value).toEqual({ ok: true, value: { count: 0, rows: [] } });
      }
      expect(await dispatch(handlers, 'rules:apply', undefined)).toEqual({
        ok: true,
        value: { examined: rows.length, changed: 0, undoId: null },
      });
      // The same engine, one character short of a near-miss, does match.
      const matching = await dispatch(handlers, 'rules:preview', {
        conditions: [{ field: 'description', operator: 'regex', value: '(.|.)*#!$' }],
      });
      expect(matching).toMatchObject({ ok: true, value: { count: rows.length / 2 } });
    } finally {
      await deps.dispose();
    }
  });

  it('preview refuses what RE2 cannot run with its kind, before any scan', async () => {
    const deps = testHandlerDeps(database);
    try {
      const handlers = createHandlers(deps);
      for (const [value, problem] of [
        ['(?<!pix )uber', 'lookaround'],
        ['(uber)\\1', 'backreference'],
        ['.{0,999}uber', 'tooComplex'],
      ] as const) {
        const refused = await dispatch(handlers, 'rules:preview', {
          conditions: [{ field: 'description', operator: 'regex', value }],
        });
        expect(refused, value).toMatchObject({
          ok: false,
          error: { code: 'RULE_INVALID', details: { issues: [{ path: ['conditions', 0, 'value'], problem }] } },
        });
      }
    } finally {
      await deps.dispose();
    }
  });
});

describe('a stored pattern this version cannot run', () => {
  /** As an older version, whose patterns ran on JavaScript's engine, saved it: past today's checks. */
  function storeOldRule(value: string) {
    return database.sqlite
      .prepare(
        `INSERT INTO rules (name, enabled, match, conditions, actions, source, position, created_at)
         VALUES ('Old lookahead', 1, 'any', ?, ?, 'user', 0, ?) RETURNING id`,
      )
      .get(
        JSON.stringify([
          { field: 'description', operator: 'contains', value: 'uber' },
          { field: 'description', operator: 'regex', value },
        ]),
        JSON.stringify({ categoryId: 'transport' }),
        new Date().toISOString(),
      ) as { id: number };
  }

  it('is listed with why, and skipped by sync and apply, which still run the others', () => {
    const { checking } = seedTwoAccounts(database.db);
    const old = storeOldRule('uber(?= do brasil)');
    saveRule(database.db, {
      name: 'Taxes',
      conditions: [{ field: 'description', operator: 'regex', value: '^das\\b' }],
      actions: { categoryId: 'tax' },
    });
    const [listedOld, taxes] = listRules(database.db);
    expect(listedOld).toMatchObject({
      id: old.id,
      name: 'Old lookahead',
      issues: [{ path: ['conditions', 1, 'value'], problem: 'lookaround' }],
    });
    expect(taxes).toMatchObject({ name: 'Taxes' });
    expect(taxes).not.toHaveProperty('issues');

    const rows = generateProviderTransactions({ count: 200, accountId: checking });
    new ProviderTransactionWriter(database.sqlite, new RulesOnIngest(database.sqlite).applyToCreated).write(rows);
    const das = rows.filter((row) => row.description.startsWith('DAS')).map((row) => row.id);
    expect(das.length).toBeGreaterThan(0);
    const categorized = () =>
      userData()
        .filter((row) => row.categoryId !== null)
        .map((row) => [row.transactionId, row.categoryId]);
    expect(categorized()).toEqual(das.sort().map((id) => [id, 'tax']));
    expect(applyRulesToExisting(database)).toMatchObject({ examined: rows.length, changed: 0 });
    expect(categorized()).toHaveLength(das.length);
  });
});
