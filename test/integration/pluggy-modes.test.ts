import { count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accountHolders, accounts, connections, reconciliations, syncRuns, transactions } from '../../db/schema.ts';
import { dispatch } from '../../electron/core/ipc/dispatch.ts';
import type { SandboxHandle } from '../../electron/core/sandbox/server.ts';
import { trayModel } from '../../electron/core/tray/tray-model.ts';
import type { AccountSummary, ConnectionSummary, DemoData } from '../../electron/shared/models.ts';
import { reconcile } from '../support/reconciled-fixture.ts';
import { ownPluggySession } from '../support/own-pluggy-session.ts';

/**
 * Demo data and the user's own data never mix silently. Each mode's connections live at
 * their own Pluggy (demo mode's embedded sandbox; the user's application, played here by a
 * second sandbox), and only the current mode's are followed: the other mode's are never sent
 * to the wrong Pluggy. Switching to the own application offers to remove the demo data and
 * everything it brought; going back to demo mode leaves the user's own data alone.
 */
const own = ownPluggySession();
const { call } = own;
const refused = async (channel: string, input: unknown) => {
  const result = await dispatch(own.handlers, channel, input);
  return result.ok ? null : result.error;
};
const demoSandbox = async () => (await own.deps.demoSandbox()) as SandboxHandle;

/** Links the sandbox bank in the current mode and waits for its first sync; its id. */
async function link(connectorId = 0): Promise<string> {
  const { id } = await call<ConnectionSummary>('connections:create', {
    connectorId,
    parameters: { user: 'user-ok', password: 'password-ok' },
  });
  await own.notices.next('item-updated', id);
  return id;
}

/** The requests a Pluggy received about an item since `from` (an index into its log). */
const askedAbout = (requests: readonly { path: string }[], itemId: string, from = 0) =>
  requests.slice(from).filter((request) => request.path.includes(itemId));

const rowCount = (
  table: typeof connections | typeof accounts | typeof transactions | typeof reconciliations | typeof accountHolders,
) => own.database.db.select({ count: count() }).from(table).get()?.count ?? 0;

const tray = (list: ConnectionSummary[]) =>
  trayModel({
    language: 'pt-BR',
    connections: list,
    paused: false,
    lastSyncedAt: null,
    refreshing: new Set(),
    refreshingAll: false,
  });

describe('switching to the own application with demo data in the books', () => {
  it('removes the demo connections and all they brought, reconciled rows named and only once confirmed', async () => {
    const demoId = await link();
    const checking = own.database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.subtype, 'CHECKING_ACCOUNT'))
      .get();
    const row = own.database.db
      .select({ id: transactions.id, description: transactions.description, date: transactions.date })
      .from(transactions)
      .where(eq(transactions.accountId, checking?.id ?? ''))
      .get();
    reconcile(own.database.sqlite, checking?.id ?? '', [row?.id ?? '']);
    const names = new Map((await call<AccountSummary[]>('accounts:list')).map((each) => [each.id, each.displayName]));

    const demo = await call<DemoData>('demo-data:get');
    expect(demo).toMatchObject({
      present: true,
      connections: ['Pluggy Bank'],
      accounts: 3,
      reconciledCount: 1,
      reconciled: [
        { id: row?.id, description: row?.description, date: row?.date, account: names.get(checking?.id ?? '') },
      ],
    });
    expect(demo.transactions).toBe(own.database.db.select({ count: count() }).from(transactions).get()?.count);

    await call('pluggy-account:save', own.pluggy.sandbox.credentials);
    expect(await refused('demo-data:remove', {})).toMatchObject({
      code: 'TRANSACTION_RECONCILED',
      details: { count: 1 },
    });
    expect(rowCount(transactions)).toBe(demo.transactions);

    const left = await call<DemoData>('demo-data:remove', { confirmReconciled: true });
    expect(left).toEqual({
      present: false,
      connections: [],
      accounts: 0,
      transactions: 0,
      reconciledCount: 0,
      reconciled: [],
    });
    for (const table of [connections, accounts, transactions, reconciliations, accountHolders]) {
      expect(rowCount(table)).toBe(0);
    }
    expect(await call('reports:owner')).toMatchObject({ source: 'none', bankHolders: [] });
    expect(own.database.db.select().from(syncRuns).all()).toEqual([]);
    // Gone where it lived (the embedded sandbox) too; the user's Pluggy never heard of it.
    expect((await demoSandbox()).control.items.all().map((item) => item.id)).not.toContain(demoId);
    expect(askedAbout(own.pluggy.sandbox.control.requests, demoId)).toEqual([]);
    expect(await call('accounts:list')).toEqual([]);
  });

  it('kept, the demo data stays marked and is never sent to the user’s Pluggy: not polled, refreshed or renewed', async () => {
    const demoId = await link();
    const before = own.database.db.select().from(connections).where(eq(connections.id, demoId)).get();
    const asked = own.pluggy.sandbox.control.requests.length;
    await call('pluggy-account:save', own.pluggy.sandbox.credentials);
    await own.deps.connections.resume('test');
    await own.deps.connections.refreshAll();

    expect(askedAbout(own.pluggy.sandbox.control.requests, demoId, asked)).toEqual([]);
    const [kept] = await call<ConnectionSummary[]>('connections:list');
    expect(kept).toMatchObject({ id: demoId, mode: 'demo', followed: false, status: 'UPDATED', errorCode: null });
    expect(own.database.db.select().from(connections).where(eq(connections.id, demoId)).get()?.snapshot).toEqual(
      before?.snapshot,
    );
    for (const [channel, input] of [
      ['connections:refresh', { itemId: demoId }],
      ['connections:reconnect', { itemId: demoId, parameters: { user: 'user-ok', password: 'password-ok' } }],
      ['connections:mfa', { itemId: demoId, answer: { token: '123456' } }],
      ['connect-token:create', { itemId: demoId }],
    ] as const) {
      expect(await refused(channel, input)).toMatchObject({ code: 'CONNECTION_OTHER_MODE' });
    }
    expect(askedAbout(own.pluggy.sandbox.control.requests, demoId, asked)).toEqual([]);
    // The tray leaves it out; the accounts say they are demo data.
    expect(tray([kept as ConnectionSummary]).menu).toContainEqual({ kind: 'label', label: 'Nenhum banco conectado' });
    expect((await call<AccountSummary[]>('accounts:list')).map((account) => account.mode)).toEqual([
      'demo',
      'demo',
      'demo',
    ]);
    expect(await call<DemoData>('demo-data:get')).toMatchObject({ present: true, connections: ['Pluggy Bank'] });

    // Removed on its own (keeping its rows): deleted where it lives, still demo data in the books.
    await call('connections:remove', { itemId: demoId, keepData: true });
    expect(askedAbout(own.pluggy.sandbox.control.requests, demoId, asked)).toEqual([]);
    expect((await demoSandbox()).control.items.all().map((item) => item.id)).not.toContain(demoId);
    expect(await call<DemoData>('demo-data:get')).toMatchObject({ present: true, connections: [], accounts: 3 });
    expect(await call<DemoData>('demo-data:remove', {})).toMatchObject({ present: false });
    expect(rowCount(accounts)).toBe(0);
  });
});

describe('going back to demo mode', () => {
  it('leaves the user’s own data alone, and never polls it against the sandbox', async () => {
    await call('pluggy-account:save', own.pluggy.sandbox.credentials);
    const ownId = await link();
    const rows = rowCount(transactions);
    expect(await call<DemoData>('demo-data:get')).toMatchObject({ present: false });

    const asked = own.pluggy.sandbox.control.requests.length;
    await call('pluggy-account:use', { mode: 'demo' });
    await own.deps.connections.resume('test');
    const demoId = await link();
    await own.deps.connections.resume('test');
    const demoRequests = (await demoSandbox()).control.requests;
    expect(askedAbout(demoRequests, ownId)).toEqual([]);
    expect(own.pluggy.sandbox.control.requests.slice(asked)).toEqual([]);

    const list = await call<ConnectionSummary[]>('connections:list');
    expect(list.find((each) => each.id === ownId)).toMatchObject({ mode: 'own', followed: false, status: 'UPDATED' });
    expect(list.find((each) => each.id === demoId)).toMatchObject({ mode: 'demo', followed: true });
    expect(await refused('connections:refresh', { itemId: ownId })).toMatchObject({ code: 'CONNECTION_OTHER_MODE' });

    // Forgetting the keys takes nothing of the books with it either.
    await call('pluggy-account:remove');
    const ownAccounts = own.database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.connectionId, ownId));
    expect(
      own.database.db
        .select({ count: count() })
        .from(transactions)
        .where(inArray(transactions.accountId, ownAccounts))
        .get()?.count,
    ).toBe(rows);
    expect((await call<DemoData>('demo-data:get')).connections).toEqual(['Pluggy Bank']);
  });
});
