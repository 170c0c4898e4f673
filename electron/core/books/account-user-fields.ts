import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open.ts';
import { accounts } from '../../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';
import type { AccountSummary, AccountUpdate } from '../../shared/models.ts';
import { listAccounts } from './accounts.ts';

/**
 * The user's own fields of an account: its nickname and whether it is hidden. Sync never
 * writes them (data-sync's account upsert sets only what Pluggy says), so both outlive
 * every update of the connection. Hiding keeps the moment it was first hidden.
 */
export function updateAccount(db: Db, { id, nickname, hidden }: AccountUpdate, now: Date): AccountSummary {
  const set: { nickname?: string | null; hiddenAt?: ReturnType<typeof sql> | null } = {};
  if (nickname !== undefined) set.nickname = nickname;
  if (hidden !== undefined) set.hiddenAt = hidden ? sql`coalesce(${accounts.hiddenAt}, ${now.toISOString()})` : null;
  const found =
    Object.keys(set).length > 0
      ? db.update(accounts).set(set).where(eq(accounts.id, id)).run().changes > 0
      : db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, id)).get() !== undefined;
  const account = found ? listAccounts(db).find((each) => each.id === id) : undefined;
  if (!account) throw new AppError('NOT_FOUND', `Account ${id} not found`);
  return account;
}
