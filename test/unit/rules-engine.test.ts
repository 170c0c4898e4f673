import { describe, expect, it } from 'vitest';
import {
  applyRules,
  compile,
  type CurrentUserFields,
  FoldedSubject,
  type RuleSubject,
} from '../../electron/core/rules/engine.ts';
import { type Condition, RuleDraft, ruleIssues, type RuleActions } from '../../electron/shared/rules.ts';

const subject: RuleSubject = {
  description: 'PIX RECEBIDO Padaria São João LTDA 0423',
  merchantName: 'Padaria São João',
  counterpartyName: 'JOÃO DA SILVA',
  counterpartyDocument: '123.456.789-09',
  merchantCnpj: '12.345.678/0001-95',
  paymentMethod: 'PIX',
  amountCents: -4990,
  accountId: 'acc-checking',
  pluggyCategoryId: '05000000',
};

const noUserData: CurrentUserFields = {
  categoryId: null,
  categorySource: null,
  manualFields: null,
  counterpartyDisplayName: null,
  notes: null,
  tags: null,
  usage: null,
  deductible: null,
};

/** Whether one condition, parsed as the editor's input is, matches the subject. */
function matches(condition: unknown, row: RuleSubject = subject): boolean {
  const draft = RuleDraft.parse({ name: 't', conditions: [condition], actions: { notes: 'x' } });
  expect(ruleIssues(draft)).toEqual([]);
  return compile({ id: 1, ...draft }).matches(new FoldedSubject(row));
}

let nextId = 1;
function rule(conditions: Condition[], actions: RuleActions, match: 'all' | 'any' = 'all') {
  return compile({ id: nextId++, match, conditions, actions });
}

describe('text conditions', () => {
  it('contains and equals ignore case and accents, on both sides', () => {
    expect(matches({ field: 'description', operator: 'contains', value: 'padaria sao joao' })).toBe(true);
    expect(matches({ field: 'description', operator: 'contains', value: 'PADARIA SÃO JOÃO' })).toBe(true);
    expect(matches({ field: 'description', operator: 'contains', value: 'padoca' })).toBe(false);
    expect(matches({ field: 'merchant', operator: 'equals', value: 'padaria sao joao' })).toBe(true);
    expect(matches({ field: 'merchant', operator: 'equals', value: 'padaria' })).toBe(false);
    expect(matches({ field: 'counterparty', operator: 'contains', value: 'joão da' })).toBe(true);
    expect(matches({ field: 'counterparty', operator: 'equals', value: 'Joao da Silva' })).toBe(true);
  });

  it('a missing merchant or counterparty matches no text condition', () => {
    const bare = { ...subject, merchantName: null, counterpartyName: null };
    expect(matches({ field: 'merchant', operator: 'contains', value: 'a' }, bare)).toBe(false);
    expect(matches({ field: 'counterparty', operator: 'regex', value: '.*' }, bare)).toBe(false);
  });

  it('regex ignores case and accents and may be anchored', () => {
    expect(matches({ field: 'description', operator: 'regex', value: '^pix recebido .* ltda \\d{4}$' })).toBe(true);
    expect(matches({ field: 'description', operator: 'regex', value: 'SÃO\\s+JOÃO' })).toBe(true);
    expect(matches({ field: 'description', operator: 'regex', value: '^padaria' })).toBe(false);
    expect(matches({ field: 'merchant', operator: 'regex', value: 'padaria (sao|santa)' })).toBe(true);
  });

  it('reports patterns that cannot run, by kind and in plain words, at their path, without throwing', () => {
    const draft = RuleDraft.parse({
      name: 'bad',
      conditions: [
        { field: 'merchant', operator: 'contains', value: 'ok' },
        { field: 'description', operator: 'regex', value: '(unclosed' },
        { field: 'counterparty', operator: 'regex', value: 'joao(?= da)' },
        { field: 'description', operator: 'regex', value: '(a+)+$' },
        { field: 'description', operator: 'regex', value: '.{0,999}' },
      ],
      actions: { notes: 'x' },
    });
    expect(ruleIssues(draft)).toEqual([
      {
        path: ['conditions', 1, 'value'],
        problem: 'invalid',
        message: expect.stringMatching(/^Not a valid regular expression/) as string,
      },
      {
        path: ['conditions', 2, 'value'],
        problem: 'lookaround',
        message: expect.stringMatching(/Lookahead/) as string,
      },
      {
        path: ['conditions', 4, 'value'],
        problem: 'tooComplex',
        message: expect.stringMatching(/Too complex/) as string,
      },
    ]);
  });

  it('a rule with a pattern that cannot run (stored by an older version) matches nothing, even by its other conditions', () => {
    const broken = (match: 'all' | 'any') =>
      compile({
        id: 1,
        match,
        conditions: [
          { field: 'description', operator: 'contains', value: 'padaria' },
          { field: 'description', operator: 'regex', value: 'padaria(?= sao)' },
        ],
        actions: { notes: 'x' },
      });
    expect(broken('any').matches(new FoldedSubject(subject))).toBe(false);
    expect(broken('all').matches(new FoldedSubject(subject))).toBe(false);
  });

  it('refuses empty and overlong texts', () => {
    expect(
      RuleDraft.safeParse({
        name: 'x',
        conditions: [{ field: 'description', operator: 'contains', value: ' ' }],
        actions: { notes: 'x' },
      }).success,
    ).toBe(false);
    expect(
      RuleDraft.safeParse({
        name: 'x',
        conditions: [{ field: 'description', operator: 'regex', value: 'a'.repeat(201) }],
        actions: { notes: 'x' },
      }).success,
    ).toBe(false);
  });
});

describe('other conditions', () => {
  it('document matches the CPF or CNPJ of the counterparty or merchant, punctuation ignored', () => {
    expect(matches({ field: 'document', operator: 'equals', value: '12345678909' })).toBe(true);
    expect(matches({ field: 'document', operator: 'equals', value: '12.345.678/0001-95' })).toBe(true);
    expect(matches({ field: 'document', operator: 'equals', value: '98765432100' })).toBe(false);
    expect(
      RuleDraft.safeParse({
        name: 'x',
        conditions: [{ field: 'document', operator: 'equals', value: '123' }],
        actions: { notes: 'x' },
      }).success,
    ).toBe(false);
  });

  it('payment method is any of those listed', () => {
    expect(matches({ field: 'paymentMethod', operator: 'in', values: ['BOLETO', 'PIX'] })).toBe(true);
    expect(matches({ field: 'paymentMethod', operator: 'in', values: ['TED'] })).toBe(false);
    expect(
      matches({ field: 'paymentMethod', operator: 'in', values: ['PIX'] }, { ...subject, paymentMethod: null }),
    ).toBe(false);
  });

  it('amounts compare magnitudes; the sign has its own condition', () => {
    expect(matches({ field: 'amount', operator: 'equals', cents: 4990 })).toBe(true);
    expect(matches({ field: 'amount', operator: 'equals', cents: 4991 })).toBe(false);
    expect(matches({ field: 'amount', operator: 'between', minCents: 4990, maxCents: 5000 })).toBe(true);
    expect(matches({ field: 'amount', operator: 'between', minCents: 1000, maxCents: 4989 })).toBe(false);
    expect(matches({ field: 'amount', operator: 'sign', sign: 'out' })).toBe(true);
    expect(matches({ field: 'amount', operator: 'sign', sign: 'in' })).toBe(false);
    expect(matches({ field: 'amount', operator: 'sign', sign: 'in' }, { ...subject, amountCents: 100 })).toBe(true);
    expect(
      RuleDraft.safeParse({
        name: 'x',
        conditions: [{ field: 'amount', operator: 'between', minCents: 10, maxCents: 5 }],
        actions: { notes: 'x' },
      }).success,
    ).toBe(false);
  });

  it('account and Pluggy category are any of those listed', () => {
    expect(matches({ field: 'account', operator: 'in', values: ['acc-card', 'acc-checking'] })).toBe(true);
    expect(matches({ field: 'account', operator: 'in', values: ['acc-card'] })).toBe(false);
    expect(matches({ field: 'pluggyCategory', operator: 'in', values: ['05000000'] })).toBe(true);
    expect(
      matches(
        { field: 'pluggyCategory', operator: 'in', values: ['05000000'] },
        { ...subject, pluggyCategoryId: null },
      ),
    ).toBe(false);
  });

  it('a rule sets at least one field', () => {
    expect(
      RuleDraft.safeParse({ name: 'x', conditions: [{ field: 'amount', operator: 'sign', sign: 'in' }], actions: {} })
        .success,
    ).toBe(false);
  });
});

describe('all / any', () => {
  const hit: Condition = { field: 'paymentMethod', operator: 'in', values: ['PIX'] };
  const miss: Condition = { field: 'amount', operator: 'sign', sign: 'in' };
  const folded = new FoldedSubject(subject);
  it('all needs every condition, any one of them', () => {
    expect(rule([hit, miss], { notes: 'x' }, 'all').matches(folded)).toBe(false);
    expect(rule([hit, hit], { notes: 'x' }, 'all').matches(folded)).toBe(true);
    expect(rule([hit, miss], { notes: 'x' }, 'any').matches(folded)).toBe(true);
    expect(rule([miss, miss], { notes: 'x' }, 'any').matches(folded)).toBe(false);
  });
});

describe('applyRules', () => {
  const pix: Condition = { field: 'paymentMethod', operator: 'in', values: ['PIX'] };
  const bakery: Condition = { field: 'merchant', operator: 'contains', value: 'padaria' };
  const never: Condition = { field: 'amount', operator: 'sign', sign: 'in' };

  it('sets every action of a matching rule, and names it', () => {
    const r = rule([bakery], {
      categoryId: 'food',
      counterpartyDisplayName: 'Padaria',
      tags: ['casa'],
      usage: 'personal',
      deductible: false,
      notes: 'pão',
    });
    expect(applyRules([r], subject, null)).toEqual({
      ruleId: r.id,
      fields: {
        categoryId: 'food',
        counterpartyDisplayName: 'Padaria',
        tags: ['casa'],
        usage: 'personal',
        deductible: false,
        notes: 'pão',
      },
    });
  });

  it('for each field the first matching rule in order wins; later rules fill the others', () => {
    const skipped = rule([never], { categoryId: 'income' });
    const first = rule([bakery], { categoryId: 'food' });
    const second = rule([pix], { categoryId: 'transfers', usage: 'business' });
    expect(applyRules([skipped, first, second], subject, null)).toEqual({
      ruleId: first.id,
      fields: { categoryId: 'food', usage: 'business' },
    });
    expect(applyRules([skipped, second, first], subject, null)).toEqual({
      ruleId: second.id,
      fields: { categoryId: 'transfers', usage: 'business' },
    });
  });

  it("overrides Pluggy's category and an earlier rule's, never the user's", () => {
    const r = rule([bakery], { categoryId: 'food', notes: 'rule note', usage: 'business' });
    expect(applyRules([r], subject, { ...noUserData, categoryId: 'other', categorySource: 'rule' })?.fields).toEqual({
      categoryId: 'food',
      notes: 'rule note',
      usage: 'business',
    });
    const manual: CurrentUserFields = {
      ...noUserData,
      categoryId: 'mine',
      categorySource: 'manual',
      notes: 'my note',
      manualFields: ['notes'],
    };
    expect(applyRules([r], subject, manual)?.fields).toEqual({ usage: 'business' });
    // A protected field is still decided by the first rule that sets it: a later rule does not get it either.
    const later = rule([pix], { categoryId: 'transfers', notes: 'later' });
    expect(applyRules([r, later], subject, { ...manual, manualFields: ['notes', 'usage'] })).toBeNull();
  });

  it('is idempotent: what the rules already set is no change', () => {
    const r = rule([bakery], { categoryId: 'food', tags: ['a', 'b'], deductible: true });
    const changes = applyRules([r], subject, null);
    const after: CurrentUserFields = {
      ...noUserData,
      categoryId: 'food',
      categorySource: 'rule',
      tags: ['a', 'b'],
      deductible: true,
    };
    expect(changes).not.toBeNull();
    expect(applyRules([r], subject, after)).toBeNull();
    expect(applyRules([r], subject, { ...after, tags: ['b', 'a'] })?.fields).toEqual({ tags: ['a', 'b'] });
  });

  it('returns null when no rule matches or there are none', () => {
    expect(applyRules([rule([never], { notes: 'x' })], subject, null)).toBeNull();
    expect(applyRules([], subject, null)).toBeNull();
  });
});
