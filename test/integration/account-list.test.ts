import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../electron/shared/models.ts';
import { noticedSession } from '../support/noticed-session.ts';

const { call, notices } = noticedSession();

/**
 * Links a sandbox bank through the handlers, as the Connect window does, and waits for its
 * first sync. The same bank again is asked about first: `again` keeps both.
 */
async function link(connectorId: number, again = false): Promise<string> {
  const created = await call<{ id: string }>('connections:create', {
    connectorId,
    parameters: { user: 'user-ok', password: 'password-ok' },
  });
  if (again) {
    await notices().next('duplicate-found', created.id);
    await call('connections:resolve-duplicate', { itemId: created.id, keep: 'both' });
  }
  await notices().next('item-updated', created.id);
  return created.id;
}

describe('accounts:list', () => {
  it('names every account by institution, name and number, never two alike, and marks demo data', async () => {
    const first = await link(0);
    const second = await link(0, true);
    const accounts = await call<AccountSummary[]>('accounts:list');
    expect(accounts).toHaveLength(6);
    expect(new Set(accounts.map((account) => account.displayName)).size).toBe(6);
    expect(new Set(accounts.map((account) => account.shortName)).size).toBe(6);
    for (const account of accounts) {
      expect(account.displayName.startsWith(`${account.institution} · ${account.name}`)).toBe(true);
      expect(account).toMatchObject({ mode: 'demo', hidden: false, nickname: null });
    }
    // The bank linked first keeps the plain names; the second's are numbered.
    const checking = (itemId: string) =>
      accounts.find((account) => account.connectionId === itemId && account.subtype === 'CHECKING_ACCOUNT');
    expect(checking(first)?.displayName).toMatch(/^Pluggy Bank · Conta Corrente ·· \d{4}-\d$/);
    expect(checking(second)?.displayName).toBe(`${checking(first)?.displayName} (2)`);
    // Grouped by institution, each connection's accounts together.
    const order = accounts.map((account) => account.connectionId);
    expect(order.filter((id, index) => id !== order[index - 1])).toHaveLength(2);
  });
});
