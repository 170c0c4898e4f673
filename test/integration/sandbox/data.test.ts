import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../electron/core/sandbox/clock.ts';
import { startTestSandbox, type SandboxClient } from '../../support/sandbox.ts';

interface Row {
  id: string;
  date: string;
  amount: number;
  amountInAccountCurrency?: number;
  status: string;
  createdAt: string;
  categoryId?: string;
  currencyCode: string;
  creditCardMetadata?: { installmentNumber: number; totalInstallments: number };
  paymentData?: { paymentMethod?: string; payer?: { documentNumber?: { type: string } } };
}
interface Account {
  id: string;
  type: string;
  subtype: string;
  balance: number;
}

const clock = createClock(new Date('2026-11-21T12:00:00.000Z'));
let client: SandboxClient;
let itemId: string;
let accounts: Account[];

beforeAll(async () => {
  client = await startTestSandbox({ clock });
  const created = await client.call('POST', '/items', {
    body: { connectorId: 0, parameters: { user: 'user-ok', password: 'password-ok' } },
  });
  itemId = (created.body as { id: string }).id;
  accounts = ((await client.call('GET', `/accounts?itemId=${itemId}`)).body as { results: Account[] }).results;
});
afterAll(() => client.stop());

const account = (subtype: string) => {
  const found = accounts.find((candidate) => candidate.subtype === subtype);
  if (!found) throw new Error(`no ${subtype}`);
  return found;
};

/** Follows `next` to the end, as a client should. */
async function allRows(accountId: string, query = ''): Promise<Row[]> {
  const rows: Row[] = [];
  let path: string | null = `/v2/transactions?accountId=${accountId}${query}`;
  while (path) {
    const page = (await client.call('GET', path)).body as { results: Row[]; next: string | null };
    rows.push(...page.results);
    path = page.next ? `/v2/transactions${page.next}` : null;
  }
  return rows;
}

describe("a freelancer's year of data", () => {
  it('has a checking account, a savings account and a credit card', () => {
    expect(accounts.map((candidate) => candidate.subtype).sort()).toEqual([
      'CHECKING_ACCOUNT',
      'CREDIT_CARD',
      'SAVINGS_ACCOUNT',
    ]);
  });

  it('pages through every row with the v2 cursor, in date order, without repeats', async () => {
    const rows = await allRows(account('CHECKING_ACCOUNT').id);
    expect(rows.length).toBeGreaterThan(500); // more than one page
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    const dates = rows.map((row) => row.date);
    expect(dates).toEqual([...dates].sort());
    const v1 = (await client.call('GET', `/transactions?accountId=${account('CHECKING_ACCOUNT').id}&pageSize=1`))
      .body as {
      total: number;
    };
    expect(v1.total).toBe(rows.length);
    const year = Date.parse('2026-11-21T12:00:00.000Z') - Date.parse(rows[0]?.date ?? '');
    expect(year / (24 * 3600 * 1000)).toBeGreaterThan(360);
  });

  it("looks like a Brazilian freelancer's books", async () => {
    const checking = await allRows(account('CHECKING_ACCOUNT').id);
    const card = await allRows(account('CREDIT_CARD').id);
    expect(checking.some((row) => row.amount > 0 && row.paymentData?.paymentMethod === 'PIX')).toBe(true);
    expect(checking.some((row) => row.paymentData?.payer?.documentNumber?.type === 'CNPJ')).toBe(true);
    expect(checking.some((row) => row.categoryId === '17010000')).toBe(true); // rent
    expect(checking.some((row) => row.categoryId === '15000000')).toBe(true); // DAS / INSS
    expect(checking.some((row) => row.categoryId === '16010000')).toBe(true); // bank fees
    expect(checking.some((row) => row.categoryId === '04000000')).toBe(true); // own-account transfers
    expect(card.filter((row) => row.amount > 0).length).toBeGreaterThan(card.length / 2); // purchases positive
    expect(card.some((row) => row.currencyCode === 'USD' && row.amountInAccountCurrency !== undefined)).toBe(true);
    expect(card.some((row) => (row.creditCardMetadata?.totalInstallments ?? 0) > 1)).toBe(true);
    expect(checking.some((row) => row.status === 'PENDING')).toBe(true);
  });

  it('filters by date, inclusive, on São Paulo days', async () => {
    const rows = await allRows(account('CHECKING_ACCOUNT').id, '&dateFrom=2026-03-01&dateTo=2026-03-31');
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(Date.parse(row.date)).toBeGreaterThanOrEqual(Date.parse('2026-03-01T00:00:00-03:00'));
      expect(Date.parse(row.date)).toBeLessThanOrEqual(Date.parse('2026-03-31T23:59:59.999-03:00'));
    }
    const bad = await client.call(
      'GET',
      `/v2/transactions?accountId=${account('CHECKING_ACCOUNT').id}&dateFrom=01/03/2026`,
    );
    expect(bad.status).toBe(400);
  });

  it('a card bill is what the card owed at its close, paid in full from checking on the due date', async () => {
    const card = account('CREDIT_CARD');
    const rows = await allRows(card.id);
    const checkingRows = await allRows(account('CHECKING_ACCOUNT').id);
    const bills = (
      (await client.call('GET', `/bills?accountId=${card.id}`)).body as {
        results: { billClosingDate: string; dueDate: string; totalAmount: number }[];
      }
    ).results;
    expect(bills.length).toBeGreaterThanOrEqual(11);
    const cents = (row: Row) => Math.round((row.amountInAccountCurrency ?? row.amount) * 100);
    const owedAt = (time: number) =>
      rows.filter((row) => Date.parse(row.date) <= time).reduce((total, row) => total + cents(row), 0);
    let paid = 0;
    for (const bill of bills) {
      const total = Math.round(bill.totalAmount * 100);
      expect(total).toBe(owedAt(Date.parse(bill.billClosingDate)));
      if (Date.parse(bill.dueDate) > Date.parse('2026-11-21T12:00:00.000Z') || total <= 0) continue;
      const onCard = rows.filter((row) => row.date === bill.dueDate && cents(row) === -total);
      const fromChecking = checkingRows.filter((row) => row.date === bill.dueDate && cents(row) === -total);
      expect(onCard, bill.dueDate).toHaveLength(1);
      expect(fromChecking, bill.dueDate).toHaveLength(1);
      paid += 1;
    }
    expect(paid).toBeGreaterThanOrEqual(10);
    expect(Math.round(card.balance * 100)).toBe(owedAt(Number.POSITIVE_INFINITY));
  });

  it('moves money to savings each month, the same amount on both sides', async () => {
    const out = (await allRows(account('CHECKING_ACCOUNT').id)).filter((row) => row.categoryId === '04000000');
    const into = (await allRows(account('SAVINGS_ACCOUNT').id)).filter((row) => row.categoryId === '04000000');
    expect(out.length).toBeGreaterThanOrEqual(11);
    expect(into.map((row) => [row.date, row.amount])).toEqual(out.map((row) => [row.date, -row.amount]));
  });
});

describe('what an update changes', () => {
  it('adds rows (some back-dated, all newly created), posts pending ones, and drops some', async () => {
    const checking = account('CHECKING_ACCOUNT').id;
    const before = new Map((await allRows(checking)).map((row) => [row.id, row]));
    clock.advance(23 * 3600 * 1000); // before Pluggy's own daily update would start
    client.sandbox.control.autoUpdate(itemId);
    const item = (await client.call('GET', `/items/${itemId}`)).body as { status: string; lastUpdatedAt: string };
    expect(item.status).toBe('UPDATED');

    const after = await allRows(checking);
    const created = after.filter((row) => !before.has(row.id));
    expect(created.length).toBeGreaterThan(0);
    const sinceUpdate = await allRows(checking, `&createdAtFrom=${encodeURIComponent(item.lastUpdatedAt)}`);
    expect(sinceUpdate.map((row) => row.id).sort()).toEqual(created.map((row) => row.id).sort());

    const wasPending = [...before.values()].filter((row) => row.status === 'PENDING');
    const nowById = new Map(after.map((row) => [row.id, row]));
    const posted = wasPending.filter((row) => nowById.get(row.id)?.status === 'POSTED');
    const dropped = [...before.keys()].filter((id) => !nowById.has(id));
    expect(posted.length).toBeGreaterThan(0);
    for (const id of dropped) expect((await client.call('GET', `/transactions/${id}`)).status).toBe(404);

    const byIds = (
      await client.call('GET', `/v2/transactions?accountId=${checking}&ids=${posted.map((row) => row.id).join(',')}`)
    ).body as { results: Row[] };
    expect(byIds.results.every((row) => row.status === 'POSTED')).toBe(true);
  });

  it('keeps a cursor valid across an update: no row twice, none after it missed', async () => {
    const checking = account('CHECKING_ACCOUNT').id;
    const first = (await client.call('GET', `/v2/transactions?accountId=${checking}&pageSize=300`)).body as {
      results: Row[];
      next: string;
    };
    clock.advance(23 * 3600 * 1000);
    client.sandbox.control.autoUpdate(itemId);
    const seen = [...first.results];
    let path: string | null = `/v2/transactions${first.next}`;
    while (path) {
      const page = (await client.call('GET', path)).body as { results: Row[]; next: string | null };
      seen.push(...page.results);
      path = page.next ? `/v2/transactions${page.next}` : null;
    }
    expect(new Set(seen.map((row) => row.id)).size).toBe(seen.length);
    const boundary = first.results.at(-1)?.date ?? '';
    const expected = (await allRows(checking)).filter((row) => row.date > boundary).map((row) => row.id);
    const seenIds = new Set(seen.map((row) => row.id));
    expect(expected.filter((id) => !seenIds.has(id))).toEqual([]);
  });

  it('numbers v1 pages consistently with the v2 listing, removed rows and all', async () => {
    const checking = account('CHECKING_ACCOUNT').id;
    const all = await allRows(checking);
    for (const [page, pageSize] of [
      [1, 100],
      [3, 100],
      [7, 37],
    ] as const) {
      const v1 = (await client.call('GET', `/transactions?accountId=${checking}&page=${page}&pageSize=${pageSize}`))
        .body as { results: Row[]; total: number; totalPages: number };
      expect(v1.total).toBe(all.length);
      expect(v1.totalPages).toBe(Math.ceil(all.length / pageSize));
      expect(v1.results.map((row) => row.id)).toEqual(
        all.slice((page - 1) * pageSize, page * pageSize).map((row) => row.id),
      );
    }
    const beyond = (await client.call('GET', `/transactions?accountId=${checking}&page=999&pageSize=100`)).body as {
      results: Row[];
    };
    expect(beyond.results).toEqual([]);
  });

  it('lets a category be changed', async () => {
    const [row] = await allRows(account('SAVINGS_ACCOUNT').id);
    if (!row) throw new Error('no rows');
    const patched = await client.call('PATCH', `/transactions/${row.id}`, { body: { categoryId: '03020000' } });
    expect(patched.body).toMatchObject({ id: row.id, categoryId: '03020000', category: 'Fixed income' });
    expect((await client.call('GET', `/transactions/${row.id}`)).body).toMatchObject({ categoryId: '03020000' });
    expect((await client.call('PATCH', `/transactions/${row.id}`, { body: { categoryId: 'nope' } })).status).toBe(400);
  });

  it('answers the deprecated v1 endpoint with 410 when asked to', async () => {
    client.sandbox.control.setV1Deprecated(true);
    const response = await client.call('GET', `/transactions?accountId=${account('CHECKING_ACCOUNT').id}`);
    client.sandbox.control.setV1Deprecated(false);
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({ code: 410, codeDescription: 'ENDPOINT_DEPRECATED' });
  });
});
